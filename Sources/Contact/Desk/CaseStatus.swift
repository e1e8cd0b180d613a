/// Where a case stands. Only the desk moves a case between these, except that the employee's reply brings an
/// answered or waiting case back to "in progress", and reopens one closed less than 14 days ago.
enum CaseStatus: String, CaseIterable, Sendable, Codable {
    case new
    case inProgress = "in_progress"
    case waiting
    case answered
    case closed

    /// Still the desk's to do: counts for the due date and the "overdue" mark.
    var awaitsDesk: Bool { self == .new || self == .inProgress }

    var isOpen: Bool { self != .closed }
}
