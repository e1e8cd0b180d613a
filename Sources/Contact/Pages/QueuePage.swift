import Foundation
import PersoCore
import Plot

/// The handlers' queue of one desk: views (mine, unassigned, all open, closed) with their counts, a topic filter and
/// full-text search, overdue cases marked, each topic's average rating, and the handler's own duties.
struct QueuePage {
    let desk: String
    let desks: [String]
    let filter: Queue.Filter
    let listing: Queue.Listing
    let counts: (views: [Queue.View: Int], overdue: Int)
    let averages: [Topic: (average: Double, count: Int)]
    let duties: [HandlerDuty]
    let now: Date
    let texts: ContactTexts
    let token: String

    var page: Page {
        Page(title: texts.queueTitle, content: .div(
            ContactNavigation.node(current: .queue, handler: true, texts: texts),
            .h1(.text(texts.queueTitle + " · " + texts.deskName(desk))),
            .if(desks.count > 1, .nav(.id("desks"), .class("filters"), .attribute(named: "aria-label", value: texts.desksLabel),
                                      .forEach(desks) { other in
                .a(.href(ContactPath.queue + "?desk=" + other), .if(other == desk, .attribute(named: "aria-current", value: "page")),
                   .text(texts.deskName(other)))
            })),
            .if(counts.overdue > 0, .p(.id("overdue-count"), .class("form-error"), .text(texts.overdueCount(counts.overdue)))),
            views,
            filters,
            .if(listing.rows.isEmpty, .p(.id("no-cases"), .text(texts.noCases)), else: table),
            .if(filter.page > 1 || listing.hasMore, pagination),
            .h2(.text(texts.satisfactionTitle)),
            .ul(.id("averages"), .forEach(Topic.allCases) { topic in
                .li(.attribute(named: "data-topic", value: topic.rawValue),
                    .text(texts.topicName(topic) + ": " + (averages[topic].map { texts.average($0.average, count: $0.count) } ?? texts.noRatings)))
            }),
            dutiesForm
        ))
    }

    private var views: Node<HTML.BodyContext> {
        .nav(.id("queue-views"), .class("app-nav"), .attribute(named: "aria-label", value: texts.viewsLabel), .ul(.forEach(Queue.View.allCases) { view in
            let count = counts.views[view].map { $0 >= Queue.countCap ? " (\(Queue.countCap)+)" : " (\($0))" } ?? ""
            return .li(.a(.id("view-\(view.rawValue)"), .href(link(view: view, page: 1)),
                          .if(view == filter.view && filter.search == nil, .attribute(named: "aria-current", value: "page")),
                          .text(texts.viewName(view) + count)))
        }))
    }

    private var filters: Node<HTML.BodyContext> {
        .form(
            .id("queue-filters"), .class("filters"), .method(.get), .action(ContactPath.queue),
            .attribute(named: "role", value: "search"), .attribute(named: "aria-label", value: texts.searchLabel),
            .input(.type(.hidden), .name("desk"), .value(desk)),
            .input(.type(.hidden), .name("view"), .value(filter.view.rawValue)),
            .div(.class("field"), .label(.for("filter-topic"), .text(texts.topicLabel)),
                 .select(.id("filter-topic"), .attribute(named: "name", value: "topic"),
                         SelectOptions.node([("", texts.allTopics)] + Topic.allCases.map { ($0.rawValue, texts.topicName($0)) }, selected: filter.topic?.rawValue ?? ""))),
            .div(.class("field"), .label(.for("search"), .text(texts.searchLabel)),
                 .input(.id("search"), .name("q"), .type(.search), .value(filter.search ?? ""), .attribute(named: "maxlength", value: "100"))),
            .button(.id("apply-filters"), .type(.submit), .text(texts.applyFilters))
        )
    }

    private var table: Node<HTML.BodyContext> {
        .div(.class("table-scroll"), .table(
            .id("queue"),
            .caption(.class("sr-only"), .text(texts.queueTitle)),
            .thead(.tr(
                .th(.text(texts.referenceLabel)), .th(.text(texts.subjectLabel)), .th(.text(texts.topicLabel)), .th(.text(texts.requesterLabel)),
                .th(.text(texts.statusLabel)), .th(.text(texts.assigneeLabel)), .th(.text(texts.dueLabel))
            )),
            .tbody(.forEach(listing.rows) { row in
                let overdue = row.isOverdue(now: now)
                let id = row.id.uuidString.lowercased()
                return .tr(
                    .class(overdue ? "case-row overdue" : "case-row"), .attribute(named: "data-id", value: id),
                    .td(.a(.href(ContactPath.handling(id)), .text(row.reference))),
                    .td(.text(row.subject)),
                    .td(.text(texts.topicName(row.topic))),
                    .td(.text(row.requesterName)),
                    .td(.span(.class("badge status-\(row.status.rawValue)"), .text(texts.statusName(row.status)))),
                    .td(.text(row.assigneeName ?? texts.nobody)),
                    .td(.text(BelgianTime.day(row.dueAt)), .if(overdue, .span(.class("badge overdue-mark"), .text(texts.overdue))))
                )
            })
        ))
    }

    private var pagination: Node<HTML.BodyContext> {
        .nav(
            .class("pagination"), .attribute(named: "aria-label", value: texts.page(filter.page)),
            .if(filter.page > 1, .a(.id("previous-page"), .href(link(view: filter.view, page: filter.page - 1)), .text(texts.previousPage))),
            .span(.text(texts.page(filter.page))),
            .if(listing.hasMore, .a(.id("next-page"), .href(link(view: filter.view, page: filter.page + 1)), .text(texts.nextPage)))
        )
    }

    private var dutiesForm: Node<HTML.BodyContext> {
        let onDuty = duties.contains(where: \.onDuty)
        let topics = Set(duties.filter(\.onDuty).map(\.topic))
        return .form(
            .id("duties-form"), .class("data-form"), .method(.post), .action(ContactPath.duties),
            .csrfField(token: token),
            .input(.type(.hidden), .name("desk"), .value(desk)),
            .h2(.text(texts.dutiesTitle)),
            .p(.class("hint"), .text(texts.dutiesHint)),
            .div(.class("field checkbox"),
                 .input(.id("on-duty"), .name("on_duty"), .type(.checkbox), .value("yes"), .checked(onDuty)),
                 .label(.for("on-duty"), .text(texts.onDutyLabel))),
            .fieldset(
                .element(named: "legend", nodes: [.text(texts.myTopicsLegend)]),
                .forEach(Topic.allCases) { topic in
                    .div(.class("field checkbox"),
                         .input(.id("duty-\(topic.rawValue)"), .name("topic_\(topic.rawValue)"), .type(.checkbox), .value("yes"),
                                .checked(!onDuty || topics.contains(topic))),
                         .label(.for("duty-\(topic.rawValue)"), .text(texts.topicName(topic))))
                }
            ),
            .button(.id("save-duties"), .type(.submit), .text(texts.saveDuties))
        )
    }

    private func link(view: Queue.View, page: Int) -> String {
        var items = [URLQueryItem(name: "desk", value: desk), URLQueryItem(name: "view", value: view.rawValue)]
        if let topic = filter.topic { items.append(.init(name: "topic", value: topic.rawValue)) }
        if page > 1 { items.append(.init(name: "page", value: String(page))) }
        var components = URLComponents()
        components.queryItems = items
        return ContactPath.queue + "?" + (components.percentEncodedQuery ?? "")
    }
}
