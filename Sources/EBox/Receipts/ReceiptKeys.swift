import Crypto
import FluentKit
import Foundation
import JWTKit
import NIOConcurrencyHelpers
import PersoCore

/// The eBox's own ES256 key, which signs registered-mail receipts; its public half is published so that anyone can
/// check a receipt without asking the eBox. Kept in the database, so every instance signs with the same key.
final class ReceiptKeys: Sendable {
    static let schema = "ebox_receipt_keys"

    final class Record: Model, @unchecked Sendable {
        static let schema = ReceiptKeys.schema
        @ID(key: .id) var id: UUID?
        @Field(key: "kid") var kid: String
        @Field(key: "private_pem") var privatePEM: String
        @Field(key: "created_at") var createdAt: Date
        init() {}
    }

    struct Loaded: Sendable {
        let keys: JWTKeyCollection
        let kid: String
        let jwks: [String: [[String: String]]]
    }

    let database: PersoDatabase
    let clock: @Sendable () -> Date
    private let loaded = NIOLockedValueBox<Loaded?>(nil)

    init(database: PersoDatabase, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.clock = clock
    }

    /// Makes the key on first start. Two instances starting together may both make one; the oldest is used by all.
    func ensureKey() async throws {
        if try await Record.query(on: database.db).count() == 0 {
            let record = Record()
            record.kid = "ebox-" + SecureRandom.token(bytes: 9)
            record.privatePEM = P256.Signing.PrivateKey().pemRepresentation
            record.createdAt = clock()
            try await database.writeStatement { db in try await record.create(on: db) }
        }
    }

    func current() async throws -> Loaded {
        if let loaded = loaded.withLockedValue({ $0 }) { return loaded }
        guard let record = try await Record.query(on: database.db).sort(\.$createdAt).sort(\.$kid).first() else {
            throw PersoError.unavailable
        }
        let key = try ES256PrivateKey(pem: record.privatePEM)
        let keys = JWTKeyCollection()
        await keys.add(ecdsa: key, kid: JWKIdentifier(string: record.kid))
        // JWTKit has no JWKS export; the JWK is built from the public key's coordinates.
        var published: [[String: String]] = []
        if let parameters = key.publicKey.parameters {
            published.append(["kty": "EC", "crv": "P-256", "x": parameters.x, "y": parameters.y, "kid": record.kid, "use": "sig", "alg": "ES256"])
        }
        let value = Loaded(keys: keys, kid: record.kid, jwks: ["keys": published])
        loaded.withLockedValue { $0 = value }
        return value
    }

    func sign(_ receipt: RegisteredMailReceipt) async throws -> String {
        let current = try await current()
        var header = JWTHeader()
        header.typ = RegisteredMailReceipt.type
        return try await current.keys.sign(receipt, kid: JWKIdentifier(string: current.kid), header: header)
    }
}
