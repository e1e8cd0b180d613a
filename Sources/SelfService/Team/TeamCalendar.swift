import Foundation
import PersoCore
import Plot

/// A month as a table: one row per person, one column per day; a cell says "absent" (or "asked" for a request
/// not yet decided) and never which kind of absence it is.
struct TeamCalendar {
    let team: [StaffMember]
    let month: FederalCalendar.Day
    let lastDay: FederalCalendar.Day
    let absences: [Absence]
    let teleworkDays: [String: [FederalCalendar.Day]]
    let today: FederalCalendar.Day
    let texts: AbsenceTexts
    let language: Language

    enum Mark { case away, half, asked, telework }

    /// One column: the day, whether people work then, and its ISO text — worked out once a month, not once a cell
    /// (a manager of 200 has over 6,000 cells, and a holiday check computes Easter).
    struct Column {
        let day: FederalCalendar.Day
        let working: Bool
        let iso: String
    }

    var node: Node<HTML.BodyContext> {
        let days = (0..<lastDay.day).map { month.adding(days: $0) }
        let columns = days.map { Column(day: $0, working: FederalCalendar.isWorkingDay($0), iso: $0.description) }
        let previous = month.adding(days: -1)
        let next = lastDay.adding(days: 1)
        let marks = self.marks()
        return .section(
            .id("team-month"),
            .h2(.id("team-month-title"), .text(texts.calendarTitle(BelgianTime.month(month, language: language)))),
            .p(.class("month-navigation"),
               .a(.id("previous-month"), .href(SelfServicePath.team(month: String(previous.description.prefix(7)))), .text("← " + texts.previousMonth)),
               .text(" "),
               .a(.id("next-month"), .href(SelfServicePath.team(month: String(next.description.prefix(7)))), .text(texts.nextMonth + " →"))),
            // A month is wider than a phone: the table scrolls inside a region a keyboard can reach.
            .if(team.isEmpty, .p(.id("no-team"), .text(texts.noTeam)), else: .div(
                .class("table-scroll"), .attribute(named: "tabindex", value: "0"), .attribute(named: "role", value: "region"),
                .attribute(named: "aria-labelledby", value: "team-month-title"), .table(
                .id("team-calendar"), .class("team-calendar"),
                .thead(.tr(.th(.text(texts.personColumn)), .forEach(days) { day in
                    .th(.attribute(named: "scope", value: "col"), .class(FederalCalendar.isWorkingDay(day) ? "" : "off"),
                        .attribute(named: "title", value: BelgianTime.longDay(day, language: language)), .text(String(day.day)))
                })),
                .tbody(.forEach(team) { person in
                    .tr(
                        .attribute(named: "data-person", value: person.nationalNumber),
                        .th(.attribute(named: "scope", value: "row"), .text(person.fullName)),
                        .forEach(columns) { column in cell(marks[person.nationalNumber]?[column.day], column: column) }
                    )
                })
            ))),
            .p(.class("hint"), .text(texts.legend))
        )
    }

    private func cell(_ mark: Mark?, column: Column) -> Node<HTML.TableRowContext> {
        let off = column.working ? "" : " off"
        let today = column.day == self.today ? " today" : ""
        guard let mark else { return .td(.class("day" + off + today), .attribute(named: "data-day", value: column.iso)) }
        let (name, label, symbol) = switch mark {
        case .away: ("away", texts.away, "●")
        case .half: ("away-half", texts.awayHalf, "◐")
        case .asked: ("asked", texts.asked, "○")
        case .telework: ("telework", texts.teleworking, "⌂")
        }
        return .td(.class("day \(name)" + off + today), .attribute(named: "data-day", value: column.iso),
                   .attribute(named: "title", value: label),
                   .span(.attribute(named: "aria-hidden", value: "true"), .text(symbol)), .span(.class("sr-only"), .text(label)))
    }

    /// By person and day; an absence decided wins over a request of the same day.
    private func marks() -> [String: [FederalCalendar.Day: Mark]] {
        let members = Dictionary(team.map { ($0.nationalNumber, $0) }, uniquingKeysWith: { first, _ in first })
        var marks: [String: [FederalCalendar.Day: Mark]] = [:]
        // Telework first: any absence of the same day shows instead.
        for (person, days) in teleworkDays { for day in days { marks[person, default: [:]][day] = .telework } }
        for absence in absences {
            guard let member = members[absence.nationalNumber] else { continue }
            for (day, minutes) in AbsenceSpan(absence, regime: member.regime).days where day >= month && day <= lastDay {
                let mark: Mark = absence.status.away ? (minutes < member.regime.minutes(on: day) ? .half : .away) : .asked
                let current = marks[absence.nationalNumber]?[day]
                if current == nil || current == .telework || mark != .asked { marks[absence.nationalNumber, default: [:]][day] = mark }
            }
        }
        return marks
    }
}
