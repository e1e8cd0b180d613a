import PersoCore
import Plot

/// The app on the phone: one page whose parts the script shows in turn — not set up, waiting, a request to answer
/// (number matching, then the code), the person's phones. Words come from the catalogue, in hidden elements.
struct AppPage {
    let texts: MobileIDTexts
    let enrolment: EnrolmentTexts
    let development: Bool

    var page: Page {
        // The script's words, one hidden element each, read by their `data-word`.
        let words: [Node<HTML.BodyContext>] = (texts.scriptWords + enrolment.scriptWords).map { .span(.attribute(named: "data-word", value: $0.0), .text($0.1)) }
        return Page(title: texts.appTitle, content: .div(
            .h1(.text(texts.appTitle)),
            .p(.class("lead"), .text(texts.appLead)),
            .noscript(.p(.class("form-error"), .text(texts.noScript))),
            .div(.id("mobile-app"), .class("mobile-app"),
                .div(.id("app-words"), .attribute(named: "hidden", value: "hidden"), .group(words)),
                .p(.id("app-status"), .class("notice"), .attribute(named: "role", value: "status"), .attribute(named: "aria-live", value: "polite"),
                   .attribute(named: "hidden", value: "hidden")),
                setUpSection,
                .section(.id("app-idle"), .attribute(named: "hidden", value: "hidden"),
                    .h2(.id("app-hello")),
                    .p(.id("app-idle-text"), .text(texts.idle)),
                    .button(.id("biometrics-enable"), .class("secondary"), .type(.button), .attribute(named: "hidden", value: "hidden"),
                            .text(texts.biometricsOffer))
                ),
                requestSection,
                .section(.id("app-phones"), .attribute(named: "hidden", value: "hidden"),
                    .h2(.text(texts.activityTitle)),
                    .ul(.id("app-activity"), .class("phone-list")),
                    .h2(.text(texts.phonesTitle)),
                    .ul(.id("app-phone-list"), .class("phone-list"))
                )
            ),
            .script(.src(MobileIDPath.appScript), .attribute(named: "defer", value: "defer"))
        ), manifest: MobileIDPath.manifest)
    }

    private var setUpSection: Node<HTML.BodyContext> {
        .section(.id("app-setup"), .attribute(named: "hidden", value: "hidden"),
            .h2(.text(enrolment.phoneTitle)),
            .p(.text(texts.notSetUp)),
            .p(.text(enrolment.startOnComputer + " "), .a(.href(MobileIDPath.enrol), .text(enrolment.title))),
            enrolmentStep("enrol-number", title: enrolment.phoneStepNumber,
                          field(id: "enrol-phone", label: texts.phoneLabel, hint: texts.phoneHint, type: .tel, mode: "tel", autocomplete: "tel")),
            enrolmentStep("enrol-token", title: enrolment.phoneStepToken,
                          field(id: "enrol-token-value", label: enrolment.tokenLabel, hint: enrolment.tokenHint, type: .text, mode: "text",
                                autocomplete: "off", spellcheck: false)),
            enrolmentStep("enrol-sms", title: enrolment.phoneStepSMS,
                          field(id: "enrol-sms-code", label: enrolment.smsLabel, hint: "", type: .text, mode: "numeric", autocomplete: "one-time-code"),
                          extra: .button(.id("enrol-resend"), .class("secondary"), .type(.button), .text(enrolment.resend))),
            enrolmentStep("enrol-code", title: enrolment.phoneStepCode,
                          field(id: "enrol-new-code", label: enrolment.newCodeLabel, hint: enrolment.newCodeHint, type: .password, mode: "numeric",
                                autocomplete: "new-password"),
                          field(id: "enrol-repeat-code", label: enrolment.repeatCodeLabel, hint: "", type: .password, mode: "numeric",
                                autocomplete: "new-password"),
                          submit: enrolment.finishButton),
            .if(development, .form(.id("dev-pair-form"), .class("data-form"), .attribute(named: "novalidate", value: "novalidate"),
                .h3(.text(texts.devPairTitle)),
                .p(.class("hint"), .text(texts.devPairLead)),
                field(id: "pair-phone", label: texts.phoneLabel, hint: texts.phoneHint, type: .tel, mode: "tel", autocomplete: "tel"),
                field(id: "pair-code", label: texts.codeLabel, hint: texts.codeHint, type: .password, mode: "numeric", autocomplete: "off"),
                .button(.id("pair-submit"), .type(.submit), .text(texts.setUp))
            ))
        )
    }

    private var requestSection: Node<HTML.BodyContext> {
        .section(.id("app-request"), .attribute(named: "hidden", value: "hidden"),
            .p(.id("request-asks"), .class("lead")),
            .div(.id("request-numbers"), .attribute(named: "hidden", value: "hidden"),
                .p(.id("which-number"), .text(texts.whichNumber)),
                .div(.id("number-choices"), .class("number-choices"), .attribute(named: "role", value: "group"),
                     .attribute(named: "aria-labelledby", value: "which-number"))
            ),
            .div(.id("request-message"), .attribute(named: "hidden", value: "hidden"),
                .p(.text(texts.checkMessage)),
                .p(.id("binding-message"), .class("binding-message"))
            ),
            .form(.id("code-form"), .class("data-form"), .attribute(named: "hidden", value: "hidden"),
                  .attribute(named: "novalidate", value: "novalidate"),
                field(id: "app-code", label: texts.codeLabel, hint: texts.codeHint, type: .password, mode: "numeric", autocomplete: "off"),
                .button(.id("confirm-request"), .type(.submit), .text(texts.confirm))
            ),
            .button(.id("confirm-biometric"), .type(.button), .attribute(named: "hidden", value: "hidden"), .text(texts.confirmBiometric)),
            .button(.id("refuse-request"), .class("secondary"), .type(.button), .text(texts.refuse))
        )
    }

    /// One of the phone's enrolment steps: a form the script shows when its turn comes (the first one at once).
    private func enrolmentStep(_ id: String, title: String, _ fields: Node<HTML.FormContext>..., extra: Node<HTML.FormContext> = .empty,
                               submit: String? = nil) -> Node<HTML.BodyContext> {
        .form(.id(id), .class("data-form enrol-step"), .attribute(named: "novalidate", value: "novalidate"),
              .if(id != "enrol-number", .attribute(named: "hidden", value: "hidden")),
            .h3(.text(title)),
            .group(fields),
            .button(.id(id + "-submit"), .type(.submit), .text(submit ?? enrolment.continueButton)),
            extra
        )
    }

    private func field(id: String, label: String, hint: String, type: HTMLInputType, mode: String, autocomplete: String,
                       spellcheck: Bool = true) -> Node<HTML.FormContext> {
        .div(.class("field"),
            .label(.for(id), .text(label)),
            .span(.id(id + "-hint"), .class("hint"), .text(hint)),
            .input(.id(id), .name(id), .type(type), .attribute(named: "inputmode", value: mode),
                   .attribute(named: "autocomplete", value: autocomplete), .attribute(named: "aria-describedby", value: id + "-hint"),
                   .attribute(named: "autocapitalize", value: spellcheck ? nil : "none"),
                   .attribute(named: "spellcheck", value: spellcheck ? nil : "false"))
        )
    }
}
