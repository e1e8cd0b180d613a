import HTTPTypes
import PersoCore
import Plot

/// Typing the 6-digit code sent to the address, with a way to have a new one sent.
struct VerifyPage {
    enum Notice { case wrong(remaining: Int), spent, resent, tooSoon }

    let email: String
    let notice: Notice?
    let texts: EBoxTexts
    let session: Session

    var page: Page {
        let error: String? = switch notice {
        case .wrong(let remaining): texts.wrongCode(remaining)
        case .spent: texts.codeExpired
        default: nil
        }
        let status: HTTPResponse.Status = error == nil ? .ok : .unprocessableContent
        return Page(title: texts.verifyTitle, status: status, content: .div(
            .h1(.text(texts.verifyTitle)),
            .p(.class("lead"), .text(texts.verifyLead(email))),
            .unwrap(notice) { notice in
                switch notice {
                case .resent: .p(.id("code-resent"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.codeResent))
                case .tooSoon: .p(.id("too-soon"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.tooSoon))
                default: .empty
                }
            },
            .form(
                .id("verify-form"), .class("data-form"), .method(.post), .action(ActivationController.verifyPath),
                .attribute(named: "novalidate", value: "novalidate"),
                .csrfField(session),
                .div(
                    .class("field"),
                    .label(.for("code"), .text(texts.codeLabel)),
                    .span(.id("code-hint"), .class("hint"), .text(texts.codeHint)),
                    .unwrap(error) { .span(.id("code-error"), .class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
                    .input(.id("code"), .class("code"), .name("code"), .type(.text), .attribute(named: "inputmode", value: "numeric"),
                           .attribute(named: "autocomplete", value: "one-time-code"), .attribute(named: "maxlength", value: "6"),
                           .attribute(named: "pattern", value: "[0-9]{6}"),
                           .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                           .attribute(named: "aria-describedby", value: error == nil ? "code-hint" : "code-hint code-error"))
                ),
                .button(.id("confirm"), .type(.submit), .text(texts.confirm))
            ),
            .form(
                .id("resend-form"), .method(.post), .action(ActivationController.resendPath),
                .csrfField(session),
                .button(.id("resend"), .class("secondary"), .type(.submit), .text(texts.sendNewCode))
            )
        ))
    }
}
