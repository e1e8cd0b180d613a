import Foundation

/// Dates and times as the people reading PersoPoint's pages and e-mails live them: Belgian civil time, day first.
/// The calendar is made once: making one per date was a visible share of a page listing many dates.
public enum BelgianTime {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Brussels") ?? .gmt
        return calendar
    }()

    /// `30/11/2026`
    public static func day(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%02d/%02d/%04d", c.day ?? 0, c.month ?? 0, c.year ?? 0)
    }

    /// `30/11/2026 14:05`
    public static func minute(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%02d/%02d/%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    private static func locale(_ language: Language) -> Locale {
        switch language {
        case .fr: Locale(identifier: "fr_BE")
        case .nl: Locale(identifier: "nl_BE")
        case .de: Locale(identifier: "de_BE")
        case .en: Locale(identifier: "en_GB")
        }
    }

    private static func format(_ day: FederalCalendar.Day, template: String, language: Language) -> String {
        let formatter = DateFormatter()
        formatter.locale = locale(language)
        formatter.timeZone = calendar.timeZone
        formatter.setLocalizedDateFormatFromTemplate(template)
        return formatter.string(from: day.at(hour: 12, minute: 0))
    }

    /// "mardi 1 décembre 2026"
    public static func longDay(_ day: FederalCalendar.Day, language: Language) -> String {
        format(day, template: "EEEEdMMMMyyyy", language: language)
    }

    /// "mar. 1 déc."
    public static func shortDay(_ day: FederalCalendar.Day, language: Language) -> String {
        format(day, template: "EEEdMMM", language: language)
    }

    /// "décembre 2026"
    public static func month(_ day: FederalCalendar.Day, language: Language) -> String {
        format(day, template: "MMMMyyyy", language: language)
    }
}
