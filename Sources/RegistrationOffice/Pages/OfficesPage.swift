import Foundation
import Hummingbird
import PersoCore
import Plot

/// `/office`: the offices, their addresses, languages and hours, each with its booking link.
struct OfficesPage {
    let offices: [Office]
    let texts: OfficeTexts

    func response(context: PersoRequestContext) -> Response {
        Layout.response(Page(title: texts.offices.title, content: .div(
            .h1(.text(texts.offices.title)),
            .p(.class("lead"), .text(texts.offices.lead)),
            .ul(.class("office-needs"), .forEach(texts.offices.bring) { .li(.text($0)) }),
            .ul(.id("offices"), .class("tiles"), .forEach(offices) { office in
                .li(
                    .class("office tile"),
                    .h2(.text(office.name)),
                    .p(.class("office-address"), .text(office.address)),
                    .p(.text(texts.offices.languages(office.languages.map { texts.languageName($0) }))),
                    .p(.text(texts.offices.slotLength(office.slotMinutes))),
                    .details(.summary(.text(texts.offices.hours)), .dl(.class("hours"), .forEach(Array(texts.offices.weekdays.enumerated())) { index, name in
                        .group(.dt(.text(name)),
                               .dd(.text(office.hours.weekdays[index].isEmpty ? texts.offices.closed
                                                                               : office.hours.weekdays[index].map(\.description).joined(separator: ", "))))
                    })),
                    .a(.class("book button"), .href(OfficePath.book(office.code)), .text(texts.offices.book))
                )
            })
        )), chrome: context.chrome)
    }
}
