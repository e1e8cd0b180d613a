import Foundation
import Hummingbird
import PersoCore
import RelyingParty

/// The handlers' queue and their duties. Only people the gateway says are case handlers of a desk see it, and only
/// that desk's cases.
struct QueueController: Sendable {
    let relyingParty: RelyingParty
    let cases: Cases
    let queue: Queue
    let duties: Duties

    func register(on routes: Routes) {
        routes.get(ContactPath.queue) { request, context in
            try await Handler.handle(relyingParty, request, context) { handler in
                let query = FormFields(encoded: request.uri.query ?? "")
                let desk = handler.desk(query?["desk"])
                try await duties.arrive(handler.visitor.actor, desks: handler.desks)
                let filter = Self.filter(query)
                let view = QueuePage(
                    desk: desk, desks: handler.desks, filter: filter,
                    listing: try await queue.list(desk: desk, handler: handler.visitor.nationalNumber, filter: filter),
                    counts: try await queue.counts(desk: desk, handler: handler.visitor.nationalNumber, now: relyingParty.now),
                    averages: try await cases.averages(desk: desk),
                    duties: try await duties.duties(of: handler.visitor.nationalNumber, desk: desk),
                    now: relyingParty.now, texts: ContactTexts.texts(for: context.language), token: context.session.csrfToken
                )
                return relyingParty.response(view.page, person: handler.visitor.person, request: request, context: context)
            }
        }
        routes.post(ContactPath.duties) { request, context in
            try await Handler.handle(relyingParty, request, context) { handler in
                let desk = handler.desk(context.form?["desk"])
                let topics = Set(Topic.allCases.filter { context.form?["topic_\($0.rawValue)"] == "yes" })
                try await duties.arrive(handler.visitor.actor, desks: handler.desks)
                try await duties.set(handler.visitor.nationalNumber, desk: desk, topics: topics, onDuty: context.form?["on_duty"] == "yes")
                return seeOther(ContactPath.queue + "?desk=" + desk)
            }
        }
    }

    /// The queue's filters from the address; anything unreadable is ignored rather than refused.
    static func filter(_ query: FormFields?) -> Queue.Filter {
        var filter = Queue.Filter()
        filter.view = query?["view"].flatMap(Queue.View.init(rawValue:)) ?? .mine
        filter.topic = query?["topic"].flatMap(Topic.init(rawValue:))
        if let search = query?["q"]?.trimmingCharacters(in: .whitespaces), !search.isEmpty { filter.search = String(search.prefix(100)) }
        filter.page = min(max(1, query?["page"].flatMap(Int.init) ?? 1), 4_000)
        return filter
    }
}
