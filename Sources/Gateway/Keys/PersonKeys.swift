import FluentKit
import Foundation
import PersoCore
import SQLKit

/// The keys people hold (`person_keys`), for every key plug-in: activating or replacing one, taking it away,
/// listing them. The secrets a key keeps there (an app's seed, a card's salt) are set by that key's enrolment.
public struct PersonKeys: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    public struct State: Sendable, Encodable {
        public let kind: String
        public let status: String
        public let activatedAt: Date?
        public let lastUsedAt: Date?

        /// Dates as ISO 8601 and absent ones as null, so a script reads every field.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            let format = ISO8601DateFormatter()
            try container.encode(kind, forKey: .kind)
            try container.encode(status, forKey: .status)
            try container.encode(activatedAt.map(format.string(from:)), forKey: .activatedAt)
            try container.encode(lastUsedAt.map(format.string(from:)), forKey: .lastUsedAt)
        }

        enum CodingKeys: String, CodingKey {
            case kind, status, activatedAt, lastUsedAt
        }
    }

    /// Activates (or replaces) a key that keeps no secret of its own here; `db` inside a transaction.
    public func activate(_ identifier: KeyIdentifier, personID: UUID, on db: (any Database)? = nil) async throws {
        try await database.write(on: db) { db in _ = try await replace(identifier, personID: personID, on: db) }
    }

    /// True when the person holds this key, active.
    public func holdsActive(_ identifier: KeyIdentifier, personID: UUID) async throws -> Bool {
        try await find(identifier, personID: personID)?.status == .active
    }

    /// Notes that a key has just let its holder in ("last used" on "my keys").
    public func markUsed(_ identifier: KeyIdentifier, personID: UUID) async throws {
        let now = clock()
        try await database.write { db in
            try await PersonKey.query(on: db).filter(\.$person.$id == personID).filter(\.$kind == identifier).set(\.$lastUsedAt, to: now).update()
        }
    }

    /// Takes a key away; true if there was one.
    public func remove(_ identifier: KeyIdentifier, personID: UUID) async throws -> Bool {
        try await database.write { db -> Bool in
            guard let key = try await find(identifier, personID: personID, on: db) else { return false }
            try await key.delete(on: db)
            return true
        }
    }

    public func list(personID: UUID) async throws -> [State] {
        try await PersonKey.query(on: database.db).filter(\.$person.$id == personID).sort(\.$kind).all().map {
            State(kind: $0.kind.rawValue, status: $0.status.rawValue, activatedAt: $0.activatedAt, lastUsedAt: $0.lastUsedAt)
        }
    }

    /// The person's key of this kind, if they hold it active.
    func active(_ identifier: KeyIdentifier, personID: UUID) async throws -> PersonKey? {
        guard let key = try await find(identifier, personID: personID), key.isActive else { return nil }
        return key
    }

    func save(_ key: PersonKey, on db: (any Database)? = nil) async throws {
        try await database.write(on: db) { db in try await key.save(on: db) }
    }

    /// Records a login with a key that needs no enrolment (an eID card): the row is made at its first use. True
    /// when this was the first.
    func recordLogin(_ identifier: KeyIdentifier, personID: UUID) async throws -> Bool {
        let now = clock()
        return try await database.write { db -> Bool in
            let (key, created) = try await row(identifier, personID: personID, on: db)
            key.lastUsedAt = now
            try await key.save(on: db)
            return created
        }
    }

    /// Moves an authenticator app's last accepted step forward, in one conditional statement: of two logins racing
    /// with the same code, one wins; a code at or before the last accepted step never does.
    func advanceTOTPStep(of key: PersonKey, to step: Int64) async throws -> Bool {
        let id = try key.requireID()
        let rows = try await database.write { db in
            try await (db as! any SQLDatabase).update(PersonKey.schema).set("totp_last_step", to: step)
                .where("id", .equal, id)
                .where { $0.where("totp_last_step", .is, SQLLiteral.null).orWhere("totp_last_step", .lessThan, step) }
                .returning("id").all()
        }
        return !rows.isEmpty
    }

    /// A new token card for the person: its codes stored hashed with a fresh salt, the old card's gone.
    func replaceCard(_ card: TokenCard, personID: UUID, on db: (any Database)? = nil) async throws {
        try await database.write(on: db) { db in
            let salt = SecureRandom.bytes(16)
            let key = try await replace(.token, personID: personID, on: db) { $0.cardSalt = salt }
            let keyID = try key.requireID()
            try await TokenCardCode.query(on: db).filter(\.$key.$id == keyID).delete()
            for (index, code) in card.codes.enumerated() {
                try await TokenCardCode(keyID: keyID, position: index + 1, codeHash: TokenCard.hash(code, position: index + 1, salt: salt)).create(on: db)
            }
        }
    }

    /// The stored hash of a token card's code at this position.
    func cardCodeHash(of key: PersonKey, position: Int) async throws -> String? {
        try await TokenCardCode.query(on: database.db).filter(\.$key.$id == key.requireID()).filter(\.$position == position).first()?.codeHash
    }

    func keys(of personID: UUID) async throws -> [KeyIdentifier: PersonKey] {
        let keys = try await PersonKey.query(on: database.db).filter(\.$person.$id == personID).all()
        return Dictionary(keys.map { ($0.kind, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func find(_ identifier: KeyIdentifier, personID: UUID, on db: (any Database)? = nil) async throws -> PersonKey? {
        try await PersonKey.query(on: db ?? database.db).filter(\.$person.$id == personID).filter(\.$kind == identifier).first()
    }

    /// The person's row for this key, new or reset to a fresh active key, with `configure` applied.
    func replace(_ identifier: KeyIdentifier, personID: UUID, on db: (any Database)? = nil,
                 configure: (PersonKey) -> Void = { _ in }) async throws -> PersonKey {
        let now = clock()
        let db = db ?? database.db
        let (key, _) = try await row(identifier, personID: personID, on: db)
        key.status = .active
        key.activatedAt = now
        key.lastUsedAt = nil
        key.totpSecret = nil
        key.totpLastStep = nil
        key.cardSalt = nil
        key.cardLastPosition = nil
        configure(key)
        try await key.save(on: db)
        return key
    }

    /// The person's row for this key, made active if there is none. Insert-if-absent is one statement, so two requests
    /// at once (a double-clicked "activate", two first eID logins in two tabs) both get the row, where find-then-create
    /// would fail one of them on the unique index. True when this call made it.
    private func row(_ identifier: KeyIdentifier, personID: UUID, on db: any Database) async throws -> (key: PersonKey, created: Bool) {
        let now = clock()
        let inserted = try await (db as! any SQLDatabase).insert(into: PersonKey.schema)
            .columns("id", "person_id", "kind", "status", "created_at", "activated_at")
            .values(UUID(), personID, identifier, PersonKey.Status.active, now, now)
            .ignoringConflicts(with: ["person_id", "kind"])
            .returning("id").all()
        guard let key = try await find(identifier, personID: personID, on: db) else { throw PersoError.notFound }
        return (key, !inserted.isEmpty)
    }
}
