import Hummingbird
import PersoCore
import Plot

/// The access portal: the landing page with a tile per application, the help pages made from the guide,
/// the notices the footer links to, and the "not available yet" pages of applications still to come.
struct PortalController {
    /// These pages say the same to everyone who reads them in a language, so they are rendered once.
    let cache = RenderedPageCache()
    /// The help desk's contact details as the operator published them (the footer's contact page).
    var helpDesk = HelpDeskContact()
    /// The session limits and cookie names the privacy and cookie notices state.
    var sessions = SessionPolicy()

    func register(on routes: Routes) {
        routes.get(PortalPages.home) { _, context in home(context) }
        routes.get(PortalPages.help) { _, context in helpIndex(context) }
        routes.get(PortalPages.help(":topic")) { _, context in
            guard let topic = context.parameters.get("topic").flatMap(HelpTopic.init(rawValue:)) else {
                throw PersoError.notFound
            }
            return helpPage(topic, context)
        }
        FederalNoticePages(helpDesk: helpDesk, sessions: sessions, cache: cache).register(on: routes)
    }

    private func home(_ context: PersoRequestContext) -> Response {
        let texts = PortalTexts.texts(for: context.language)
        let tiles: [(id: String, path: String, name: String, line: String)] = [
            ("tile-selfservice", "/selfservice", texts.selfServiceName, texts.selfServiceLine),
            ("tile-contact", "/contact", texts.contactName, texts.contactLine),
            ("tile-ebox", "/ebox", texts.eboxName, texts.eboxLine),
        ]
        return cache.response(for: "home", chrome: context.chrome) { Page(title: texts.portalTitle, content: .div(
            .h1(.text(texts.portalTitle)),
            .p(.class("lead"), .text(texts.portalLead)),
            .ul(.class("tiles"), .forEach(tiles) { tile in
                .li(.a(.id(tile.id), .class("tile"), .href(tile.path), .h2(.text(tile.name)), .p(.text(tile.line))))
            }),
            .section(
                .class("availability-note"),
                .h2(.text(texts.availabilityTitle)),
                .p(.text(texts.availabilityBody))
            ),
            .p(.a(.id("help-link"), .href(PortalPages.help), .text(texts.helpLink))),
            .p(.a(.id("activity-link"), .href(AccountPages.myActivity), .text(texts.activityLink)))
        )) }
    }

    private func helpIndex(_ context: PersoRequestContext) -> Response {
        let texts = PortalTexts.texts(for: context.language)
        return cache.response(for: "help", chrome: context.chrome) { Page(title: texts.helpTitle, content: .div(
            .h1(.text(texts.helpTitle)),
            .p(.class("lead"), .text(texts.helpLead)),
            .ul(.class("help-index"), .forEach(HelpTopic.allCases) { topic in
                let article = HelpArticle.article(topic, in: context.language)
                return .li(
                    .a(.id("help-\(topic.rawValue)"), .href(PortalPages.help(topic.rawValue)), .text(article.title)),
                    .p(.text(article.summary))
                )
            })
        )) }
    }

    private func helpPage(_ topic: HelpTopic, _ context: PersoRequestContext) -> Response {
        let texts = PortalTexts.texts(for: context.language)
        let article = HelpArticle.article(topic, in: context.language)
        return cache.response(for: "help/\(topic.rawValue)", chrome: context.chrome) { Page(title: article.title, content: .article(
            .class("help-article"),
            .h1(.text(article.title)),
            .forEach(article.sections) { section in
                .section(
                    .unwrap(section.heading) { .h2(.text($0)) },
                    .forEach(section.paragraphs) { .p(.text($0)) },
                    .if(!section.steps.isEmpty, .ol(.class("steps"), .forEach(section.steps) { .li(.text($0)) }))
                )
            },
            .p(.a(.class("button secondary"), .href(PortalPages.help), .text(texts.helpBack)))
        )) }
    }
}
