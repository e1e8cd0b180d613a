import Foundation
import Hummingbird
import PersoCore
import Plot

/// "Remove your authenticator app key?": removing a key is asked about on a page of its own, so that a stray
/// click on "my digital keys" never costs a person a key.
enum KeyRemovalPage {
    static func response(_ key: KeyProfile, context: PersoRequestContext) -> Response {
        let texts = AccountTexts.texts(for: context.language)
        let question = key.names(context.language).removeQuestion
        let page = Page(title: question, content: .div(
            .class("login-form"),
            .h1(.text(question)),
            .p(.text(texts.removeKeyBody)),
            .form(
                .id("remove-key-form"), .method(.post), .action(GatewayPath.myKeysRemove), .csrfField(context.session),
                .input(.type(.hidden), .name("kind"), .value(key.identifier.rawValue)),
                .div(.class("actions"),
                     .button(.id("remove-key-confirm"), .type(.submit), .text(texts.removeKeyConfirm)),
                     .a(.id("remove-key-keep"), .class("button secondary"), .href(GatewayPath.myKeys), .text(texts.removeKeyKeep)))
            )
        ))
        return Layout.response(page, chrome: context.chrome)
    }
}
