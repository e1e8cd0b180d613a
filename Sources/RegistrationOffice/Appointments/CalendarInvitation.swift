import Foundation
import PersoCore

/// An appointment as an iCalendar file (RFC 5545) that every calendar program imports: one event with the office's
/// address, in UTC (no time-zone table to ship), its UID stable so that a moved appointment's file replaces the
/// first in the calendar that imported it.
struct CalendarInvitation: Sendable {
    let uid: String
    let start: Date
    let end: Date
    let summary: String
    let location: String
    let description: String
    let sequence: Int
    let cancelled: Bool
    let stamp: Date

    var text: String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//PersoPoint//Registration office//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:\(cancelled ? "CANCEL" : "PUBLISH")",
            "BEGIN:VEVENT",
            "UID:\(uid)",
            "DTSTAMP:\(Self.utc(stamp))",
            "DTSTART:\(Self.utc(start))",
            "DTEND:\(Self.utc(end))",
            "SEQUENCE:\(sequence)",
            "SUMMARY:\(Self.escaped(summary))",
            "LOCATION:\(Self.escaped(location))",
            "DESCRIPTION:\(Self.escaped(description))",
            "STATUS:\(cancelled ? "CANCELLED" : "CONFIRMED")",
            "TRANSP:OPAQUE",
        ]
        if !cancelled {
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:\(Self.escaped(summary))", "TRIGGER:-PT2H", "END:VALARM"]
        }
        lines += ["END:VEVENT", "END:VCALENDAR"]
        return lines.map(Self.folded).joined(separator: "\r\n") + "\r\n"
    }

    var data: Data { Data(text.utf8) }

    static func utc(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    /// RFC 5545 §3.3.11: backslash, semicolon and comma escaped, line ends as `\n`.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;").replacingOccurrences(of: ",", with: "\\,")
            .replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// RFC 5545 §3.1: lines of at most 75 octets, continued with a space, never cutting a character in two.
    static func folded(_ line: String) -> String {
        var out = ""
        var current = ""
        for character in line {
            if current.utf8.count + String(character).utf8.count > (out.isEmpty ? 75 : 74) {
                out += (out.isEmpty ? "" : "\r\n ") + current
                current = ""
            }
            current.append(character)
        }
        return out + (out.isEmpty ? "" : "\r\n ") + current
    }
}
