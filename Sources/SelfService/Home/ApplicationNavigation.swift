import PersoCore
import Plot

/// The application's own menu, with the current page marked for assistive technology.
enum ApplicationNavigation {
    enum Item: CaseIterable { case home, personal }

    static func node(current: Item, texts: SelfServiceTexts) -> Node<HTML.BodyContext> {
        let items: [(Item, String, String, String)] = [
            (.home, SelfServiceModule.path, texts.homeTitle, "nav-home"),
            (.personal, SelfServiceModule.path + "/personal", texts.personalDataLink, "nav-personal"),
        ]
        return .nav(
            .class("app-nav"), .attribute(named: "aria-label", value: texts.navigationLabel),
            .ul(.forEach(items) { item in
                .li(.a(.id(item.3), .href(item.1), .if(item.0 == current, .attribute(named: "aria-current", value: "page")), .text(item.2)))
            })
        )
    }
}
