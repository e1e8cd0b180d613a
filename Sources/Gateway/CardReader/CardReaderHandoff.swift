import FluentKit
import Foundation
import PersoCore
import SQLKit

/// One certificate login crossing origins. The main origin opens an *attempt* for a login transaction; the eID
/// listener (another origin, so no shared cookie) records what the card proved and hands back a *result*: random,
/// stored hashed, valid 60 s, usable once, and only together with the transaction that lives in the session of
/// the browser that began. A copied return address is worth nothing in another browser or a second time.
final class CardReaderHandoff: Model, @unchecked Sendable {
    static let schema = "eid_handoffs"

    @ID(key: .id) var id: UUID?
    @Field(key: "attempt") var attempt: String
    @Field(key: "transaction_id") var transactionID: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    /// `ok` or a `CardRefusal` raw value, once the listener has seen the card.
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "person_id") var personID: UUID?
    @OptionalField(key: "result_hash") var resultHash: String?
    @OptionalField(key: "result_expires_at") var resultExpiresAt: Date?
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    static let attemptLifetime: TimeInterval = 5 * 60
    static let resultLifetime: TimeInterval = 60
    static let accepted = "ok"
}

struct CreateCardReaderHandoffs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(CardReaderHandoff.schema)
            .id()
            .field("attempt", .string, .required)
            .field("transaction_id", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("outcome", .string)
            .field("person_id", .uuid, .references(Person.schema, "id", onDelete: .cascade))
            .field("result_hash", .string)
            .field("result_expires_at", .datetime)
            .field("used_at", .datetime)
            .unique(on: "attempt")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CardReaderHandoff.schema).delete()
    }
}

/// The hand-off's three moves, each a single conditional statement so that racing requests cannot both win.
struct CardReaderHandoffs: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    func open(transactionID: String) async throws -> String {
        let attempt = SecureRandom.token(bytes: 24)
        let handoff = CardReaderHandoff()
        handoff.attempt = attempt
        handoff.transactionID = transactionID
        handoff.createdAt = clock()
        handoff.expiresAt = clock().addingTimeInterval(CardReaderHandoff.attemptLifetime)
        try await database.writeStatement { db in try await handoff.create(on: db) }
        return attempt
    }

    /// Records the listener's verdict on an open attempt and returns the result to hand back; nil when the attempt
    /// is unknown, expired or already answered.
    func answer(attempt: String, outcome: String, personID: UUID?) async throws -> (result: String, transactionID: String)? {
        let result = SecureRandom.token(bytes: 24)
        let now = clock()
        let rows = try await database.writeStatement { sql in try await sql.raw("""
            UPDATE eid_handoffs SET outcome = \(bind: outcome), person_id = \(bind: personID),
                result_hash = \(bind: SecureRandom.digest(result)), result_expires_at = \(bind: now.addingTimeInterval(CardReaderHandoff.resultLifetime))
            WHERE attempt = \(bind: attempt) AND outcome IS NULL AND expires_at > \(bind: now) RETURNING transaction_id
            """).all() }
        guard let row = rows.first, let transactionID = try? row.decode(column: "transaction_id", as: String.self) else { return nil }
        return (result, transactionID)
    }

    /// Uses a result once, for the transaction it belongs to; nil when it is foreign, used, expired or made up.
    func redeem(attempt: String, result: String, transactionID: String) async throws -> CardReaderHandoff? {
        let claimed = try await SingleUseClaim(table: CardReaderHandoff.schema).claim(
            where: [("attempt", attempt), ("transaction_id", transactionID), ("result_hash", SecureRandom.digest(result))],
            unexpired: "result_expires_at", at: clock(), on: database.sql
        )
        guard claimed else { return nil }
        return try await CardReaderHandoff.query(on: database.db).filter(\.$attempt == attempt).first()
    }

    func purge() async throws {
        let before = clock().addingTimeInterval(-3600)
        try await database.write { db in try await CardReaderHandoff.query(on: db).filter(\.$expiresAt < before).delete() }
    }
}
