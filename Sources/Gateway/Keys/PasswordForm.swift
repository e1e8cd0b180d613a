import Hummingbird
import PersoCore
import Plot

/// The username + password form, for the password key and as the first step of each security-code key.
enum PasswordForm {
    static func response(_ transaction: LoginTransaction, key: KeyProfile, username: String, error: String?, context: PersoRequestContext) -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        let alone = key.identifier == .password
        let title = alone ? texts.passwordTitle : key.names(context.language).full
        let page = Page(title: title, content: .div(
            .class("login-form"),
            .h1(.text(title)),
            .p(.class("for-application"), .text(texts.chooserForApplication(transaction.clientName))),
            .if(!alone, .p(.class("step"), .text(texts.codeKeyFirstStep))),
            .unwrap(error) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .id("password-form"), .method(.post), .action(GatewayPath.key(key.identifier)),
                .csrfField(context.session),
                .input(.type(.hidden), .name("tx"), .value(transaction.id)),
                .div(.class("field"),
                     .label(.for("username"), .text(texts.usernameLabel)),
                     .input(.id("username"), .name("username"), .type(.text), .value(username),
                            .attribute(named: "autocomplete", value: "username"), .required(true), .autofocus(error == nil))),
                .div(.class("field"),
                     .label(.for("password"), .text(texts.passwordLabel)),
                     .input(.id("password"), .name("password"), .type(.password),
                            .attribute(named: "autocomplete", value: "current-password"), .required(true), .autofocus(error != nil))),
                .button(.id("password-submit"), .type(.submit), .text(alone ? texts.submit : texts.next))
            ),
            .p(.a(.href(GatewayPath.chooser(transaction)), .text(texts.backToKeys)))
        ))
        return Layout.response(page, chrome: context.chrome)
    }
}
