import Foundation
import PersoCore
import Plot

/// "Log out?": asked when an application's logout request cannot prove it comes from the application (no valid
/// `id_token_hint`). The confirmed form carries the application and its registered return address, never another.
struct LogoutConfirmationPage {
    let client: RegisteredClient?
    /// A registered post-logout address of `client`, or nil.
    let returnURI: String?
    let state: String?
    let language: Language
    let session: Session

    var page: Page {
        let texts = GatewayTexts.texts(for: language)
        let carried: [(String, String?)] = [("client_id", client?.clientID), ("post_logout_redirect_uri", returnURI), ("state", state)]
        return Page(title: texts.logoutConfirmTitle, content: .div(
            .class("logout-confirm"),
            .h1(.text(texts.logoutConfirmTitle)),
            .p(.text(texts.logoutConfirmBody(client?.name))),
            .form(
                .id("confirm-logout"), .method(.post), .action(GatewayPath.logoutConfirm), .csrfField(session),
                .forEach(carried.compactMap { name, value in value.map { (name, $0) } }) { name, value in
                    .input(.type(.hidden), .name(name), .value(value))
                },
                .button(.id("confirm-logout-button"), .type(.submit), .text(texts.logoutConfirmButton))
            ),
            .p(.a(.id("stay-logged-in"), .class("button secondary"), .href(PortalPages.home), .text(texts.logoutStay)))
        ))
    }
}

/// "You are logged out", with the advice for shared computers: where the gateway's logout ends, and where
/// applications send people after theirs.
struct LoggedOutPage {
    let language: Language

    var page: Page {
        let texts = GatewayTexts.texts(for: language)
        return Page(title: texts.loggedOutTitle, content: .div(
            .h1(.id("logged-out"), .text(texts.loggedOutTitle)),
            .p(.text(texts.loggedOutBody)),
            .p(.id("shared-computer"), .class("advice"), .text(AccountTexts.texts(for: language).sharedComputerAdvice)),
            .p(.a(.class("button secondary"), .href(PortalPages.home), .text(ShellTexts.texts(for: language).backToPortal)))
        ))
    }
}
