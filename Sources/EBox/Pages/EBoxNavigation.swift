import PersoCore
import Plot

/// The eBox's own menu, with the current page marked for assistive technology.
enum EBoxNavigation {
    enum Item { case documents, archived, settings }

    static func node(current: Item?, texts: EBoxTexts) -> Node<HTML.BodyContext> {
        let items: [(Item, String, String, String)] = [
            (.documents, EBoxPart.path, texts.mailboxTitle, "nav-documents"),
            (.archived, EBoxPart.path + "?view=archived", texts.archivedView, "archived-view"),
            (.settings, SettingsController.path, texts.settingsLink, "settings-link"),
        ]
        return .nav(
            .class("app-nav"), .attribute(named: "aria-label", value: texts.name),
            .ul(.forEach(items) { item in
                .li(.a(.id(item.3), .href(item.1), .if(item.0 == current, .attribute(named: "aria-current", value: "page")), .text(item.2)))
            })
        )
    }
}
