import FluentKit
import Foundation
import Logging
import Messaging
import PersoCore
import RelyingParty
import ServiceLifecycle

/// The eBox as one part of the product: the person's mailbox at `/ebox` (logged in through the gateway by the relying
/// party, at Level300 or above, never a password alone), the senders' publish API under `/ebox/api`, the notices
/// through the outbox, and the deletion of documents past their expiry. It never imports the gateway.
public struct EBoxPart: Part {
    public let name = "ebox"
    public let policy = RoutePolicy.applicationPages
    public static let path = "/ebox"
    public static let clientID = "ebox"

    let relyingParty: RelyingParty
    public let senders: Senders
    let mailboxes: Mailboxes
    let documents: Documents
    let schedule: NoticeSchedule
    let receipts: ReceiptKeys
    let scratch: URL
    let issuer: String
    let clock: @Sendable () -> Date

    /// `scratch` holds uploads while they stream in and "download everything" archives while they are sent.
    public init(database: PersoDatabase, outbox: Outbox, relyingParty: RelyingParty, publicURL: URL, scratch: URL,
                clock: @escaping @Sendable () -> Date) {
        self.relyingParty = relyingParty
        self.scratch = scratch
        self.clock = clock
        issuer = publicURL.base + Self.path
        let mails = NoticeMails(mailboxURL: publicURL.base + Self.path)
        senders = Senders(database: database, clock: clock)
        mailboxes = Mailboxes(database: database, outbox: outbox, mails: mails, clock: clock)
        documents = Documents(database: database, blobs: BlobStore(database: database), mailboxes: mailboxes, outbox: outbox, mails: mails, clock: clock)
        schedule = NoticeSchedule(database: database, documents: documents, mailboxes: mailboxes, senders: senders, outbox: outbox, mails: mails, clock: clock)
        receipts = ReceiptKeys(database: database, clock: clock)
    }

    public var migrations: [any Migration] { [CreateEBoxTables()] }

    public func prepare() async throws {
        try await receipts.ensureKey()
    }

    public func register(on routes: Routes) {
        routes.claim(prefix: Self.path)
        routes.with(.applicationProtocol).claim(prefix: Self.path + "/api/")
        RelyingPartyRoutes(relyingParty: relyingParty).register(on: routes)
        MailboxController(relyingParty: relyingParty, mailboxes: mailboxes, documents: documents, senders: senders).register(on: routes)
        ActivationController(relyingParty: relyingParty, mailboxes: mailboxes).register(on: routes)
        DocumentController(relyingParty: relyingParty, mailboxes: mailboxes, documents: documents, senders: senders).register(on: routes)
        SettingsController(relyingParty: relyingParty, mailboxes: mailboxes).register(on: routes)
        EverythingDownload(relyingParty: relyingParty, mailboxes: mailboxes, documents: documents, directory: scratch).register(on: routes)
        PublishController(
            tokens: AccessTokenVerifier(provider: relyingParty.provider, clock: clock), senders: senders, mailboxes: mailboxes,
            documents: documents, receipts: receipts, upload: MultipartUpload(directory: scratch), issuer: issuer, clock: clock
        ).register(on: routes.with(.applicationProtocol))
    }

    public func services(logger: Logger) -> [any Service] {
        [NoticeScheduleService(schedule: schedule, interval: .seconds(300), logger: logger)]
    }

    public var purgeJobs: [PurgeJob] {
        let mailboxes = self.mailboxes
        return [PurgeJob("ebox address verifications") { try await mailboxes.purgeExpired() }]
    }

    /// What one round of the notice schedule did (for tests and the operator's command).
    public struct ScheduleRound: Sendable, Equatable {
        public let digests: Int
        public let reminders: Int
        public let warnings: Int
        public let deleted: Int
    }

    /// Runs the schedule once now: daily summaries, reminders, warnings, deletions.
    public func runSchedule() async throws -> ScheduleRound {
        let round = try await schedule.run()
        return ScheduleRound(digests: round.digests, reminders: round.reminders, warnings: round.warnings, deleted: round.deleted)
    }
}
