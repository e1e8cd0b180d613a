import Foundation
import Hummingbird
import PersoCore
import Plot

/// Choosing a time (a week of free slots, as radio buttons grouped by day) and giving one's details; also the page
/// that moves an appointment (`moving`: the appointment's link secret), where only the time is chosen again.
struct BookingPage {
    let office: Office
    let form: BookingForm
    let availability: [(day: FederalCalendar.Day, slots: [(start: Date, free: Int)])]
    let first: FederalCalendar.Day
    let bookable: ClosedRange<FederalCalendar.Day>
    let error: String?
    let moving: String?
    let texts: OfficeTexts

    func response(status: HTTPResponse.Status, context: PersoRequestContext) -> Response {
        let language = context.language
        let words = texts.booking
        let title = moving == nil ? words.title(office.name) : words.moveTitle
        let action = moving.map(OfficePath.move) ?? OfficePath.book(office.code)
        let here = moving.map(OfficePath.move) ?? OfficePath.book(office.code)
        let earlier = first.adding(days: -7) >= bookable.lowerBound ? first.adding(days: -7) : (first > bookable.lowerBound ? bookable.lowerBound : nil)
        let later = first.adding(days: 7) <= bookable.upperBound ? first.adding(days: 7) : nil
        let anyFree = availability.contains { $0.slots.contains { $0.free > 0 } }
        var page = Page(title: title, status: status, content: .div(
            .class("booking"),
            .h1(.text(title)),
            .p(.class("lead"), .text(office.name + " — " + office.address)),
            .unwrap(error) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .id("booking-form"), .method(.post), .action(action), .csrfField(context.session),
                .fieldset(
                    .element(named: "legend", nodes: [.text(words.chooseSlot)]),
                    .nav(.class("week-nav"),
                         .unwrap(earlier) { .a(.id("earlier-slots"), .href("\(here)?from=\($0)"), .text("← " + words.earlier)) },
                         .span(.text(words.week(OfficeDates.shortDay(first, language), OfficeDates.shortDay(first.adding(days: 6), language)))),
                         .unwrap(later) { .a(.id("later-slots"), .href("\(here)?from=\($0)"), .text(words.later + " →")) }),
                    .if(!anyFree, .p(.id("no-slots"), .text(words.noSlots))),
                    .div(.class("slot-days"), .forEach(availability.filter { !$0.slots.isEmpty }) { day in
                        .div(.class("slot-day"),
                             .h2(.text(OfficeDates.shortDay(day.day, language))),
                             .div(.class("slots"), .forEach(day.slots.filter { $0.free > 0 }) { slot in
                                 let value = OfficeDates.slotValue(slot.start)
                                 let id = "slot-" + value.replacingOccurrences(of: "T", with: "-").replacingOccurrences(of: ":", with: "")
                                 return .label(.class("slot"), .for(id),
                                               .input(.id(id), .type(.radio), .name("slot"), .value(value), .checked(value == form.slot),
                                                      .required(true)),
                                               .text(" " + OfficeDates.time(slot.start)))
                             }))
                    })
                ),
                .if(moving == nil, .fieldset(
                    .element(named: "legend", nodes: [.text(words.yourDetails)]),
                    field("given_name", words.givenName, form.givenName, autocomplete: "given-name"),
                    field("surname", words.surname, form.surname, autocomplete: "family-name"),
                    .div(.class("field"),
                         .label(.for("email"), .text(words.email)),
                         .span(.id("email-hint"), .class("hint"), .text(words.emailHint)),
                         .input(.id("email"), .name("email"), .type(.email), .value(form.email), .required(true),
                                .attribute(named: "autocomplete", value: "email"), .attribute(named: "maxlength", value: "254"),
                                .attribute(named: "aria-describedby", value: "email-hint"))),
                    .div(.class("field"),
                         .label(.for("document"), .text(words.document)),
                         .select(.id("document"), .attribute(named: "name", value: "document"),
                                 SelectOptions.node(DocumentType.allCases.map { ($0.rawValue, texts.documentName($0)) }, selected: form.document)))
                )),
                .button(.id("book"), .type(.submit), .text(moving == nil ? words.book : words.moveButton))
            ),
            .p(.a(.href(moving.map(OfficePath.appointment) ?? OfficePath.root), .text(words.back)))
        ))
        page.headers[.cacheControl] = "no-store"
        return Layout.response(page, chrome: context.chrome)
    }

    private func field(_ id: String, _ label: String, _ value: String, autocomplete: String) -> Node<HTML.FormContext> {
        .div(.class("field"),
             .label(.for(id), .text(label)),
             .input(.id(id), .name(id), .type(.text), .value(value), .required(true), .attribute(named: "autocomplete", value: autocomplete),
                    .attribute(named: "maxlength", value: "100")))
    }
}
