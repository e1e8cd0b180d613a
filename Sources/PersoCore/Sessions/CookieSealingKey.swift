import FluentKit
import Foundation
import Crypto
import NIOConcurrencyHelpers
import SQLKit

/// The key that seals pre-login cookies, one for the whole deployment: it lives in the database so that every
/// instance behind the load balancer opens what another sealed. Made by whichever instance needs it first (an
/// insert that loses a race changes nothing), then read once per process.
final class CookieSealingKey: Sendable {
    private let database: PersoDatabase
    private let cached = NIOLockedValueBox<SymmetricKey?>(nil)

    init(database: PersoDatabase) {
        self.database = database
    }

    func key() async throws -> SymmetricKey {
        if let key = cached.withLockedValue({ $0 }) { return key }
        let sql = database.sql
        if try await stored(on: sql) == nil {
            let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            try await database.writeStatement { sql in try await sql.raw("""
                INSERT INTO cookie_sealing_keys (id, secret, created_at) VALUES ('pre-login', \(bind: secret), \(bind: Date()))
                ON CONFLICT (id) DO NOTHING
                """).run() }
        }
        guard let secret = try await stored(on: sql), let data = Data(base64Encoded: secret), data.count == 32 else {
            throw CookieSealingKeyMissing()
        }
        let key = SymmetricKey(data: data)
        cached.withLockedValue { $0 = key }
        return key
    }

    private func stored(on sql: any SQLDatabase) async throws -> String? {
        try await sql.raw("SELECT secret FROM cookie_sealing_keys WHERE id = 'pre-login'").first()?.decode(column: "secret", as: String.self)
    }
}

struct CookieSealingKeyMissing: Error {}

struct CreateCookieSealingKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("cookie_sealing_keys")
            .field("id", .string, .identifier(auto: false))
            .field("secret", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("cookie_sealing_keys").delete()
    }
}
