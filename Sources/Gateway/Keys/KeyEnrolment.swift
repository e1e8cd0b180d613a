import FluentKit
import Foundation
import PersoCore

/// Giving a person a security-code key, replacing it and taking it away: for the "my digital keys" page, the
/// CLI (`persopoint key add`) and the demo data. Replacing a key replaces its secret: the old app or card no
/// longer works.
public struct KeyEnrolment: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    /// What a new key gives the person, to be shown once.
    public enum Issued: Sendable {
        case email(address: String)
        case totp(secret: String, uri: String)
        case token(codes: [String])
    }

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

    public enum Refusal: Error, CustomStringConvertible {
        case notASecurityCodeKey(String)
        case noEmailAddress

        public var description: String {
            switch self {
            case .notASecurityCodeKey(let kind): "\(kind) is not a security-code key (email, totp or token)"
            case .noEmailAddress: "this person has no e-mail address on record"
            }
        }
    }

    public static let issuer = "PersoPoint"

    /// Activates (or replaces) a key at once. `totpSecret` and `cardCodes` are for demo data only.
    public func add(_ kind: DigitalKeyKind, personID: UUID, account: String, totpSecret: Data? = nil, cardCodes: [String]? = nil) async throws -> Issued {
        try await database.db.transaction { db in
            try await Self.add(kind, personID: personID, account: account, totpSecret: totpSecret, cardCodes: cardCodes, now: clock(), on: db)
        }
    }

    static func add(_ kind: DigitalKeyKind, personID: UUID, account: String, totpSecret: Data? = nil, cardCodes: [String]? = nil,
                    now: Date, on db: any Database) async throws -> Issued {
        switch kind {
        case .email:
            guard let email = try await Person.find(personID, on: db)?.email else { throw Refusal.noEmailAddress }
            _ = try await replace(.email, personID: personID, now: now, on: db)
            return .email(address: email)
        case .totp:
            let secret = totpSecret ?? TOTP.newSecret()
            _ = try await replace(.totp, personID: personID, now: now, on: db) { $0.totpSecret = secret }
            return .totp(secret: Base32.encode(secret), uri: TOTP(secret: secret).provisioningURI(account: account, issuer: Self.issuer))
        case .token:
            let card = cardCodes.map(TokenCard.init(codes:)) ?? TokenCard.issue()
            let salt = SecureRandom.bytes(16)
            let key = try await replace(.token, personID: personID, now: now, on: db) { $0.cardSalt = salt }
            try await TokenCardCode.query(on: db).filter(\.$key.$id == key.id!).delete()
            for (index, code) in card.codes.enumerated() {
                try await TokenCardCode(keyID: key.id!, position: index + 1, codeHash: TokenCard.hash(code, position: index + 1, salt: salt)).create(on: db)
            }
            return .token(codes: card.codes)
        case .eid, .itsme, .password:
            throw Refusal.notASecurityCodeKey(kind.rawValue)
        }
    }

    /// Activates an authenticator app after its first valid code; that code's step counts as used.
    func activateTOTP(personID: UUID, secret: Data, usedStep: Int64) async throws {
        _ = try await database.db.transaction { db in
            try await Self.replace(.totp, personID: personID, now: clock(), on: db) {
                $0.totpSecret = secret
                $0.totpLastStep = usedStep
            }
        }
    }

    /// Takes a key away; true if there was one.
    public func remove(_ kind: DigitalKeyKind, personID: UUID) async throws -> Bool {
        guard let key = try await PersonKey.query(on: database.db).filter(\.$person.$id == personID).filter(\.$kind == kind.rawValue).first() else {
            return false
        }
        try await key.delete(on: database.db)
        return true
    }

    public func list(personID: UUID) async throws -> [State] {
        try await PersonKey.query(on: database.db).filter(\.$person.$id == personID).sort(\.$kind).all().map {
            State(kind: $0.kind, status: $0.status, activatedAt: $0.activatedAt, lastUsedAt: $0.lastUsedAt)
        }
    }

    func keys(of personID: UUID) async throws -> [DigitalKeyKind: PersonKey] {
        let keys = try await PersonKey.query(on: database.db).filter(\.$person.$id == personID).all()
        return Dictionary(keys.compactMap { key in DigitalKeyKind(rawValue: key.kind).map { ($0, key) } }, uniquingKeysWith: { first, _ in first })
    }

    /// The person's row for this kind, new or reset to a fresh active key, with `configure` applied.
    private static func replace(_ kind: DigitalKeyKind, personID: UUID, now: Date, on db: any Database,
                                configure: (PersonKey) -> Void = { _ in }) async throws -> PersonKey {
        let key = try await PersonKey.query(on: db).filter(\.$person.$id == personID).filter(\.$kind == kind.rawValue).first()
            ?? PersonKey(personID: personID, kind: kind, status: .active, createdAt: now)
        key.status = PersonKey.Status.active.rawValue
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
}
