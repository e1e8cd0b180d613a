import FluentKit
import Foundation
import PersoCore

/// A person's usual telework days (Monday is 0). The newest approved pattern is in force; a newer one asked waits for
/// the manager where the organisation wants approval.
final class TeleworkPattern: Model, @unchecked Sendable {
    static let schema = "selfservice_telework_patterns"

    enum Status: String, Codable, Sendable { case approved, requested, refused }

    @ID(key: .id) var id: UUID?
    @Field(key: "national_number") var nationalNumber: String
    @Field(key: "weekdays") var weekdays: [Int]
    @Field(key: "status") var status: Status
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "decided_by_name") var decidedByName: String?

    init() {}

    init(nationalNumber: String, weekdays: [Int], status: Status, at: Date) {
        self.nationalNumber = nationalNumber
        self.weekdays = weekdays.sorted()
        self.status = status
        createdAt = at
    }
}

/// A day other than the pattern says: teleworking on a day usually at the office, or at the office on a usual
/// telework day.
final class TeleworkDay: Model, @unchecked Sendable {
    static let schema = "selfservice_telework_days"

    enum Kind: String, Codable, Sendable { case add, remove }

    @ID(key: .id) var id: UUID?
    @Field(key: "national_number") var nationalNumber: String
    @Field(key: "day") var day: String
    @Field(key: "kind") var kind: Kind

    init() {}

    init(nationalNumber: String, day: FederalCalendar.Day, kind: Kind) {
        self.nationalNumber = nationalNumber
        self.day = day.description
        self.kind = kind
    }
}

/// Each organisation's telework rule: how many days a week at most, and whether the manager approves the pattern.
struct TeleworkRules: Sendable {
    let cap: Int
    let approvalRequired: Bool

    static func of(_ organisation: String) -> TeleworkRules {
        switch organisation {
        case "bosa": TeleworkRules(cap: 3, approvalRequired: true)
        case "finance": TeleworkRules(cap: 2, approvalRequired: false)
        default: TeleworkRules(cap: 2, approvalRequired: true)
        }
    }
}
