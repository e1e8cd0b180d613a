import Foundation
import Gateway
import Hummingbird
import PersoCore
import Plot

/// The office's settings and staff, for its administrators.
struct SettingsPage {
    let officer: Officer
    let form: SettingsForm
    let staff: [(person: Person, administrator: Bool)]
    let notice: String?
    let error: String?
    let texts: OfficeTexts

    func response(status: HTTPResponse.Status, context: PersoRequestContext) -> Response {
        let words = texts.settings
        var page = Page(title: words.title, status: status, content: .div(
            .class("desk"),
            DeskNavigation.node(officer, texts: texts),
            .h1(.text(words.title)),
            .unwrap(notice.flatMap(words.done)) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .unwrap(error) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .id("settings-form"), .method(.post), .action(OfficePath.settings), .csrfField(context.session),
                .fieldset(
                    .element(named: "legend", nodes: [.text(words.office)]),
                    text("name", words.name, form.name),
                    text("address", words.address, form.address),
                    .div(.class("field"), .span(.text(words.languages)),
                         .forEach(Language.allCases) { language in
                             .div(.class("check"),
                                  .input(.id("language-\(language.rawValue)"), .name("language_\(language.rawValue)"), .type(.checkbox), .value("1"),
                                         .checked(form.languages.contains(language))),
                                  .label(.for("language-\(language.rawValue)"), .text(" " + texts.languageName(language))))
                         })
                ),
                .fieldset(
                    .element(named: "legend", nodes: [.text(texts.offices.hours)]),
                    .p(.class("hint"), .text(words.hoursHint)),
                    .forEach(Array(texts.offices.weekdays.enumerated())) { index, day in text("day_\(index)", day, form.weekdays[index]) },
                    .div(.class("field"),
                         .label(.for("closed_days"), .text(words.closedDays)),
                         .span(.id("closed-days-hint"), .class("hint"), .text(words.closedDaysHint)),
                         .textarea(.id("closed_days"), .name("closed_days"), .attribute(named: "rows", value: "4"),
                                   .attribute(named: "aria-describedby", value: "closed-days-hint"), .text(form.closedDays))),
                    text("slot_minutes", words.slotMinutes, form.slotMinutes, type: .number),
                    text("capacity", words.capacity, form.capacity, type: .number)
                ),
                .button(.id("save-settings"), .type(.submit), .text(words.save))
            ),
            .section(
                .h2(.text(words.staff)),
                .ul(.id("staff"), .forEach(staff) { member in
                    .li(.text("\(member.person.givenName) \(member.person.surname)" + (member.administrator ? " · " + words.administrator : "")),
                        .form(.class("inline remove-officer"), .method(.post), .action(OfficePath.settings + "/staff"), .csrfField(context.session),
                              .input(.type(.hidden), .name("nrn"), .value(member.person.nrn)),
                              .input(.type(.hidden), .name("action"), .value("remove")),
                              .button(.class("secondary"), .type(.submit), .text(words.removeOfficer))))
                }),
                .form(.id("add-officer-form"), .method(.post), .action(OfficePath.settings + "/staff"), .csrfField(context.session),
                      text("nrn", words.officerNRN, ""),
                      .div(.class("check"), .input(.id("administrator"), .name("administrator"), .type(.checkbox), .value("1")),
                           .label(.for("administrator"), .text(" " + words.administrator))),
                      .button(.id("add-officer"), .type(.submit), .text(words.addOfficer)))
            )
        ))
        page.headers[.cacheControl] = "no-store"
        return Layout.response(page, chrome: context.chrome)
    }

    private func text(_ id: String, _ label: String, _ value: String, type: HTMLInputType = .text) -> Node<HTML.FormContext> {
        .div(.class("field"),
             .label(.for(id), .text(label)),
             .input(.id(id), .name(id), .type(type), .value(value), .attribute(named: "maxlength", value: "300")))
    }
}
