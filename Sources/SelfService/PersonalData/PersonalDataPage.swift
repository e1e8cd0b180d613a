import Foundation
import PersoCore
import Plot

/// The personal data page: the form in three groups, what is waiting for confirmation, and the history.
struct PersonalDataPage {
    enum Notice { case saved, unchanged, invalid, resumed }

    let form: PersonalDataForm
    let notice: Notice?
    let pendingEmail: String?
    let developmentLink: String?
    let history: [PersonalDataChange]
    let texts: SelfServiceTexts
    let session: Session

    var page: Page {
        Page(title: texts.personalTitle, content: .div(
            ApplicationNavigation.node(current: .personal, texts: texts),
            .h1(.text(texts.personalTitle)),
            .p(.class("lead"), .text(texts.personalLead)),
            .unwrap(notice) { notice in
                switch notice {
                case .saved: .p(.id("saved"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.saved))
                case .unchanged: .p(.id("unchanged"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.nothingChanged))
                case .invalid: .p(.id("form-errors"), .class("form-error"), .attribute(named: "role", value: "alert"), .text(texts.fixErrors))
                case .resumed: .p(.id("resumed"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.resumedAfterStepUp))
                }
            },
            .unwrap(pendingEmail) { email in
                .div(.id("pending-email"), .class("pending"),
                     .p(.text(texts.pendingEmail(email))),
                     .unwrap(developmentLink) { link in
                         .p(.text(texts.developmentLink + " "), .a(.id("confirmation-link"), .href(link), .text(link)))
                     })
            },
            .form(
                .id("personal-data-form"), .class("data-form"), .method(.post), .action(PersonalDataController.path),
                .attribute(named: "data-keep-draft", value: "true"), .attribute(named: "novalidate", value: "novalidate"),
                .csrfField(session),
                fieldset(texts.addressLegend, [(.street, texts.street, nil, "street-address"), (.postalCode, texts.postalCode, nil, "postal-code"),
                                               (.municipality, texts.municipality, nil, "address-level2"), (.country, texts.country, nil, "country")]),
                fieldset(texts.contactLegend, [(.phone, texts.phone, texts.phoneHint, "tel"), (.privateEmail, texts.privateEmail, texts.privateEmailHint, "email")]),
                fieldset(texts.bankLegend, [(.iban, texts.iban, texts.ibanHint, "off")]),
                .p(.id("payment-protection"), .class("hint"), .text(texts.paymentProtection)),
                .button(.id("save"), .type(.submit), .text(texts.save))
            ),
            .h2(.text(texts.historyTitle)),
            .if(history.isEmpty, .p(.id("history-none"), .text(texts.historyNone)), else: .div(
                .class("table-scroll"),
                .table(
                    .id("history"), .class("history"),
                    .thead(.tr(.th(.text(texts.historyWhen)), .th(.text(texts.historyWhat)), .th(.text(texts.historyBefore)), .th(.text(texts.historyAfter)))),
                    .tbody(.forEach(history) { change in
                        .tr(
                            .td(.text(MaintenanceNotice.format(change.changedAt))),
                            .td(.text(PersonalField(rawValue: change.field).map(texts.fieldNames) ?? change.field)),
                            .td(.text(shown(change.oldValue, field: change.field))),
                            .td(.text(shown(change.newValue, field: change.field)))
                        )
                    })
                )
            ))
        ))
    }

    private func shown(_ value: String?, field: String) -> String {
        guard let value else { return "–" }
        if field == PersonalField.iban.rawValue, let iban = IBAN(value) { return iban.printed }
        return value
    }

    private func fieldset(_ legend: String, _ fields: [(PersonalField, String, String?, String)]) -> Node<HTML.FormContext> {
        .fieldset(
            .element(named: "legend", nodes: [.text(legend)]),
            .forEach(fields) { item -> Node<HTML.FormContext> in
                let (field, label, hint, autocomplete) = item
                let id = "field-" + field.rawValue
                let problem = form.problems[field]
                var describedBy: [String] = []
                if hint != nil { describedBy.append(id + "-hint") }
                if problem != nil { describedBy.append(id + "-error") }
                let described = describedBy.joined(separator: " ")
                return .div(
                    .class("field"),
                    .label(.for(id), .text(label)),
                    .unwrap(hint) { .span(.id(id + "-hint"), .class("hint"), .text($0)) },
                    .unwrap(problem) { .span(.id(id + "-error"), .class("form-error"), .text(texts.message($0))) },
                    .input(
                        .id(id), .name(field.rawValue), .type(field == .privateEmail ? .email : field == .phone ? .tel : .text),
                        .value(form[field]),
                        .attribute(named: "autocomplete", value: autocomplete),
                        .attribute(named: "maxlength", value: String(PersonalDataForm.maximumLength)),
                        .attribute(named: "aria-invalid", value: problem == nil ? nil : "true"),
                        .attribute(named: "aria-describedby", value: described.isEmpty ? nil : described)
                    )
                )
            }
        )
    }
}
