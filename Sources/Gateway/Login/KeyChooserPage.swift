import Hummingbird
import PersoCore
import Plot

/// "Choose your digital key": the guide's screenshot, two groups of keys. A key the application does not accept
/// (too weak) or that this installation does not offer yet is shown greyed out, with the reason.
enum KeyChooserPage {
    static func response(transaction: LoginTransaction, available: Set<DigitalKeyKind>, context: PersoRequestContext) -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        let groups: [(String, [DigitalKeyKind])] = [
            (texts.identityKeysGroup, [.eid, .itsme]),
            (texts.codeKeysGroup, [.email, .totp, .token, .password]),
        ]
        let page = Page(title: texts.chooserTitle, content: .div(
            .class("key-chooser"),
            .h1(.text(texts.chooserTitle)),
            .p(.class("lead"), .text(texts.chooserLead)),
            .p(.class("for-application"), .text(texts.chooserForApplication(transaction.clientName))),
            .forEach(groups) { group in
                .section(
                    .class("key-group"),
                    .h2(.text(group.0)),
                    .ul(.class("keys"), .forEach(group.1) { kind in
                        .li(tile(kind, transaction: transaction, available: available.contains(kind), texts: texts))
                    })
                )
            },
            .p(
                .a(.href("/help"), .text(texts.helpLink)), .text(" · "),
                .a(.id("cancel-login"), .href("/fas/login/cancel?tx=\(transaction.id.attributeEscaped)"), .text(texts.cancel))
            )
        ))
        return Layout.response(page, chrome: context.chrome)
    }

    private static func tile(_ kind: DigitalKeyKind, transaction: LoginTransaction, available: Bool, texts: GatewayTexts) -> Node<HTML.BodyContext> {
        let strongEnough = kind.level >= transaction.requiredLevel
        guard available, strongEnough else {
            return .span(
                .id("key-\(kind.rawValue)"), .class("key disabled"), .attribute(named: "aria-disabled", value: "true"),
                .span(.class("key-name"), .text(texts.keyName(kind))),
                .span(.class("key-reason"), .text(strongEnough ? texts.keyNotYetAvailable : texts.keyTooWeak))
            )
        }
        return .a(
            .id("key-\(kind.rawValue)"), .class("key"), .href("/fas/login/\(kind.rawValue)?tx=\(transaction.id.attributeEscaped)"),
            .span(.class("key-name"), .text(texts.keyName(kind)))
        )
    }
}
