import Foundation
import Hummingbird
import PersoCore
import Plot

/// The person's appointment, from the link in the confirmation: when and where, what to bring, the calendar file,
/// and the ways to move or cancel it while it is still to come.
struct AppointmentPage {
    let appointment: Appointment
    let office: Office
    let token: String
    let done: String?
    let texts: OfficeTexts

    func response(context: PersoRequestContext) -> Response {
        let words = texts.appointment
        let language = context.language
        let notice: String? = switch done {
        case "booked": words.booked(appointment.email)
        case "moved": words.moved(appointment.email)
        case "cancelled": words.cancelled
        default: nil
        }
        let state: String? = switch appointment.status {
        case .booked: nil
        case .cancelled: words.isCancelled
        case .moved: words.isMoved
        case .attended: words.attended
        }
        var page = Page(title: words.title, content: .div(
            .class("appointment-page"),
            .h1(.text(words.title)),
            .unwrap(notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .unwrap(state) { .p(.id("appointment-state"), .class("notice"), .text($0)) },
            .dl(.id("appointment"), .class("facts"),
                .dt(.text(words.when)), .dd(.id("appointment-when"), .text(OfficeDates.moment(appointment.startsAt, language))),
                .dt(.text(words.whereLabel)), .dd(.id("appointment-office"), .text(office.name), .br(), .text(office.address)),
                .dt(.text(words.who)), .dd(.text("\(appointment.givenName) \(appointment.surname) · \(appointment.email)")),
                .dt(.text(words.document)), .dd(.text(texts.documentName(appointment.documentType)))),
            .if(appointment.status == .booked, .group(
                .ul(.class("office-needs"), .forEach(texts.offices.bring) { .li(.text($0)) }),
                .p(.a(.id("calendar"), .class("button secondary"), .href(OfficePath.calendar(token)), .text(words.calendar))),
                .p(.a(.id("move"), .class("button secondary"), .href(OfficePath.move(token)), .text(words.move))),
                .form(.id("cancel-form"), .method(.post), .action(OfficePath.cancel(token)), .csrfField(context.session),
                      .button(.id("cancel"), .class("secondary"), .type(.submit), .text(words.cancel)))
            )),
            .p(.a(.href(OfficePath.root), .text(words.offices)))
        ))
        // The link is a secret: no cache keeps it, no other site learns it.
        page.headers[.cacheControl] = "no-store"
        page.headers[.init("Referrer-Policy")!] = "no-referrer"
        return Layout.response(page, chrome: context.chrome)
    }
}
