import Foundation
import PersoCore
import Plot

/// The eBox's settings: the address (changed only through a new code), language, format and frequency of the
/// notices, and every notice sent with what became of it.
struct SettingsPage {
    enum Notice { case saved }

    let mailbox: Mailbox
    let addressForm: PreferencesForm
    let notices: [Mailboxes.NoticeLine]
    let notice: Notice?
    let texts: EBoxTexts
    let session: Session

    var page: Page {
        Page(title: texts.settingsTitle, status: addressForm.problems.isEmpty ? .ok : .unprocessableContent, content: .div(
            EBoxNavigation.node(current: .settings, texts: texts),
            .h1(.text(texts.settingsTitle)),
            .if(notice != nil, .p(.id("saved"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.saved))),
            .p(.id("current-address"), .text(texts.currentAddress(mailbox.email))),
            .form(
                .id("preferences-form"), .class("data-form"), .method(.post), .action(SettingsController.path),
                .csrfField(session),
                .h2(.text(texts.preferencesLegend)),
                .div(
                    .class("field"),
                    .label(.for("preference-language"), .text(texts.noticeLanguageLabel)),
                    .select(.id("preference-language"), .attribute(named: "name", value: "language"),
                            SelectOptions.node(Language.allCases.map { ($0.rawValue, $0.nativeName) }, selected: mailbox.language.rawValue))
                ),
                PreferenceFields.choice(legend: texts.formatLegend, name: "format",
                                        options: [("html", texts.formatHTML), ("text", texts.formatText)], chosen: mailbox.format.rawValue),
                PreferenceFields.choice(legend: texts.frequencyLegend, name: "frequency",
                                        options: [("each", texts.frequencyEach), ("daily", texts.frequencyDaily)], chosen: mailbox.frequency.rawValue),
                .button(.id("save-preferences"), .type(.submit), .text(texts.save))
            ),
            .form(
                .id("address-form"), .class("data-form"), .method(.post), .action(SettingsController.addressPath),
                .attribute(named: "novalidate", value: "novalidate"),
                .csrfField(session),
                .h2(.text(texts.changeAddressLegend)),
                .if(!addressForm.problems.isEmpty, .p(.id("form-errors"), .class("form-error"), .attribute(named: "role", value: "alert"), .text(texts.fixErrors))),
                PreferenceFields.emailField(form: addressForm, texts: texts, label: texts.newAddressLabel),
                .button(.id("change-address"), .type(.submit), .text(texts.changeAddress))
            ),
            .h2(.text(texts.noticesTitle)),
            .if(notices.isEmpty, .p(.id("notices-none"), .text(texts.noticesNone)), else: .div(
                .class("table-scroll"),
                .table(
                    .id("notices"), .class("history"),
                    .thead(.tr(.th(.text(texts.noticeWhen)), .th(.text(texts.noticeWhat)), .th(.text(texts.noticeTo)), .th(.text(texts.noticeStatus)))),
                    .tbody(.forEach(notices) { line in
                        .tr(
                            .td(.text(BelgianTime.minute(line.sentAt ?? line.at))),
                            .td(.text(texts.noticeKinds(line.kind))),
                            .td(.text(line.address)),
                            .td(.class("delivery \(line.status?.rawValue ?? "sent")"), .text(status(line)))
                        )
                    })
                )
            ))
        ))
    }

    private func status(_ line: Mailboxes.NoticeLine) -> String {
        switch line.status {
        case .pending: texts.deliveryPending
        case .failed: texts.deliveryFailed
        case .sent, nil: texts.deliverySent
        }
    }
}
