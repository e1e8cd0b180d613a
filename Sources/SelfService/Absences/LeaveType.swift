import PersoCore

/// The kinds of absence of the federal civil service, each with its rule. Circumstance leave comes in the events the
/// regulation names, each with its fixed allowance in working days per event.
enum LeaveType: String, Codable, Sendable, CaseIterable {
    /// Congé annuel de vacances: a yearly entitlement by age, pro-rated to the regime, the rest carried over.
    case annual
    /// Hours worked beyond the regime, given back as time off.
    case compensatory
    /// Circumstance leave: the person's own marriage or legal cohabitation.
    case marriage
    /// Circumstance leave: the birth of the person's child (congé de naissance).
    case birth
    /// Circumstance leave: the death of a spouse, partner, child or parent.
    case deathClose = "death_close"
    /// Circumstance leave: the death of a grandparent, grandchild, brother or sister.
    case deathRelative = "death_relative"
    /// Leave for compelling family reasons, up to a yearly maximum.
    case exceptional
    /// Registered by the person, never approved by anyone, and never shown with its reason to anyone else.
    case sick

    /// What a person may ask for in the request form (sick leave has its own).
    static let requestable: [LeaveType] = [.annual, .compensatory, .marriage, .birth, .deathClose, .deathRelative, .exceptional]

    /// The allowance of one event of circumstance leave, in working days.
    var daysPerEvent: Int? {
        switch self {
        case .marriage: 4
        case .birth: 20
        case .deathClose: 4
        case .deathRelative: 2
        default: nil
        }
    }

    /// Leave for compelling family reasons: at most 15 working days a year.
    static let exceptionalDaysPerYear = 15
}
