import Foundation
import PersoCore

/// When an office receives people: opening periods for each weekday, and the days it closes besides the federal
/// public holidays (a local festivity, a training day).
public struct OpeningHours: Codable, Sendable, Equatable {
    /// A period of one day, in minutes from midnight (Brussels time): 9:00–12:00 is 540–720.
    public struct Period: Codable, Sendable, Equatable {
        public var from: Int
        public var to: Int

        public init(from: Int, to: Int) {
            self.from = from
            self.to = to
        }

        /// `09:00-12:00`
        public init?(_ text: some StringProtocol) {
            let ends = text.split(separator: "-")
            guard ends.count == 2, let from = Self.minutes(ends[0]), let to = Self.minutes(ends[1]), from < to else { return nil }
            self.init(from: from, to: to)
        }

        static func minutes(_ text: some StringProtocol) -> Int? {
            let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
            guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...24).contains(hour), (0..<60).contains(minute),
                  hour * 60 + minute <= 24 * 60 else { return nil }
            return hour * 60 + minute
        }

        public var description: String { String(format: "%02d:%02d–%02d:%02d", from / 60, from % 60, to / 60, to % 60) }
    }

    /// Monday first: `weekdays[0]` is Monday, `weekdays[6]` Sunday.
    public var weekdays: [[Period]]
    /// Extra closing days, `YYYY-MM-DD`.
    public var closedDays: [String]

    public init(weekdays: [[Period]], closedDays: [String] = []) {
        precondition(weekdays.count == 7, "one list of periods per weekday, Monday first")
        self.weekdays = weekdays
        self.closedDays = closedDays
    }

    /// The same periods Monday to Friday, closed at the weekend.
    public static func weekdays(_ periods: [Period]) -> OpeningHours {
        OpeningHours(weekdays: Array(repeating: periods, count: 5) + [[], []])
    }

    /// The periods of this day: none on a federal public holiday or a closing day.
    public func periods(on day: FederalCalendar.Day) -> [Period] {
        guard FederalCalendar.holiday(on: day) == nil, !closedDays.contains(day.description) else { return [] }
        // Foundation's weekday: 1 = Sunday … 7 = Saturday.
        return weekdays[(day.weekday + 5) % 7]
    }

    /// The starts of the appointments of this day, `slotMinutes` apart, each ending within its period.
    public func slots(on day: FederalCalendar.Day, slotMinutes: Int) -> [Date] {
        guard slotMinutes > 0 else { return [] }
        return periods(on: day).flatMap { period in
            stride(from: period.from, through: period.to - slotMinutes, by: slotMinutes).map { day.at(hour: $0 / 60, minute: $0 % 60) }
        }
    }
}
