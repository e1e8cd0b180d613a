import Foundation
import PersoCore

/// A person's working regime: the minutes worked on each weekday, Monday first. Absences are counted in these minutes,
/// so that a day off costs a part-timer what that day is worth to them and 4/5 comes out right.
struct WorkingRegime: Codable, Sendable, Equatable {
    /// Monday … Sunday.
    let minutes: [Int]

    /// 38 hours a week: 7 h 36 from Monday to Friday, the federal civil service's full time.
    static let fullTime = WorkingRegime(minutes: [456, 456, 456, 456, 456, 0, 0])
    /// Four fifths with Friday off.
    static let fourFifths = WorkingRegime(minutes: [456, 456, 456, 456, 0, 0, 0])
    static let fullTimeWeek = 5 * 456

    init(minutes: [Int]) {
        precondition(minutes.count == 7)
        self.minutes = minutes
    }

    /// The minutes of `day` (FederalCalendar's weekday: 1 is Sunday).
    func minutes(on day: FederalCalendar.Day) -> Int { minutes[(day.weekday + 5) % 7] }

    var weekMinutes: Int { minutes.reduce(0, +) }

    /// The share of full time, as leave entitlements are pro-rated: 1 for full time, 0.8 for 4/5.
    var fraction: Double { Double(weekMinutes) / Double(Self.fullTimeWeek) }

    /// "4/5", "1/2" or a percentage, as HR writes it.
    var shareName: String {
        switch weekMinutes {
        case Self.fullTimeWeek: "100 %"
        case Self.fullTimeWeek * 4 / 5: "4/5"
        case Self.fullTimeWeek / 2: "1/2"
        default: "\(Int((fraction * 100).rounded())) %"
        }
    }
}

/// Minutes as HR writes durations: "7:36", "197:36".
enum WorkingTime {
    static func text(_ minutes: Int) -> String {
        let sign = minutes < 0 ? "−" : ""
        let value = abs(minutes)
        return sign + "\(value / 60):" + String(format: "%02d", value % 60)
    }
}
