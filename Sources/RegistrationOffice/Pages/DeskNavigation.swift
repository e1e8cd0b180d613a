import PersoCore
import Plot

/// The back-office's menu and the office switch for officers of several offices.
enum DeskNavigation {
    static func node(_ officer: Officer, texts: OfficeTexts) -> Node<HTML.BodyContext> {
        .nav(
            .class("desk-nav"), .attribute(named: "aria-label", value: texts.desk.menu),
            .p(.class("desk-office"), .text(texts.desk.workingAt(officer.office.name))),
            .ul(.class("area-links"),
                .li(.a(.id("nav-agenda"), .href(OfficePath.desk), .text(texts.desk.agendaTitle))),
                .li(.a(.id("nav-register"), .href(OfficePath.register), .text(texts.register.title))),
                .if(officer.administrator, .li(.a(.id("nav-settings"), .href(OfficePath.settings), .text(texts.settings.title))))),
            .if(officer.offices.count > 1, .form(
                .method(.get), .action(OfficePath.desk),
                .label(.for("office-switch"), .text(texts.desk.office + " ")),
                .select(.id("office-switch"), .attribute(named: "name", value: "office"),
                        SelectOptions.node(officer.offices.map { ($0.code, $0.name) }, selected: officer.office.code)),
                .button(.class("secondary"), .type(.submit), .text(texts.desk.switchOffice))
            )),
            .form(.id("find-form"), .class("find"), .method(.get), .action(OfficePath.people),
                  .label(.for("q"), .text(texts.desk.findLabel)),
                  .input(.id("q"), .name("q"), .type(.search), .attribute(named: "maxlength", value: "100")),
                  .button(.id("find"), .type(.submit), .text(texts.desk.find)))
        )
    }
}
