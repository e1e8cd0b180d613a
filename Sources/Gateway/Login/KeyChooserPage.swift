import Hummingbird
import PersoCore
import Plot

/// "Choose your digital key": the guide's screenshot, two groups of keys, each key where its profile puts it. A key
/// the application does not accept (too weak) or that this installation does not offer yet is shown greyed out,
/// with the reason.
enum KeyChooserPage {
    static func response(transaction: LoginTransaction, keys: KeyRegistry, context: PersoRequestContext) -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        let groups = KeyGroup.allCases.map { group in (group, keys.keys.filter { $0.profile.group == group }) }.filter { !$0.1.isEmpty }
        let page = Page(title: texts.chooserTitle, content: .div(
            .class("key-chooser"),
            .h1(.text(texts.chooserTitle)),
            .p(.class("lead"), .text(texts.chooserLead)),
            .p(.class("for-application"), .text(texts.chooserForApplication(transaction.clientName))),
            .forEach(groups) { group, keys in
                .section(
                    .class("key-group"),
                    .h2(.text(group == .identity ? texts.identityKeysGroup : texts.codeKeysGroup)),
                    .ul(.class("keys"), .forEach(keys) { key in
                        .li(tile(key, transaction: transaction, texts: texts, language: context.language))
                    })
                )
            },
            .p(.a(.id("registration-offices"), .href(PortalPages.registrationOffices), .text(texts.noKeyYet))),
            .p(
                .a(.href(PortalPages.help), .text(texts.helpLink)), .text(" · "),
                .a(.id("cancel-login"), .href(GatewayPath.cancel(transaction)), .text(texts.cancel))
            )
        ))
        return Layout.response(page, chrome: context.chrome)
    }

    private static func tile(_ key: any DigitalKey, transaction: LoginTransaction, texts: GatewayTexts, language: Language) -> Node<HTML.BodyContext> {
        let profile = key.profile
        let strongEnough = profile.level >= transaction.requiredLevel
        let name = profile.names(language).full
        guard key.isOffered, strongEnough else {
            return .span(
                .id("key-\(profile.identifier)"), .class("key disabled"), .attribute(named: "aria-disabled", value: "true"),
                .span(.class("key-name"), .text(name)),
                .span(.class("key-reason"), .text(strongEnough ? texts.keyNotYetAvailable : texts.keyTooWeak))
            )
        }
        return .a(
            .id("key-\(profile.identifier)"), .class("key"), .href(GatewayPath.key(profile.identifier, transaction)),
            .span(.class("key-name"), .text(name))
        )
    }
}
