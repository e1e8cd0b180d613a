import Plot

/// The header's "logged in as … [Log out]": the application fills it in, the layout draws it on every page.
public struct SignedInAccount: Sendable {
    public var label: String
    public var name: String
    public var logoutAction: String
    public var logoutLabel: String
    public var csrfToken: String

    public init(label: String, name: String, logoutAction: String, logoutLabel: String, csrfToken: String) {
        self.label = label
        self.name = name
        self.logoutAction = logoutAction
        self.logoutLabel = logoutLabel
        self.csrfToken = csrfToken
    }

    var node: Node<HTML.BodyContext> {
        .div(
            .class("account"),
            .p(.span(.class("account-label"), .text(label + " ")), .strong(.id("account-name"), .text(name))),
            .form(
                .method(.post), .action(logoutAction),
                .csrfField(token: csrfToken),
                .button(.id("logout"), .class("secondary"), .type(.submit), .text(logoutLabel))
            )
        )
    }
}
