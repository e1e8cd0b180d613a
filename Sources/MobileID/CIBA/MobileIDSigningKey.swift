import Crypto
import FluentKit
import Foundation
import JWTKit
import NIOConcurrencyHelpers
import PersoCore

/// The service's ES256 key for ID tokens, in the database so that every instance signs with the same one and the
/// JWKS is the same everywhere.
final class MobileIDSigningKey: Model, @unchecked Sendable {
    static let schema = "mobileid_signing_keys"

    @ID(custom: "kid", generatedBy: .user) var id: String?
    @Field(key: "private_pem") var privatePEM: String
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// Loads (or makes, on first start) the signing key, and keeps it with its JWKS in memory.
struct MobileIDKeys: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date
    private let loaded = NIOLockedValueBox<Loaded?>(nil)

    struct Loaded: Sendable {
        let kid: String
        let keys: JWTKeyCollection
        let jwks: String
    }

    init(database: PersoDatabase, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.clock = clock
    }

    /// Two instances starting together may both make one; the oldest is used by all.
    func ensureKey() async throws {
        guard try await MobileIDSigningKey.query(on: database.db).count() == 0 else { return }
        let record = MobileIDSigningKey()
        record.id = "mid-" + SecureRandom.token(bytes: 9)
        record.privatePEM = P256.Signing.PrivateKey().pemRepresentation
        record.createdAt = clock()
        try await database.writeStatement { db in try await record.create(on: db) }
    }

    func current() async throws -> Loaded {
        if let loaded = loaded.withLockedValue({ $0 }) { return loaded }
        guard let record = try await MobileIDSigningKey.query(on: database.db).sort(\.$createdAt).sort(\.$id).first(),
              let kid = record.id else { throw MobileIDKeyMissing() }
        let privateKey = try P256.Signing.PrivateKey(pemRepresentation: record.privatePEM)
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: try ES256PrivateKey(pem: record.privatePEM), kid: JWKIdentifier(string: kid))
        // JWTKit has no JWKS export; the JWK is built from the public key's coordinates.
        let raw = [UInt8](privateKey.publicKey.rawRepresentation)
        let jwk: [String: String] = ["kty": "EC", "crv": "P-256", "use": "sig", "alg": "ES256", "kid": kid,
                                     "x": SecureRandom.base64URL(raw.prefix(32)), "y": SecureRandom.base64URL(raw.suffix(32))]
        let json = try JSONSerialization.data(withJSONObject: ["keys": [jwk]], options: [.sortedKeys])
        let result = Loaded(kid: kid, keys: keys, jwks: String(decoding: json, as: UTF8.self))
        loaded.withLockedValue { $0 = result }
        return result
    }
}

struct MobileIDKeyMissing: Error {}
