import Foundation
import Hummingbird
import PersoCore
import Plot

/// "My activity" as a person reads it: newest first, a page at a time, each line saying what happened, with which
/// key, to which application (by its name in the person's language), from which browser and system in plain words —
/// and, on every line, what to do when it was not them.
enum ActivityPage {
    static let perPage = 20

    struct Line: Sendable {
        let event: AuditEvent
        /// The application's name as people read it; nil when the event names none.
        let application: String?
        /// The key's short name; nil when the event names none.
        let key: String?
    }

    static func response(lines: [Line], page: Int, total: Int, context: PersoRequestContext) -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        let account = AccountTexts.texts(for: context.language)
        let pages = max(1, (total + perPage - 1) / perPage)
        let headings = [texts.activityWhen, texts.activityWhat, texts.activityKey, texts.activityApplication, texts.activityFrom]
        return Layout.response(Page(title: texts.activityTitle, content: .div(
            .class("activity"),
            .h1(.text(texts.activityTitle)),
            .p(.class("lead"), .text(texts.activityLead)),
            .if(lines.isEmpty, .p(.text(texts.activityNone)), else: .group([
                .table(
                    .id("activity"), .class("cards"),
                    .thead(.tr(
                        .forEach(headings) { .th(.attribute(named: "scope", value: "col"), .text($0)) },
                        // The "this wasn't me" column: named for screen readers, its summary says it on screen.
                        .th(.attribute(named: "scope", value: "col"), .span(.class("sr-only"), .text(account.notMe)))
                    )),
                    .tbody(.forEach(lines) { line in row(line, headings: headings, texts: texts, account: account, language: context.language) })
                ),
                pager(page: page, pages: pages, account: account),
            ]))
        )), chrome: context.chrome)
    }

    private static func row(_ line: Line, headings: [String], texts: GatewayTexts, account: AccountTexts, language: Language) -> Node<HTML.TableContext> {
        let event = line.event
        let cells: [String] = [
            MaintenanceNotice.format(event.at),
            // What someone else did on the account says who: "Registered by the registration office BOSA".
            [texts.eventNames(event.kind), event.performedBy.map { OfficeActivityTexts.texts(for: language).by($0) }].compactMap { $0 }.joined(separator: " "),
            line.key ?? "–",
            line.application ?? "–",
            // An office's action came from the officer's computer, which is not the person's to see (nor a sign of intrusion).
            event.performedBy != nil ? "–" : ([BrowserDescription(userAgent: event.userAgent).words(account)] + [event.ip].compactMap { $0 }).joined(separator: " · "),
        ]
        return .tr(
            .class(event.success ? "ok" : "failed"),
            .forEach(Array(zip(headings, cells))) { heading, value in
                // The heading again, for the card layout of narrow screens.
                .td(.attribute(named: "data-label", value: heading), .text(value))
            },
            .td(.class("not-me-cell"), .attribute(named: "data-label", value: ""), notMe(account))
        )
    }

    private static func notMe(_ texts: AccountTexts) -> Node<HTML.BodyContext> {
        .element(named: "details", nodes: [
            .class("not-me"),
            .element(named: "summary", text: texts.notMe),
            .forEach(texts.notMeSteps) { .p(.text($0)) },
            .ol(
                .li(.a(.href(GatewayPath.myPassword), .text(texts.notMeChangePassword))),
                .li(.a(.href(GatewayPath.myKeys), .text(texts.notMeKeys))),
                .li(.a(.href(PortalPages.helpDesk), .text(texts.notMeHelpDesk)))
            ),
        ])
    }

    private static func pager(page: Int, pages: Int, account: AccountTexts) -> Node<HTML.BodyContext> {
        .nav(
            .class("pager"), .attribute(named: "aria-label", value: account.pageOf(page + 1, pages)),
            .if(page > 0, .a(.id("activity-newer"), .href("\(GatewayPath.myActivity)?page=\(page)"), .text("← " + account.newer))),
            .span(.class("pager-position"), .text(account.pageOf(page + 1, pages))),
            .if(page + 1 < pages, .a(.id("activity-older"), .href("\(GatewayPath.myActivity)?page=\(page + 2)"), .text(account.older + " →")))
        )
    }
}
