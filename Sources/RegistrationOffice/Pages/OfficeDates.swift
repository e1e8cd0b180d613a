import Foundation
import PersoCore

/// Days and times as the office's pages and e-mails write them, in the reader's language and Brussels time.
enum OfficeDates {
    private static let brussels = TimeZone(identifier: "Europe/Brussels") ?? .gmt

    /// "mardi 1 décembre 2026"
    static func day(_ date: Date, _ language: Language) -> String { BelgianTime.longDay(FederalCalendar.Day(date), language: language) }

    /// "mar. 1 déc."
    static func shortDay(_ day: FederalCalendar.Day, _ language: Language) -> String { BelgianTime.shortDay(day, language: language) }

    /// "09:30"
    static func time(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: brussels, from: date)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// "mardi 1 décembre 2026, 09:30"
    static func moment(_ date: Date, _ language: Language) -> String {
        "\(day(date, language)), \(time(date))"
    }

    /// The value of a slot's radio button: `2026-12-01T09:30`, Brussels time.
    static func slotValue(_ date: Date) -> String {
        "\(FederalCalendar.Day(date).description)T\(time(date))"
    }
}
