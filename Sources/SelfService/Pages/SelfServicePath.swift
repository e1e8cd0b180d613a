import Foundation

/// PersoSelfService's addresses, each written once and used both to route and to link.
enum SelfServicePath {
    static let home = SelfServiceModule.path
    static let personal = home + "/personal"
    // The person's absences.
    static let absences = home + "/absences"
    static let sick = home + "/absences/sick"
    static let absenceRoute = home + "/absences/:absence"
    static let withdrawRoute = home + "/absences/:absence/withdraw"
    static let cancellationRoute = home + "/absences/:absence/cancellation"
    static let certificateRoute = home + "/absences/:absence/certificate"
    // The manager's team.
    static let team = home + "/team"
    static let requestRoute = home + "/team/requests/:absence"
    static let substitutes = home + "/team/substitutes"
    static let substituteRemovalRoute = home + "/team/substitutes/:substitution/remove"
    // Pay slips, career interruption, the HR officers' area.
    static let payslips = home + "/payslips"
    static let interruption = home + "/career-interruption"
    static let hr = home + "/hr"
    static let hrPayslips = home + "/hr/payslips"
    static let hrRunRoute = home + "/hr/payslips/:run"
    static let hrInterruptionRoute = home + "/hr/interruptions/:interruption"
    static let telework = home + "/telework"
    static let teleworkDays = home + "/telework/days"
    static let teleworkDecisionRoute = home + "/team/telework/:pattern"
    // The personnel file.
    static let file = home + "/file"
    static let staffFileRoute = home + "/hr/people/:person"
    static let staff = home + "/hr/people"

    static func absence(_ id: String) -> String { "\(absences)/\(id)" }
    static func withdraw(_ id: String) -> String { "\(absences)/\(id)/withdraw" }
    static func cancellation(_ id: String) -> String { "\(absences)/\(id)/cancellation" }
    static func certificate(_ id: String) -> String { "\(absences)/\(id)/certificate" }
    static func request(_ id: String) -> String { "\(team)/requests/\(id)" }
    static func removeSubstitute(_ id: UUID) -> String { "\(substitutes)/\(id.uuidString.lowercased())/remove" }
    static func team(month: String) -> String { "\(team)?month=\(month)" }
    static func staffFile(_ nationalNumber: String) -> String { "\(staff)/\(nationalNumber)" }
    static func hrRun(_ id: UUID) -> String { "\(hrPayslips)/\(id.uuidString.lowercased())" }
    static func hrInterruption(_ id: UUID) -> String { "\(hr)/interruptions/\(id.uuidString.lowercased())" }
    static func teleworkDecision(_ id: UUID) -> String { "\(team)/telework/\(id.uuidString.lowercased())" }
}
