import Hummingbird
import PersoCore
import Plot

/// The page discovery names as `service_documentation` (and, its last section, as `op_policy_uri`): where an
/// application's developers start, the levels, and the conditions every relying party accepts.
enum RelyingPartyGuidePage {
    static let conditionsAnchor = "conditions"

    static func response(settings: ProviderSettings, context: PersoRequestContext) -> Response {
        let texts = RelyingPartyGuideTexts.texts(for: context.language)
        let discovery = settings.issuer + "/.well-known/openid-configuration"
        let page = Page(title: texts.title, content: .div(
            .class("relying-party-guide"),
            .h1(.text(texts.title)),
            .p(.class("lead"), .text(texts.lead)),
            .h2(.text(texts.endpointsHeading)),
            .dl(
                .dt(.text(texts.discoveryLabel)),
                .dd(.a(.id("discovery-url"), .href(discovery), .text(discovery)))
            ),
            .h2(.text(texts.levelsHeading)),
            .p(.text(texts.levelsBody)),
            .ul(.forEach(LevelOfAssurance.allCases) { .li(.code(.text($0.acr))) }),
            .h2(.id(conditionsAnchor), .text(texts.conditionsHeading)),
            .ul(.forEach(texts.conditions) { .li(.text($0)) })
        ))
        return Layout.response(page, chrome: context.chrome)
    }
}
