import FluentKit
import Foundation
import Logging
import Messaging
import PersoCore
import ServiceLifecycle
import SQLKit

/// The eBox's clockwork: daily summaries, the reminder after 15 days unread, the warning 7 days before deletion, and
/// the deletion itself. Each notice is claimed by a conditional update in the same transaction that writes it to the
/// outbox, so several instances running this at once send each notice exactly once.
struct NoticeSchedule: Sendable {
    let database: PersoDatabase
    let documents: Documents
    let mailboxes: Mailboxes
    let senders: Senders
    let outbox: Outbox
    let mails: NoticeMails
    let clock: @Sendable () -> Date
    static let reminderAfter: TimeInterval = 15 * 86_400
    static let warningBefore: TimeInterval = 7 * 86_400
    static let digestEvery: TimeInterval = 86_400
    /// Work per round is bounded; what is left waits for the next round.
    static let batch = 200

    struct Round: Equatable, Sendable {
        var digests = 0
        var reminders = 0
        var warnings = 0
        var deleted = 0
    }

    /// One round of everything that is due now.
    @discardableResult
    func run() async throws -> Round {
        var round = Round()
        round.digests = try await sendDigests()
        round.reminders = try await sendReminders()
        round.warnings = try await sendWarnings()
        round.deleted = try await deleteExpired()
        if round.digests + round.reminders + round.warnings > 0 { outbox.deliverSoon() }
        return round
    }

    /// Documents nobody was told of yet: those of people who chose a daily summary (and any left from before a
    /// person switched back to a notice per document).
    private func sendDigests() async throws -> Int {
        let now = clock()
        struct Row: Decodable { let mailbox_id: UUID }
        let due = try await database.sql.raw("""
            SELECT DISTINCT d.mailbox_id FROM ebox_documents d JOIN ebox_mailboxes m ON m.id = d.mailbox_id
            WHERE d.notice_key IS NULL
              AND (m.last_digest_at IS NULL OR m.last_digest_at <= \(bind: now.addingTimeInterval(-Self.digestEvery)))
            LIMIT \(unsafeRaw: String(Self.batch))
            """).all(decoding: Row.self)
        var sent = 0
        for row in due {
            let key = "ebox-digest-\(row.mailbox_id.uuidString)-\(Int(now.timeIntervalSince1970))"
            let done = try await database.write { db -> Bool in
                let sql = db as! any SQLDatabase
                let claimed = try await sql.update(Mailbox.schema).set("last_digest_at", to: now)
                    .where("id", .equal, row.mailbox_id)
                    .where { $0.where("last_digest_at", .is, SQLLiteral.null).orWhere("last_digest_at", .lessThanOrEqual, now.addingTimeInterval(-Self.digestEvery)) }
                    .returning("id").all()
                guard !claimed.isEmpty, let mailbox = try await Mailbox.find(row.mailbox_id, on: db) else { return false }
                let marked = try await sql.update(EBoxDocument.schema).set("notice_key", to: key)
                    .where("mailbox_id", .equal, row.mailbox_id).where("notice_key", .is, SQLLiteral.null).returning("id").all()
                guard !marked.isEmpty else { return false }
                try await outbox.enqueue(mails.digest(count: marked.count, to: mailbox), key: key, on: db)
                try await mailboxes.record(.digest, to: mailbox.email, for: mailbox.nationalNumber, key: key, on: db)
                return true
            }
            if done { sent += 1 }
        }
        return sent
    }

    private func sendReminders() async throws -> Int {
        let now = clock()
        let due = try await EBoxDocument.query(on: database.db)
            .filter(\.$readAt == nil).filter(\.$reminderKey == nil)
            .filter(\.$deliveredAt <= now.addingTimeInterval(-Self.reminderAfter)).filter(\.$expiresAt > now)
            .limit(Self.batch).all()
        return try await notify(due, column: "reminder_key", prefix: "ebox-reminder-", kind: .reminder) { document, sender, mailbox in
            mails.reminder(sender: sender.name(in: mailbox.language), type: document.type, deliveredOn: document.deliveredAt, to: mailbox)
        }
    }

    private func sendWarnings() async throws -> Int {
        let now = clock()
        let due = try await EBoxDocument.query(on: database.db)
            .filter(\.$warningKey == nil)
            .filter(\.$expiresAt <= now.addingTimeInterval(Self.warningBefore)).filter(\.$expiresAt > now)
            .limit(Self.batch).all()
        return try await notify(due, column: "warning_key", prefix: "ebox-warning-", kind: .expiryWarning) { document, sender, mailbox in
            mails.expiryWarning(sender: sender.name(in: mailbox.language), type: document.type, deletedOn: document.expiresAt, to: mailbox)
        }
    }

    private func notify(_ due: [EBoxDocument], column: String, prefix: String, kind: SentNotice.Kind,
                        mail: @escaping @Sendable (EBoxDocument, SenderProfile, Mailbox) -> EmailMessage) async throws -> Int {
        guard !due.isEmpty else { return 0 }
        let senders = try await senders.profiles()
        var sent = 0
        for document in due {
            let id = try document.requireID()
            let key = prefix + id.uuidString
            guard let sender = senders[document.senderID] else { continue }
            let done = try await database.write { db -> Bool in
                let claimed = try await (db as! any SQLDatabase).update(EBoxDocument.schema).set(column, to: key)
                    .where("id", .equal, id).where(column, .is, SQLLiteral.null).returning("id").all()
                guard !claimed.isEmpty, let mailbox = try await Mailbox.find(document.mailboxID, on: db) else { return false }
                try await outbox.enqueue(mail(document, sender, mailbox), key: key, on: db)
                try await mailboxes.record(kind, to: mailbox.email, for: mailbox.nationalNumber, key: key, on: db)
                return true
            }
            if done { sent += 1 }
        }
        return sent
    }

    /// Documents past their expiry go, with their files; contents no file refers to any more go after them.
    func deleteExpired() async throws -> Int {
        let now = clock()
        let expired = try await EBoxDocument.query(on: database.db).filter(\.$expiresAt <= now).limit(Self.batch * 5).all()
        guard !expired.isEmpty else { return 0 }
        let ids = try expired.map { try $0.requireID() }
        try await database.write { db in
            try await DocumentFile.query(on: db).filter(\.$documentID ~~ ids).delete()
            try await EBoxDocument.query(on: db).filter(\.$id ~~ ids).delete()
        }
        _ = try await documents.blobs.deleteUnreferenced()
        return expired.count
    }
}

/// Runs the schedule every few minutes beside the server.
struct NoticeScheduleService: Service {
    let schedule: NoticeSchedule
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let round = try await schedule.run()
                if round != NoticeSchedule.Round() {
                    logger.info("ebox schedule", metadata: ["digests": "\(round.digests)", "reminders": "\(round.reminders)",
                                                            "warnings": "\(round.warnings)", "deleted": "\(round.deleted)"])
                }
            } catch {
                logger.error("ebox schedule failed; retried next round", metadata: ["error": "\(String(reflecting: error))"])
            }
            do { try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) } } catch { return }
        }
    }
}
