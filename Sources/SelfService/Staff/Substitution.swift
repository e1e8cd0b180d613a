import FluentKit
import Foundation
import PersoCore

/// A manager's recorded absence and who decides in their place meanwhile: the substitute may approve the team's
/// requests only on the days from `firstDay` to `lastDay`, and each decision says it was taken as substitute.
final class Substitution: Model, @unchecked Sendable {
    static let schema = "selfservice_substitutions"

    @ID(key: .id) var id: UUID?
    @Field(key: "manager") var manager: String
    @Field(key: "substitute") var substitute: String
    @Field(key: "first_day") var firstDay: String
    @Field(key: "last_day") var lastDay: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(manager: String, substitute: String, firstDay: FederalCalendar.Day, lastDay: FederalCalendar.Day, at: Date) {
        self.manager = manager
        self.substitute = substitute
        self.firstDay = firstDay.description
        self.lastDay = lastDay.description
        createdAt = at
    }

    func covers(_ day: FederalCalendar.Day) -> Bool { firstDay <= day.description && day.description <= lastDay }
}
