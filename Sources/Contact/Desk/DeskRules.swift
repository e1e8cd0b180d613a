import Foundation
import PersoCore

/// The desk's promises: an answer within so many working days (weekends and federal holidays skipped), and how
/// long closed cases are kept.
public struct DeskRules: Sendable {
    /// "Answered within N working days" (`PERSOPOINT_CONTACT_ANSWER_DAYS`, 5 by default).
    public var answerWithinWorkingDays: Int
    /// Closed cases are deleted with their files after this (`PERSOPOINT_CONTACT_RETENTION_DAYS`, 2 years by default).
    public var retentionDays: Int

    public init(answerWithinWorkingDays: Int = 5, retentionDays: Int = 730) {
        self.answerWithinWorkingDays = answerWithinWorkingDays
        self.retentionDays = retentionDays
    }

    /// The end of the N-th working day after the day of `date` (Brussels).
    func due(after date: Date) -> Date {
        FederalCalendar.workingDay(answerWithinWorkingDays, after: FederalCalendar.Day(date)).end
    }
}
