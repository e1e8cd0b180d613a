import Foundation
import PersoCore
import Plot

/// The mailbox: documents newest first, each with its sender, date, read state, registered-mail mark and the date it
/// will be deleted (with a warning in its last week); filters by sender, type and words; archived ones apart.
struct MailboxPage {
    enum Notice { case activated, addressChanged(String) }

    let listing: Documents.Listing
    let filter: Documents.Filter
    let senders: [UUID: SenderProfile]
    let facets: (senders: Set<UUID>, types: Set<String>)
    let notice: Notice?
    let now: Date
    let language: Language
    let texts: EBoxTexts

    var page: Page {
        // Beyond the counted documents the last page is not known: "page 41 of 40+".
        let pages = listing.totalIsCapped ? nil : max(1, (listing.total + Documents.pageSize - 1) / Documents.pageSize)
        let title = filter.archived ? texts.archivedTitle : texts.mailboxTitle
        return Page(title: title, content: .div(
            EBoxNavigation.node(current: filter.archived ? .archived : .documents, texts: texts),
            .h1(.text(title)),
            .unwrap(notice) { notice in
                switch notice {
                case .activated: .p(.id("activated"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.activated))
                case .addressChanged(let address):
                    .p(.id("address-changed"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.addressChanged(address)))
                }
            },
            filters,
            .p(.id("document-count"), .attribute(named: "aria-live", value: "polite"),
               .text(listing.totalIsCapped ? texts.documentCountAtLeast(listing.total) : texts.documentCount(listing.total))),
            .if(listing.documents.isEmpty, .p(.id("no-documents"), .text(texts.noDocuments)), else: .ul(
                .id("mailbox"), .class("documents"),
                .forEach(listing.documents) { document in item(document) }
            )),
            .if(filter.page > 1 || listing.hasMore, pagination(pages: pages)),
            .p(.a(.id("download-all"), .class("button secondary"), .href(EverythingDownload.path), .text(texts.downloadAll)))
        ))
    }

    private var filters: Node<HTML.BodyContext> {
        let senderOptions = [("", texts.allSenders)] + facets.senders.compactMap { id in senders[id].map { (id.uuidString, $0.name(in: language)) } }
            .sorted { $0.1 < $1.1 }
        let typeOptions = [("", texts.allTypes)] + facets.types.map { ($0, texts.typeName($0)) }.sorted { $0.1 < $1.1 }
        return .form(
            .id("filters"), .class("filters"), .method(.get), .action(EBoxPart.path),
            .attribute(named: "role", value: "search"), .attribute(named: "aria-label", value: texts.filtersLegend),
            .if(filter.archived, .input(.type(.hidden), .name("view"), .value("archived"))),
            .div(.class("field"), .label(.for("filter-sender"), .text(texts.senderLabel)),
                 .select(.id("filter-sender"), .attribute(named: "name", value: "sender"), SelectOptions.node(senderOptions.map { ($0.0, $0.1) }, selected: filter.senderID?.uuidString ?? ""))),
            .div(.class("field"), .label(.for("filter-type"), .text(texts.typeLabel)),
                 .select(.id("filter-type"), .attribute(named: "name", value: "type"), SelectOptions.node(typeOptions.map { ($0.0, $0.1) }, selected: filter.type ?? ""))),
            .div(.class("field"), .label(.for("search"), .text(texts.searchLabel)),
                 .input(.id("search"), .name("q"), .type(.search), .value(filter.search ?? ""), .attribute(named: "maxlength", value: "100"))),
            .button(.id("apply-filters"), .type(.submit), .text(texts.applyFilters))
        )
    }

    private func item(_ document: EBoxDocument) -> Node<HTML.ListContext> {
        let id = document.id?.uuidString.lowercased() ?? ""
        let unread = document.readAt == nil
        let endsSoon = document.expiresAt.timeIntervalSince(now) <= NoticeSchedule.warningBefore
        let sender = senders[document.senderID]?.name(in: language) ?? ""
        return .li(
            .class(unread ? "document unread" : "document"), .attribute(named: "data-id", value: id),
            .a(.class("document-link"), .href(DocumentController.path(id)),
               .span(.class("subject"), .text(document.subject)),
               .if(unread, .span(.class("badge unread-mark"), .text(texts.unread)))),
            .div(
                .class("document-facts"),
                .span(.class("sender"), .text(sender)),
                .span(.class("type"), .text(texts.typeName(document.type))),
                .span(.class("date"), .text(texts.receivedLabel + " " + BelgianTime.day(document.deliveredAt))),
                .if(document.registered, .span(.class("badge registered-mark"), .text(texts.registered))),
                .span(.class("expires"), .text(texts.deletedOnLabel + " " + BelgianTime.day(document.expiresAt)))
            ),
            .if(endsSoon, .p(.class("expiry-warning"), .text(texts.expiryWarning(BelgianTime.day(document.expiresAt)))))
        )
    }

    private func pagination(pages: Int?) -> Node<HTML.BodyContext> {
        let position = pages.map { texts.pageOf(filter.page, $0) } ?? texts.page(filter.page)
        return .nav(
            .class("pagination"), .attribute(named: "aria-label", value: position),
            .if(filter.page > 1, .a(.id("previous-page"), .href(link(page: filter.page - 1)), .text(texts.previousPage))),
            .span(.text(position)),
            .if(listing.hasMore, .a(.id("next-page"), .href(link(page: filter.page + 1)), .text(texts.nextPage)))
        )
    }

    private func link(page: Int) -> String {
        var items = [URLQueryItem(name: "page", value: String(page))]
        if filter.archived { items.append(.init(name: "view", value: "archived")) }
        if let sender = filter.senderID { items.append(.init(name: "sender", value: sender.uuidString)) }
        if let type = filter.type { items.append(.init(name: "type", value: type)) }
        if let search = filter.search { items.append(.init(name: "q", value: search)) }
        var components = URLComponents()
        components.queryItems = items
        return EBoxPart.path + "?" + (components.percentEncodedQuery ?? "")
    }
}
