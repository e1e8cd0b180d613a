import Foundation
import Gateway
import Hummingbird
import PersoCore
import Plot

/// The office's agenda for a day: who comes when, with which document, and the way to register them.
struct AgendaPage {
    let officer: Officer
    let day: FederalCalendar.Day
    let today: FederalCalendar.Day
    let appointments: [Appointment]
    let texts: OfficeTexts

    func response(context: PersoRequestContext) -> Response {
        let words = texts.desk
        let language = context.language
        let headings = [words.time, words.name, words.document, words.status, ""]
        var page = Page(title: words.agendaTitle, content: .div(
            .class("desk"),
            DeskNavigation.node(officer, texts: texts),
            .h1(.text(words.agendaTitle)),
            .nav(.class("day-nav"),
                 .a(.id("previous-day"), .href(OfficePath.desk(office: officer.office.code, day: day.adding(days: -1).description)), .text("← " + words.previousDay)),
                 .strong(.id("agenda-day"), .text(OfficeDates.day(day.at(hour: 12, minute: 0), language))),
                 .a(.id("next-day"), .href(OfficePath.desk(office: officer.office.code, day: day.adding(days: 1).description)), .text(words.nextDay + " →")),
                 .if(day != today, .a(.id("today"), .href(OfficePath.desk(office: officer.office.code, day: today.description)), .text(words.today)))),
            .if(appointments.isEmpty, .p(.id("agenda-empty"), .text(words.agendaNone)), else: .table(
                .id("agenda"), .class("cards"),
                .thead(.tr(.forEach(headings) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                .tbody(.forEach(appointments) { appointment in
                    .tr(
                        .class("appointment"), .attribute(named: "data-appointment", value: appointment.id?.uuidString ?? ""),
                        .td(.attribute(named: "data-label", value: words.time), .text(OfficeDates.time(appointment.startsAt))),
                        .td(.attribute(named: "data-label", value: words.name), .text("\(appointment.givenName) \(appointment.surname)"), .br(),
                            .small(.text(appointment.email))),
                        .td(.attribute(named: "data-label", value: words.document), .text(texts.documentName(appointment.documentType))),
                        .td(.attribute(named: "data-label", value: words.status), .text(words.statusName(appointment.status.rawValue))),
                        .td(.attribute(named: "data-label", value: ""), appointment.status == .attended
                            ? .unwrap(appointment.personID) { .a(.class("person"), .href(OfficePath.person($0)), .text(words.open)) }
                            : .a(.class("register button"), .href("\(OfficePath.register)?appointment=\(appointment.id?.uuidString ?? "")"), .text(words.registerAction)))
                    )
                })
            ))
        ))
        page.headers[.cacheControl] = "no-store"
        return Layout.response(page, chrome: context.chrome)
    }
}

/// The people found by national number, name or e-mail address.
struct PeoplePage {
    let officer: Officer
    let query: String
    let people: [Person]
    let texts: OfficeTexts

    func response(context: PersoRequestContext) -> Response {
        let words = texts.desk
        var page = Page(title: words.findTitle, content: .div(
            .class("desk"),
            DeskNavigation.node(officer, texts: texts),
            .h1(.text(words.findTitle)),
            .p(.class("lead"), .text(words.resultsFor(query))),
            .if(people.isEmpty, .p(.id("nobody"), .text(words.nobody)), else: .ul(.id("people"), .class("people"), .forEach(people) { person in
                .li(.a(.class("person"), .href(person.id.map(OfficePath.person) ?? OfficePath.desk), .text("\(person.givenName) \(person.surname)")),
                    .text(" · " + ((try? NationalRegisterNumber(person.nrn))?.formatted ?? person.nrn) + " · " + (person.email ?? "–")))
            })),
            .p(.a(.id("register-new"), .class("button secondary"), .href(OfficePath.register), .text(words.registerNew)))
        ))
        page.headers[.cacheControl] = "no-store"
        return Layout.response(page, chrome: context.chrome)
    }
}
