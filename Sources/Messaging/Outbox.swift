import FluentKit
import Foundation
import PersoCore
import SQLKit

/// The door every e-mail (and later every SMS) of the product goes through. Callers write the message in
/// their own transaction, then ring the bell once it is committed; the delivery worker does the rest.
public struct Outbox: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date
    let bell: DeliveryBell

    /// Messages older than this, once delivered or given up, are deleted.
    static let keptFor: TimeInterval = 30 * 86_400

    public init(database: PersoDatabase, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.clock = clock
        bell = DeliveryBell()
    }

    /// Writes an e-mail on `db` (the caller's transaction). The same key twice keeps the first message and
    /// returns false: one event, one message, however often its cause is retried.
    @discardableResult
    public func enqueue(_ email: EmailMessage, key: String, on db: any Database) async throws -> Bool {
        let now = clock()
        let attachments = email.attachments.isEmpty ? nil : String(decoding: try JSONEncoder().encode(email.attachments), as: UTF8.self)
        let rows = try await (db as! any SQLDatabase).raw("""
            INSERT INTO outbox_messages (id, idempotency_key, channel, recipient, recipient_name, subject, text_body,
                html_body, language, status, attempts, next_attempt_at, created_at, attachments)
            VALUES (\(bind: UUID()), \(bind: String(key.prefix(200))), 'email', \(bind: email.to.address), \(bind: email.to.name),
                \(bind: email.subject), \(bind: email.text), \(bind: email.html), \(bind: email.language.rawValue),
                'pending', 0, \(bind: now), \(bind: now), \(bind: attachments))
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id
            """).all()
        return !rows.isEmpty
    }

    /// Tells the worker there is something to send (after the caller's transaction committed).
    public func deliverSoon() {
        bell.ring()
    }

    /// The newest messages first, for the development mailbox.
    public func recent(limit: Int = 200) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: database.db).sort(\.$createdAt, .descending).limit(limit).all()
    }

    /// What became of the messages written under these keys (a part showing a person or a sender whether a notice
    /// went out); a key whose message was purged is absent.
    public func deliveries(keys: [String]) async throws -> [String: (status: OutboxMessage.Status, sentAt: Date?)] {
        guard !keys.isEmpty else { return [:] }
        var found: [String: (status: OutboxMessage.Status, sentAt: Date?)] = [:]
        for message in try await OutboxMessage.query(on: database.db).filter(\.$idempotencyKey ~~ keys).all() {
            found[message.idempotencyKey] = (OutboxMessage.Status(rawValue: message.status) ?? .pending, message.sentAt)
        }
        return found
    }

    /// Deletes delivered and abandoned messages past their keeping time; pending ones are never deleted.
    public func purge() async throws -> Int {
        let limit = clock().addingTimeInterval(-Self.keptFor)
        return try await database.write { db -> Int in
            let old = OutboxMessage.query(on: db).filter(\.$status != OutboxMessage.Status.pending.rawValue).filter(\.$createdAt < limit)
            let count = try await old.count()
            try await old.delete()
            return count
        }
    }
}

/// Wakes the delivery worker without waiting for its next round; rings while it is busy are kept (one is enough).
final class DeliveryBell: Sendable {
    let rings: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (rings, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    func ring() {
        continuation.yield()
    }
}
