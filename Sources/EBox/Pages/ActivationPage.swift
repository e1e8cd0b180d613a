import PersoCore
import Plot

/// Activating the eBox: what it means in plain words, the consent, the address and how to be told.
struct ActivationPage {
    let form: PreferencesForm
    let texts: EBoxTexts
    let session: Session

    var page: Page {
        Page(title: texts.activateTitle, status: form.problems.isEmpty ? .ok : .unprocessableContent, content: .div(
            .h1(.text(texts.activateTitle)),
            .p(.class("lead"), .text(texts.activateLead)),
            .if(!form.problems.isEmpty, .p(.id("form-errors"), .class("form-error"), .attribute(named: "role", value: "alert"), .text(texts.fixErrors))),
            .ul(.id("consent-points"), .class("card"), .forEach(texts.consentPoints) { .li(.text($0)) }),
            .form(
                .id("activation-form"), .class("data-form"), .method(.post), .action(ActivationController.activatePath),
                .attribute(named: "novalidate", value: "novalidate"),
                .csrfField(session),
                .div(
                    .class("field checkbox"),
                    .unwrap(form.problems.contains(.consent) ? texts.errorConsent : nil) { .span(.id("consent-error"), .class("form-error"), .text($0)) },
                    .input(.id("consent"), .name("consent"), .type(.checkbox), .value("yes"), .checked(form.consent),
                           .attribute(named: "aria-describedby", value: form.problems.contains(.consent) ? "consent-error" : nil)),
                    .label(.for("consent"), .text(texts.consentLabel))
                ),
                PreferenceFields.nodes(form: form, texts: texts, emailLabel: texts.emailLabel, button: ("activate", texts.sendCode))
            )
        ))
    }
}

/// The address, language, format and frequency fields, shared by activation and the settings' change of address.
enum PreferenceFields {
    static func nodes(form: PreferencesForm, texts: EBoxTexts, emailLabel: String, button: (id: String, label: String)) -> Node<HTML.FormContext> {
        .group(
            emailField(form: form, texts: texts, label: emailLabel),
            .div(
                .class("field"),
                .label(.for("notice-language"), .text(texts.noticeLanguageLabel)),
                .select(.id("notice-language"), .attribute(named: "name", value: "language"),
                        SelectOptions.node(Language.allCases.map { ($0.rawValue, $0.nativeName) }, selected: form.language.rawValue))
            ),
            choice(legend: texts.formatLegend, name: "format",
                   options: [("html", texts.formatHTML), ("text", texts.formatText)], chosen: form.format.rawValue),
            choice(legend: texts.frequencyLegend, name: "frequency",
                   options: [("each", texts.frequencyEach), ("daily", texts.frequencyDaily)], chosen: form.frequency.rawValue),
            .button(.id(button.id), .type(.submit), .text(button.label))
        )
    }

    static func emailField(form: PreferencesForm, texts: EBoxTexts, label: String) -> Node<HTML.FormContext> {
        let emailProblem = form.problems.contains(.email)
        return .div(
            .class("field"),
            .label(.for("email"), .text(label)),
            .span(.id("email-hint"), .class("hint"), .text(texts.emailHint)),
            .if(emailProblem, .span(.id("email-error"), .class("form-error"), .text(texts.errorEmail))),
            .input(.id("email"), .name("email"), .type(.email), .value(form.email), .attribute(named: "autocomplete", value: "email"),
                   .attribute(named: "maxlength", value: "254"), .attribute(named: "aria-invalid", value: emailProblem ? "true" : nil),
                   .attribute(named: "aria-describedby", value: emailProblem ? "email-hint email-error" : "email-hint"))
        )
    }

    static func choice(legend: String, name: String, options: [(String, String)], chosen: String) -> Node<HTML.FormContext> {
        .fieldset(
            .element(named: "legend", nodes: [.text(legend)]),
            .forEach(options) { option in
                .div(
                    .class("field checkbox"),
                    .input(.id("\(name)-\(option.0)"), .name(name), .type(.radio), .value(option.0), .checked(option.0 == chosen)),
                    .label(.for("\(name)-\(option.0)"), .text(option.1))
                )
            }
        )
    }
}
