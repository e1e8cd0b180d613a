import Crypto
import FluentKit
import Foundation
import JWTKit
import NIOConcurrencyHelpers
import PersoCore

/// The provider's ES256 keys: the current signer, and every key still published. Read from the database at
/// most every `cacheLifetime` (and at once on an unknown `kid`), so a rotation on one instance reaches all.
public final class SigningKeys: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date
    let cacheLifetime: TimeInterval = 30
    /// A retired key stays published this long: longer than any token it signed lives.
    static let retiredKeyLifetime: TimeInterval = 3600

    struct Loaded: Sendable {
        let collection: JWTKeyCollection
        let currentKID: String
        let current: P256.Signing.PrivateKey
        let jwks: String
        let readAt: Date
    }

    private let cache: NIOLockedValueBox<Loaded?> = .init(nil)

    public init(database: PersoDatabase, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.clock = clock
    }

    /// Makes the first key if there is none; called on start so the JWKS is never empty.
    public func ensureKey() async throws {
        if try await SigningKeyRecord.query(on: database.db).filter(\.$retiredAt == nil).count() == 0 {
            try await create()
        }
    }

    /// Retires the current key and makes a new one; the retired key stays in the JWKS for an hour.
    public func rotate() async throws -> String {
        let now = clock()
        // One transaction: an instance reading the keys meanwhile sees the old current key or the new one, never none.
        let kid = try await database.write { db in
            try await SigningKeyRecord.query(on: db).filter(\.$retiredAt == nil).set(\.$retiredAt, to: now).update()
            let kid = try await self.create()
            try await SigningKeyRecord.query(on: db).filter(\.$retiredAt < now.addingTimeInterval(-Self.retiredKeyLifetime)).delete()
            return kid
        }
        cache.withLockedValue { $0 = nil }
        return kid
    }

    @discardableResult
    private func create() async throws -> String {
        let key = P256.Signing.PrivateKey()
        let kid = "pp-" + SecureRandom.token(bytes: 9)
        let record = SigningKeyRecord(kid: kid, privatePEM: key.pemRepresentation, createdAt: clock())
        try await database.writeStatement { db in try await record.create(on: db) }
        cache.withLockedValue { $0 = nil }
        return kid
    }

    func loaded(refresh: Bool = false) async throws -> Loaded {
        let now = clock()
        if !refresh, let cached = cache.withLockedValue({ $0 }), now.timeIntervalSince(cached.readAt) < cacheLifetime, now >= cached.readAt {
            return cached
        }
        let records = try await SigningKeyRecord.query(on: database.db)
            .group(.or) { $0.filter(\.$retiredAt == nil).filter(\.$retiredAt > now.addingTimeInterval(-Self.retiredKeyLifetime)) }
            .sort(\.$createdAt, .descending)
            .all()
        guard let current = records.first(where: { $0.retiredAt == nil }) else { throw SigningKeyError.noKey }
        let collection = JWTKeyCollection()
        var jwks: [[String: String]] = []
        for record in records {
            let key = try ES256PrivateKey(pem: record.privatePEM)
            await collection.add(ecdsa: key, kid: JWKIdentifier(string: record.kid))
            // JWTKit has no JWKS export; the JWK is built from the public key's coordinates.
            guard let parameters = key.publicKey.parameters else { continue }
            jwks.append(["kty": "EC", "crv": "P-256", "x": parameters.x, "y": parameters.y, "kid": record.kid, "use": "sig", "alg": "ES256"])
        }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: ["keys": jwks], options: [.sortedKeys]), as: UTF8.self)
        let loaded = Loaded(collection: collection, currentKID: current.kid,
                            current: try P256.Signing.PrivateKey(pemRepresentation: current.privatePEM), jwks: json, readAt: now)
        cache.withLockedValue { $0 = loaded }
        return loaded
    }

    func sign(_ payload: some JWTPayload, type: String = "JWT") async throws -> String {
        let keys = try await loaded()
        var header = JWTHeader()
        header.typ = type
        return try await keys.collection.sign(payload, kid: JWKIdentifier(string: keys.currentKID), header: header)
    }

    /// The provider's own tokens, their claims already written as JSON: a JWS in compact serialisation (RFC 7515 §7.1)
    /// signed with the current key. Signing the same claims through JWTKit encoded them with JSONEncoder and waited its
    /// turn on the key collection's actor, both for every token issued (perf, bench/gateway.sh); the signature itself
    /// is swift-crypto's either way, as ES256 wants it: r ‖ s, 64 bytes (RFC 7518 §3.4).
    func sign(json claims: String, type: String = "JWT") async throws -> String {
        let keys = try await loaded()
        var header = JSONObjectWriter()
        header.add("alg", "ES256")
        header.add("kid", keys.currentKID)
        header.add("typ", type)
        let signingInput = SecureRandom.base64URL(Array(header.json.utf8)) + "." + SecureRandom.base64URL(Array(claims.utf8))
        let signature = try keys.current.signature(for: Array(signingInput.utf8))
        return signingInput + "." + SecureRandom.base64URL(signature.rawRepresentation)
    }

    /// Verifies signature and claims; an unknown `kid` re-reads the keys (another instance may have rotated).
    func verify<Payload: JWTPayload>(_ token: String, as type: Payload.Type) async throws -> Payload {
        do {
            return try await loaded().collection.verify(token, as: Payload.self)
        } catch let error as JWTError where error.errorType == .unknownKID {
            // At most one re-read a second, so tokens with made-up kids cannot turn into database load.
            let readAt = cache.withLockedValue { $0?.readAt }
            guard readAt.map({ abs(clock().timeIntervalSince($0)) >= 1 }) ?? true else { throw error }
            return try await loaded(refresh: true).collection.verify(token, as: Payload.self)
        }
    }

    public func jwksJSON() async throws -> String { try await loaded().jwks }
}

enum SigningKeyError: Error { case noKey }
