import Foundation

/// The working days of the federal civil service: Monday to Friday, except the ten legal public holidays and the
/// three days the federal administrations close as well (2 January, 15 November, 26 December; royal decree of
/// 19 November 1998 on leave, art. 16). Days are Brussels days. A holiday falling on a weekend gives a replacement
/// day that each year's circular fixes; those are not predicted here.
public enum FederalCalendar {
    static let brussels: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Brussels") ?? .gmt
        return calendar
    }()

    /// A day of the calendar, without a time.
    public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
        public let year: Int
        public let month: Int
        public let day: Int

        public init(year: Int, month: Int, day: Int) {
            self.year = year
            self.month = month
            self.day = day
        }

        /// The Brussels day `date` falls on.
        public init(_ date: Date) {
            let c = FederalCalendar.brussels.dateComponents([.year, .month, .day], from: date)
            self.init(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
        }

        /// Midnight at the start of the day, Brussels time.
        public var start: Date {
            FederalCalendar.brussels.date(from: DateComponents(year: year, month: month, day: day)) ?? .distantPast
        }

        /// The last second of the day, Brussels time (a due date "by the end of the day").
        public var end: Date {
            FederalCalendar.brussels.date(byAdding: .day, value: 1, to: start).map { $0.addingTimeInterval(-1) } ?? start
        }

        public func adding(days: Int) -> Day {
            Day(FederalCalendar.brussels.date(byAdding: .day, value: days, to: start.addingTimeInterval(12 * 3600)) ?? start)
        }

        /// `2026-11-30`, as a form's date field sends it; nil for anything else or a day that does not exist.
        public init?(iso text: String) {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
                  (1...12).contains(month), (1...31).contains(day), (1900...2999).contains(year) else { return nil }
            self.init(year: year, month: month, day: day)
            // 31 February comes back from the calendar as another day.
            guard Day(start.addingTimeInterval(12 * 3600)) == self else { return nil }
        }

        /// The moment at this Brussels time of the day (right across a change to or from summer time).
        public func at(hour: Int, minute: Int) -> Date {
            FederalCalendar.brussels.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute)) ?? start
        }

        /// 1 = Sunday … 7 = Saturday, as Foundation counts.
        public var weekday: Int { FederalCalendar.brussels.component(.weekday, from: start.addingTimeInterval(12 * 3600)) }

        public static func < (lhs: Day, rhs: Day) -> Bool {
            (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
        }

        /// `2026-11-30`
        public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
    }

    public enum Holiday: String, CaseIterable, Sendable {
        case newYear, secondOfJanuary, easterMonday, labourDay, ascension, whitMonday, nationalDay, assumption, allSaints,
             armistice, kingsFeast, christmas, boxingDay
    }

    /// The holidays of `year`, by day.
    public static func holidays(in year: Int) -> [Day: Holiday] {
        let easter = easterSunday(year)
        return [
            Day(year: year, month: 1, day: 1): .newYear,
            Day(year: year, month: 1, day: 2): .secondOfJanuary,
            easter.adding(days: 1): .easterMonday,
            Day(year: year, month: 5, day: 1): .labourDay,
            easter.adding(days: 39): .ascension,
            easter.adding(days: 50): .whitMonday,
            Day(year: year, month: 7, day: 21): .nationalDay,
            Day(year: year, month: 8, day: 15): .assumption,
            Day(year: year, month: 11, day: 1): .allSaints,
            Day(year: year, month: 11, day: 11): .armistice,
            Day(year: year, month: 11, day: 15): .kingsFeast,
            Day(year: year, month: 12, day: 25): .christmas,
            Day(year: year, month: 12, day: 26): .boxingDay,
        ]
    }

    public static func holiday(on day: Day) -> Holiday? { holidays(in: day.year)[day] }

    public static func isWorkingDay(_ day: Day) -> Bool {
        day.weekday != 1 && day.weekday != 7 && holiday(on: day) == nil
    }

    /// The `count`-th working day after `day` (the day itself does not count: a question asked on Friday evening
    /// "within 2 working days" is due on Tuesday).
    public static func workingDay(_ count: Int, after day: Day) -> Day {
        var current = day
        var remaining = max(0, count)
        while remaining > 0 {
            current = current.adding(days: 1)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// Easter Sunday of the Gregorian calendar (the anonymous algorithm of 1876, as Meeus gives it).
    static func easterSunday(_ year: Int) -> Day {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)
    }
}
