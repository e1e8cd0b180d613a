import FluentKit
import Foundation
import PersoCore
import SQLKit

/// A text message to a mobile phone, sent from the product's short number (`PERSOPOINT_SMS_SENDER`, 8836).
public struct SMSMessage: Sendable, Equatable {
    public let to: PhoneNumber
    public let text: String
    public let language: Language

    public init(to: PhoneNumber, text: String, language: Language) {
        self.to = to
        self.text = text
        self.language = language
    }
}

extension Outbox {
    /// Writes a text message on `db` (the caller's transaction), as `enqueue(_: EmailMessage…)` does an e-mail: the same
    /// key twice keeps the first.
    @discardableResult
    public func enqueue(_ sms: SMSMessage, key: String, on db: any Database) async throws -> Bool {
        let now = clock()
        let rows = try await (db as! any SQLDatabase).raw("""
            INSERT INTO outbox_messages (id, idempotency_key, channel, recipient, subject, text_body, language, status, attempts,
                next_attempt_at, created_at)
            VALUES (\(bind: UUID()), \(bind: String(key.prefix(200))), 'sms', \(bind: sms.to.e164), '', \(bind: String(sms.text.prefix(640))),
                \(bind: sms.language.rawValue), 'pending', 0, \(bind: now), \(bind: now))
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id
            """).all()
        return !rows.isEmpty
    }
}
