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
}
