import PersoCore
import Plot

/// A security-code key's second step: where to find the code (the key's words), the code field, and the key's own
/// extra actions (the e-mail key's "send again").
struct CodePage {
    let transaction: LoginTransaction
    let key: KeyProfile
    let instructions: Node<HTML.BodyContext>
    let extraActions: Node<HTML.BodyContext>
    let error: String?
    let notice: String?
    let texts: GatewayTexts
    let language: Language
    let session: Session

    var page: Page {
        let name = key.names(language).full
        return Page(title: name, content: .div(
            .class("login-form"),
            .h1(.text(name)),
            .p(.class("for-application"), .text(texts.chooserForApplication(transaction.clientName))),
            instructions,
            .unwrap(error) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .unwrap(notice) { .p(.class("form-notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .form(
                .id("code-form"), .method(.post), .action(GatewayPath.key(key.identifier)),
                .csrfField(session),
                .input(.type(.hidden), .name("tx"), .value(transaction.id)),
                .input(.type(.hidden), .name("step"), .value("code")),
                .div(.class("field"),
                     .label(.for("code"), .text(texts.codeLabel)),
                     .input(.id("code"), .name("code"), .type(.text), .class("code"),
                            .attribute(named: "inputmode", value: "numeric"), .attribute(named: "autocomplete", value: "one-time-code"),
                            .attribute(named: "pattern", value: "[0-9 ]{6,7}"), .attribute(named: "maxlength", value: "7"),
                            .required(true), .autofocus(true))),
                .button(.id("code-submit"), .type(.submit), .text(texts.submit))
            ),
            extraActions,
            .p(.a(.href(GatewayPath.chooser(transaction)), .text(texts.backToKeys)))
        ))
    }
}
