import Foundation
import Hummingbird
import PersoCore
import RelyingParty

/// The eBox's home: the activation page until the person has an eBox, then the mailbox with its filters.
struct MailboxController: Sendable {
    let relyingParty: RelyingParty
    let mailboxes: Mailboxes
    let documents: Documents
    let senders: Senders

    func register(on routes: Routes) {
        routes.get(EBoxPart.path) { request, context in
            try await Visitor.handle(relyingParty, request, context) { visitor in
                let texts = EBoxTexts.texts(for: context.language)
                guard let mailbox = try await mailboxes.mailbox(of: visitor.nationalNumber) else {
                    let form = PreferencesForm(language: context.language, email: visitor.person.email ?? "")
                    return relyingParty.response(ActivationPage(form: form, texts: texts, session: context.session).page,
                                                 person: visitor.person, request: request, context: context)
                }
                let query = FormFields(encoded: request.uri.query ?? "")
                let filter = Self.filter(query)
                let notice: MailboxPage.Notice? = switch query?["done"] {
                case "activated": .activated
                case "address": .addressChanged(mailbox.email)
                default: nil
                }
                let view = MailboxPage(
                    listing: try await documents.list(in: mailbox, filter: filter), filter: filter, senders: try await senders.profiles(),
                    facets: try await documents.facets(of: mailbox), notice: notice, now: relyingParty.now, language: context.language, texts: texts
                )
                return relyingParty.response(view.page, person: visitor.person, request: request, context: context)
            }
        }
    }

    /// The filters from the address; anything unreadable is ignored rather than refused (the address is shared).
    static func filter(_ query: FormFields?) -> Documents.Filter {
        var filter = Documents.Filter()
        filter.archived = query?["view"] == "archived"
        filter.senderID = query?["sender"].flatMap(UUID.init(uuidString:))
        if let type = query?["type"], (1...64).contains(type.count) { filter.type = type }
        if let search = query?["q"]?.trimmingCharacters(in: .whitespaces), !search.isEmpty { filter.search = String(search.prefix(100)) }
        filter.page = min(max(1, query?["page"].flatMap(Int.init) ?? 1), 10_000)
        return filter
    }
}
