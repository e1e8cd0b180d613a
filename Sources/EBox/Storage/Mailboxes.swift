import FluentKit
import Foundation
import Messaging
import PersoCore
import SQLKit

/// People's eBoxes: activation and change of address, each proven by a 6-digit code sent to the address; the
/// notice preferences; the notices sent.
struct Mailboxes: Sendable {
    let database: PersoDatabase
    let outbox: Outbox
    let mails: NoticeMails
    let clock: @Sendable () -> Date
    /// A second code within this time is refused: a double click or an impatient person must not flood an inbox.
    static let resendInterval: TimeInterval = 60

    struct Preferences: Sendable, Equatable {
        var email: String
        var language: Language
        var format: NoticeFormat
        var frequency: NoticeFrequency
    }

    enum CodeRequest: Equatable { case sent, tooSoon }

    enum Verification: Equatable {
        case activated
        case addressChanged(String)
        case wrong(remaining: Int)
        /// Expired, or too many wrong tries: the person asks for a new code.
        case spent
        case nothingPending
    }

    /// Read with plain SQL: every publish and every page asks.
    func mailbox(of nationalNumber: String) async throws -> Mailbox? {
        guard let row = try await database.sql.select()
            .columns("id", "nrn", "email", "language", "format", "frequency", "consent_version", "activated_at", "last_digest_at")
            .from(Mailbox.schema).where("nrn", .equal, nationalNumber).first() else { return nil }
        let mailbox = Mailbox()
        mailbox.id = try row.decode(column: "id", as: UUID.self)
        mailbox.nationalNumber = try row.decode(column: "nrn", as: String.self)
        mailbox.email = try row.decode(column: "email", as: String.self)
        mailbox.language = try row.decode(column: "language", as: Language.self)
        mailbox.format = try row.decode(column: "format", as: NoticeFormat.self)
        mailbox.frequency = try row.decode(column: "frequency", as: NoticeFrequency.self)
        mailbox.consentVersion = try row.decode(column: "consent_version", as: String.self)
        mailbox.activatedAt = try row.decode(column: "activated_at", as: Date.self)
        mailbox.lastDigestAt = try row.decode(column: "last_digest_at", as: Date?.self)
        // Loaded as a stored row, so that a later `update` changes it rather than inserting a second.
        mailbox.$id.exists = true
        return mailbox
    }

    func pending(of nationalNumber: String) async throws -> AddressVerification? {
        try await AddressVerification.query(on: database.db).filter(\.$nationalNumber == nationalNumber).first()
    }

    /// Sends a code to the address; the preferences take effect when the code comes back. At most one code a minute
    /// per person, whatever the address: otherwise a person could send codes to anybody's address as fast as they
    /// click, and try five guesses on each. The verification row is written with one upsert that only replaces a
    /// row older than that minute, so two requests at once (a double click, two tabs) send one code and fail neither.
    func requestCode(for nationalNumber: String, preferences: Preferences) async throws -> CodeRequest {
        let now = clock()
        let code = SecureRandom.digits(6)
        let key = "ebox-code-" + SecureRandom.token(bytes: 12)
        let sent = try await database.write { db -> Bool in
            let written = try await (db as! any SQLDatabase).raw("""
                INSERT INTO ebox_address_verifications (id, nrn, email, language, format, frequency, code_hash, attempts, expires_at, created_at)
                VALUES (\(bind: UUID()), \(bind: nationalNumber), \(bind: preferences.email), \(bind: preferences.language.rawValue),
                    \(bind: preferences.format.rawValue), \(bind: preferences.frequency.rawValue), \(bind: Self.digest(code, nationalNumber)), 0,
                    \(bind: now.addingTimeInterval(AddressVerification.lifetime)), \(bind: now))
                ON CONFLICT (nrn) DO UPDATE SET email = excluded.email, language = excluded.language, format = excluded.format,
                    frequency = excluded.frequency, code_hash = excluded.code_hash, attempts = 0, expires_at = excluded.expires_at,
                    created_at = excluded.created_at
                WHERE ebox_address_verifications.created_at <= \(bind: now.addingTimeInterval(-Self.resendInterval))
                RETURNING nrn
                """).all()
            guard !written.isEmpty else { return false }
            try await outbox.enqueue(mails.code(code, to: preferences.email, language: preferences.language), key: key, on: db)
            try await record(.verification, to: preferences.email, for: nationalNumber, key: key, on: db)
            return true
        }
        guard sent else { return .tooSoon }
        outbox.deliverSoon()
        return .sent
    }

    /// Sends the waiting verification's code again, as a new code (the old one stops working).
    func resendCode(for nationalNumber: String) async throws -> CodeRequest? {
        guard let pending = try await pending(of: nationalNumber) else { return nil }
        return try await requestCode(for: nationalNumber, preferences: Preferences(
            email: pending.email, language: pending.language, format: pending.format, frequency: pending.frequency))
    }

    /// The code typed by the person. The right code activates the eBox (or moves it to the new address) once: of two
    /// tabs confirming at once, one does it and the other finds nothing pending.
    func verify(code: String, for nationalNumber: String) async throws -> Verification {
        let now = clock()
        guard let pending = try await pending(of: nationalNumber) else { return .nothingPending }
        let id = try pending.requireID()
        // A spent code's row stays until the next code replaces it (a minute after it was sent at the earliest) or the
        // purge removes it: deleting it here would let five more guesses start at once.
        guard pending.expiresAt > now, pending.attempts < AddressVerification.maximumAttempts else { return .spent }
        let typed = code.filter { !$0.isWhitespace }
        guard typed.count == 6, typed.allSatisfy(\.isASCII), typed.allSatisfy(\.isNumber),
              SecureRandom.constantTimeEquals(Self.digest(typed, nationalNumber), pending.codeHash) else {
            // Counted in one statement, so parallel guesses cannot share one try.
            let rows = try await database.writeStatement { sql in
                try await sql.update(AddressVerification.schema)
                    .set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
                    .where("id", .equal, id).where("attempts", .lessThan, AddressVerification.maximumAttempts)
                    .returning("attempts").all()
            }
            guard let attempts = try rows.first?.decode(column: "attempts", as: Int.self) else { return .spent }
            return attempts >= AddressVerification.maximumAttempts ? .spent : .wrong(remaining: AddressVerification.maximumAttempts - attempts)
        }
        return try await database.write { db -> Verification in
            let removed = try await (db as! any SQLDatabase).delete(from: AddressVerification.schema).where("id", .equal, id)
                .returning("id").all()
            guard !removed.isEmpty else { return .nothingPending }
            if let mailbox = try await Mailbox.query(on: db).filter(\.$nationalNumber == nationalNumber).first() {
                mailbox.email = pending.email
                mailbox.language = pending.language
                mailbox.format = pending.format
                mailbox.frequency = pending.frequency
                try await mailbox.update(on: db)
                return .addressChanged(pending.email)
            }
            let mailbox = Mailbox()
            mailbox.nationalNumber = nationalNumber
            mailbox.email = pending.email
            mailbox.language = pending.language
            mailbox.format = pending.format
            mailbox.frequency = pending.frequency
            mailbox.consentVersion = Mailbox.consentVersion
            mailbox.activatedAt = now
            try await mailbox.create(on: db)
            return .activated
        }
    }

    /// Language, format and frequency; the address changes only through a code.
    func update(_ mailbox: Mailbox, language: Language, format: NoticeFormat, frequency: NoticeFrequency) async throws {
        mailbox.language = language
        mailbox.format = format
        mailbox.frequency = frequency
        try await database.writeStatement { db in try await mailbox.update(on: db) }
    }

    struct NoticeLine: Sendable {
        let kind: SentNotice.Kind
        let address: String
        let at: Date
        let status: OutboxMessage.Status?
        let sentAt: Date?
    }

    /// The notices sent to the person, newest first, each with what became of it.
    func notices(of nationalNumber: String, limit: Int = 100) async throws -> [NoticeLine] {
        let notices = try await SentNotice.query(on: database.db).filter(\.$nationalNumber == nationalNumber)
            .sort(\.$createdAt, .descending).limit(limit).all()
        let deliveries = try await outbox.deliveries(keys: notices.map(\.outboxKey))
        return notices.map { notice in
            let delivery = deliveries[notice.outboxKey]
            return NoticeLine(kind: notice.kind, address: notice.address, at: notice.createdAt, status: delivery?.status, sentAt: delivery?.sentAt)
        }
    }

    func record(_ kind: SentNotice.Kind, to address: String, for nationalNumber: String, key: String, on db: any Database) async throws {
        try await (db as! any SQLDatabase).insert(into: SentNotice.schema)
            .columns("id", "nrn", "kind", "address", "outbox_key", "created_at")
            .values(SQLBind(UUID()), SQLBind(nationalNumber), SQLBind(kind.rawValue), SQLBind(address), SQLBind(key), SQLBind(clock()))
            .run()
    }

    /// Verifications past their lifetime.
    func purgeExpired() async throws -> Int {
        let now = clock()
        return try await database.write { db in
            let expired = AddressVerification.query(on: db).filter(\.$expiresAt < now)
            let count = try await expired.copy().count()
            try await expired.delete()
            return count
        }
    }

    static func digest(_ code: String, _ nationalNumber: String) -> String {
        SecureRandom.digest(nationalNumber + ":" + code)
    }
}
