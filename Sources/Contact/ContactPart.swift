import FluentKit
import Foundation
import Messaging
import PersoCore
import RelyingParty

/// PersoContact, the HR case desk, as one part of the product: the entry page that routes a person to a desk, asking
/// and following questions (logged in through the gateway by the relying party), the handlers' queue, and the
/// deletion of cases closed longer than the retention period. It publishes answers' documents into the eBox through
/// the eBox's API, as any sender would; it never imports the gateway or the eBox.
public struct ContactPart: Part {
    public let name = "contact"
    public let policy = RoutePolicy.applicationPages
    public static let path = "/contact"
    public static let clientID = "persocontact"
    /// The eBox message type of the documents the desk sends, and how long the eBox keeps them.
    public static let eBoxMessageType = (type: "hr_answer", days: 730)

    let relyingParty: RelyingParty
    let entry: ContactEntryController
    let cases: Cases
    let duties: Duties
    let queue: Queue
    let templates: AnswerTemplates
    let delivery: EBoxPublisher
    let mails: CaseMails
    let rules: DeskRules

    public init(database: PersoDatabase, outbox: Outbox, relyingParty: RelyingParty, publicURL: URL, rules: DeskRules, secureCookies: Bool,
                clock: @escaping @Sendable () -> Date) {
        self.relyingParty = relyingParty
        self.rules = rules
        entry = ContactEntryController(secureCookies: secureCookies)
        mails = CaseMails(deskURL: publicURL.base + Self.path)
        duties = Duties(database: database)
        let search = CaseSearch(database: database)
        cases = Cases(database: database, duties: duties, search: search, outbox: outbox, mails: mails, rules: rules, clock: clock)
        queue = Queue(database: database, search: search)
        templates = AnswerTemplates(database: database, clock: clock)
        delivery = EBoxPublisher(relyingParty: relyingParty, publicURL: publicURL.base)
    }

    public var migrations: [any Migration] { [CreateContactTables()] }

    public func register(on routes: Routes) {
        routes.claim(prefix: Self.path)
        RelyingPartyRoutes(relyingParty: relyingParty).register(on: routes)
        entry.register(on: routes)
        AskController(relyingParty: relyingParty, cases: cases).register(on: routes)
        CaseController(relyingParty: relyingParty, cases: cases).register(on: routes)
        QueueController(relyingParty: relyingParty, cases: cases, queue: queue, duties: duties).register(on: routes)
        HandlingController(relyingParty: relyingParty, cases: cases, duties: duties, templates: templates, delivery: delivery, mails: mails)
            .register(on: routes)
        TemplatesController(relyingParty: relyingParty, templates: templates).register(on: routes)
    }

    public var purgeJobs: [PurgeJob] {
        let cases = self.cases
        let retention = TimeInterval(rules.retentionDays) * 86_400
        return [PurgeJob("contact cases closed past their retention") { try await cases.purgeClosed(olderThan: retention) }]
    }
}
