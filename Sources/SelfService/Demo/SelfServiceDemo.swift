import Foundation
import PersoCore

/// The demo people in the HR register, as the HR system would hand them over: at BOSA, Pieter manages Sophie and
/// Emma (who works 4/5, Fridays off); Sophie has leave carried over from last year. Seeding twice changes nothing that
/// people did meanwhile (absences, substitutes); the register rows are brought back to these values.
extension SelfServiceModule {
    public struct DemoPerson: Sendable {
        public let nationalNumber: String
        public let givenName: String
        public let surname: String
        public let email: String
        public let language: PersoCore.Language
        public let organisation: String
        /// `manager`, `hr_officer`… in `organisation`.
        public let roles: [String]

        public init(nationalNumber: String, givenName: String, surname: String, email: String, language: PersoCore.Language, organisation: String, roles: [String]) {
            self.nationalNumber = nationalNumber
            self.givenName = givenName
            self.surname = surname
            self.email = email
            self.language = language
            self.organisation = organisation
            self.roles = roles
        }
    }

    public func seedDemo(people: [DemoPerson]) async throws {
        // Each organisation's first manager manages its other people.
        let managers = Dictionary(people.filter { $0.roles.contains("manager") }.map { ($0.organisation, $0.nationalNumber) },
                                  uniquingKeysWith: { first, _ in first })
        for (index, person) in people.enumerated() {
            let manager = managers[person.organisation].flatMap { $0 == person.nationalNumber ? nil : $0 }
            let details = SelfServiceDemo.career(person, index: index)
            try await register.save(StaffMember(
                nationalNumber: person.nationalNumber, organisation: person.organisation, givenName: person.givenName,
                surname: person.surname, email: person.email, language: person.language,
                birthDate: SelfServiceDemo.birthDate(person.nationalNumber), service: details.service, grade: details.grade,
                entryDate: details.entry, manager: manager, regime: person.givenName == "Emma" ? .fourFifths : .fullTime,
                compensatoryMinutes: person.givenName == "Sophie" ? 912 : 0,
                carriedOverMinutes: person.givenName == "Sophie" ? 3 * 456 : 0,
                training: details.training
            ))
        }
    }
}

enum SelfServiceDemo {
    /// The birth date a national register number begins with; people born from 2000 have "2" before the nine
    /// digits in the check.
    static func birthDate(_ nationalNumber: String) -> String {
        let digits = Array(nationalNumber)
        guard digits.count == 11, let first9 = Int(String(digits[0..<9])), let check = Int(String(digits[9...])) else { return "1980-01-01" }
        let century = (97 - (2_000_000_000 + first9) % 97) == check ? "20" : "19"
        return "\(century)\(String(digits[0..<2]))-\(String(digits[2..<4]))-\(String(digits[4..<6]))"
    }

    static func career(_ person: SelfServiceModule.DemoPerson, index: Int) -> (service: String, grade: String, entry: String, training: [StaffMember.Training]) {
        let services = ["bosa": "DG Recrutement et Développement", "finance": "Administration générale de la Fiscalité"]
        let grades = ["manager": "A3 – Conseiller", "hr_officer": "A2 – Attaché", "registration_officer": "B1 – Expert administratif"]
        let grade = person.roles.compactMap { grades[$0] }.first ?? "A1 – Attaché"
        return (services[person.organisation] ?? "Service du personnel", grade, "\(2008 + index * 3)-0\(1 + index % 9)-01", [
            StaffMember.Training(title: "Gestion du temps et des priorités", day: "2025-03-\(10 + index)", hours: 7),
            StaffMember.Training(title: "RGPD pour les agents publics", day: "2026-02-0\(2 + index)", hours: 4),
        ])
    }
}
