import PersoCore
import Plot

/// The application's own menu, with the current page marked for assistive technology. The team and HR areas are
/// reached from the home page's cards, and appear in the menu while one is in them.
enum ApplicationNavigation {
    enum Item: CaseIterable { case home, personal, absences, team, file, payslips, hr }

    static func node(current: Item, texts: SelfServiceTexts) -> Node<HTML.BodyContext> {
        var items: [(Item, String, String, String)] = [
            (.home, SelfServicePath.home, texts.homeTitle, "nav-home"),
            (.personal, SelfServicePath.personal, texts.personalDataLink, "nav-personal"),
            (.absences, SelfServicePath.absences, texts.absencesLink, "nav-absences"),
            (.file, SelfServicePath.file, texts.fileLink, "nav-file"),
            (.payslips, SelfServicePath.payslips, texts.payslipsLink, "nav-payslips"),
        ]
        if current == .team { items.insert((.team, SelfServicePath.team, texts.teamLink, "nav-team"), at: 3) }
        if current == .hr { items.append((.hr, SelfServicePath.hr, texts.hrLink, "nav-hr")) }
        return .nav(
            .class("app-nav"), .attribute(named: "aria-label", value: texts.navigationLabel),
            .ul(.forEach(items) { item in
                .li(.a(.id(item.3), .href(item.1), .if(item.0 == current, .attribute(named: "aria-current", value: "page")), .text(item.2)))
            })
        )
    }
}
