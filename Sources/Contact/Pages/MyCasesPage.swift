import Foundation
import PersoCore
import Plot

/// "My cases": the open ones first, then the closed ones, each with its reference, topic, status and last activity.
struct MyCasesPage {
    let cases: [ContactCase]
    let handler: Bool
    let texts: ContactTexts

    var page: Page {
        let open = cases.filter { $0.status.isOpen }
        let closed = cases.filter { !$0.status.isOpen }
        return Page(title: texts.myCasesTitle, content: .div(
            ContactNavigation.node(current: .cases, handler: handler, texts: texts),
            .h1(.text(texts.myCasesTitle)),
            .p(.a(.id("ask-question"), .class("button"), .href(ContactPath.ask), .text(texts.askTitle))),
            .h2(.id("open-heading"), .text(texts.openCases)),
            list(open, id: "open-cases", empty: texts.noOpenCases),
            .h2(.id("closed-heading"), .text(texts.closedCases)),
            list(closed, id: "closed-cases", empty: texts.noClosedCases)
        ))
    }

    private func list(_ cases: [ContactCase], id: String, empty: String) -> Node<HTML.BodyContext> {
        .if(cases.isEmpty, .p(.id("\(id)-none"), .text(empty)), else: .ul(
            .id(id), .class("documents"),
            .forEach(cases) { item in
                .li(
                    .class("document"), .attribute(named: "data-id", value: item.idString),
                    .a(.class("document-link"), .href(ContactPath.item(item.idString)), .span(.class("subject"), .text(item.subject))),
                    .div(
                        .class("document-facts"),
                        .span(.class("reference"), .text(item.reference)),
                        .span(.class("type"), .text(texts.topicName(item.topic))),
                        .span(.class("badge status-\(item.status.rawValue)"), .text(texts.statusName(item.status))),
                        .span(.class("date"), .text(texts.lastActivity + " " + BelgianTime.minute(item.updatedAt)))
                    )
                )
            }
        ))
    }
}
