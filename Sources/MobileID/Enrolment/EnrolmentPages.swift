import Foundation
import Hummingbird
import PersoCore
import Plot

/// The computer's pages of the enrolment (steps 1 to 4), each a value the controller fills. Every page shows where
/// the person is among the guide's eight steps.
struct EnrolmentPages {
    let texts: EnrolmentTexts
    let context: PersoRequestContext

    func response(step: Int, status: HTTPResponse.Status = .ok, _ body: Node<HTML.BodyContext>) -> Response {
        Layout.response(Page(title: texts.title, status: status, content: .div(
            .class("enrolment"),
            .h1(.text(texts.title)),
            .p(.id("enrolment-step"), .class("step-of"), .text(texts.stepOf(step))),
            .ol(.class("enrolment-steps"), .forEach(Array(texts.stepNames.enumerated())) { index, name in
                .li(.class(index + 1 == step ? "current" : (index + 1 < step ? "done" : "todo")),
                    .if(index + 1 == step, .attribute(named: "aria-current", value: "step")), .text(name))
            }),
            body
        )), chrome: context.chrome)
    }

    /// Step 1: the app on the phone, by its address or a QR code.
    func getApp(appURL: String) -> Response {
        response(step: 1, .section(
            .h2(.text(texts.getAppTitle)),
            .p(.class("lead"), .text(texts.lead)),
            .p(.text(texts.getAppBody)),
            .div(.class("qr"), .unwrap(QRCode(appURL)) { .raw($0.svg(title: texts.qrTitle)) }),
            .p(.a(.id("app-address"), .href(appURL), .text(appURL))),
            .p(.a(.id("enrolment-next"), .class("button"), .href(MobileIDPath.enrolDetails), .text(texts.next)))
        ))
    }

    /// Step 2: the phone number with its country code, and the e-mail address.
    func details(_ draft: EnrolmentDraft, errors: [String: String] = [:]) -> Response {
        response(step: 2, status: errors.isEmpty ? .ok : .unprocessableContent, .section(
            .h2(.text(texts.detailsTitle)),
            .form(.id("details-form"), .class("data-form"), .method(.post), .action(MobileIDPath.enrolDetails), .csrfField(context.session),
                  .attribute(named: "novalidate", value: "novalidate"),
                .div(.class("field"),
                    .label(.for("country"), .text(texts.countryLabel)),
                    .select(.id("country"), .attribute(named: "name", value: "country"),
                            SelectOptions.node(CountryCode.allCases.map { ($0.rawValue, texts.countries($0)) }, selected: draft.country))
                ),
                field("phone", label: texts.phoneLabel, hint: texts.phoneHint, value: draft.number, type: .tel, autocomplete: "tel-national",
                      error: errors["phone"]),
                field("email", label: texts.emailLabel, hint: texts.emailHint, value: draft.email, type: .email, autocomplete: "email",
                      error: errors["email"]),
                .button(.id("details-submit"), .type(.submit), .text(texts.next))
            )
        ))
    }

    /// Step 3: the contract in the person's language, its version and fingerprint, and the button that signs it with
    /// an eID login.
    func contract(refused: Bool) -> Response {
        let language = context.language
        return response(step: 3, status: refused ? .forbidden : .ok, .section(
            .h2(.text(texts.contractTitle)),
            .if(refused, .p(.id("not-signed"), .class("form-error"), .attribute(named: "role", value: "alert"), .text(texts.notSigned))),
            .div(.id("contract"), .class("contract"), .attribute(named: "tabindex", value: "0"),
                 .forEach(Contract.paragraphs(language)) { .p(.text($0)) }),
            .p(.id("contract-fingerprint"), .class("hint"), .text(texts.contractFingerprint(Contract.version, Contract.sha256(language)))),
            .p(.text(texts.signExplain)),
            .form(.id("sign-form"), .method(.post), .action(MobileIDPath.enrolContract), .csrfField(context.session),
                  .button(.id("sign-contract"), .type(.submit), .text(texts.sign)))
        ))
    }

    /// Step 4: the identification token, to be typed on the phone.
    func token(_ token: String, validUntil: Date) -> Response {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/Brussels")
        formatter.dateFormat = "HH:mm"
        return response(step: 4, .section(
            .h2(.text(texts.tokenTitle)),
            .p(.text(texts.tokenBody)),
            .p(.class("token-label"), .text(texts.tokenLabel)),
            .p(.id("identification-token"), .class("identification-token"), .attribute(named: "translate", value: "no"), .text(token)),
            .p(.text(texts.tokenValidUntil(formatter.string(from: validUntil)))),
            .p(.class("lead"), .text(texts.tokenNext))
        ))
    }

    /// Step 4 once the token cannot be shown any more: taken over by the phone, or out of time.
    func tokenGone(taken: Bool) -> Response {
        response(step: taken ? 5 : 4, status: taken ? .ok : .gone, .section(
            .p(.id("token-gone"), .class(taken ? "notice" : "form-error"), .text(taken ? texts.tokenTaken : texts.tokenExpired)),
            .if(!taken, .p(.a(.class("button"), .href(MobileIDPath.enrolDetails), .text(texts.startAgain))))
        ))
    }

    /// The session lost what step 2 gathered (it ended, or the person came here directly).
    func sessionLost() -> Response {
        response(step: 2, status: .conflict, .section(
            .p(.id("session-lost"), .class("form-error"), .text(texts.sessionLost)),
            .p(.a(.class("button"), .href(MobileIDPath.enrolDetails), .text(texts.startAgain)))
        ))
    }

    private func field(_ id: String, label: String, hint: String, value: String, type: HTMLInputType, autocomplete: String,
                       error: String?) -> Node<HTML.FormContext> {
        .div(.class("field"),
            .label(.for(id), .text(label)),
            .span(.id(id + "-hint"), .class("hint"), .text(hint)),
            .unwrap(error) { .span(.id(id + "-error"), .class("form-error"), .text($0)) },
            .input(.id(id), .name(id), .type(type), .value(value), .attribute(named: "autocomplete", value: autocomplete),
                   .attribute(named: "aria-describedby", value: error == nil ? id + "-hint" : id + "-hint " + id + "-error"),
                   .attribute(named: "aria-invalid", value: error == nil ? nil : "true"))
        )
    }
}
