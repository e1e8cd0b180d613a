import Crypto
import FluentKit
import Foundation
import Hummingbird
import PersoCore
import SQLKit

/// OWASP's device cookies: a browser in which a person has logged in gets a random token, kept hashed here and
/// bound to the person's username. A password typed in that browser for that username is counted apart from the
/// rest of the world's tries, with its own allowance, so a stranger's failures — which make the username wait and
/// finally lock it — never keep the owner out of a browser they use; failures from unknown browsers wait and lock
/// as before. A device that fails too often itself loses its trust.
struct TrustedDevices: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    static let lifetime: TimeInterval = 180 * 24 * 3600
    /// Failures a trusted browser has before its tries wait (then 30 s, doubling, as for the username).
    static let freeFailures = 10
    /// After this many failures the browser is no longer trusted: its tries count with everybody else's.
    static let withdrawAfter = 50

    struct Device: Sendable {
        let id: UUID
        /// The brute-force subject of this browser's tries for its username.
        var subject: String { "device:" + id.uuidString.lowercased() }
    }

    static func cookieName(secure: Bool) -> String { secure ? "__Host-persopoint_device" : "persopoint_device" }

    /// The browser's trust for `username`, from its cookie; nil for an unknown browser or another person's.
    func recognise(_ request: Request, username: String, secure: Bool) async throws -> Device? {
        guard let token = request.cookies[Self.cookieName(secure: secure)]?.value, token.count <= 64, !username.isEmpty else { return nil }
        guard let row = try await database.sql.raw("""
            SELECT id FROM trusted_devices
            WHERE token_hash = \(bind: SecureRandom.digest(token)) AND username = \(bind: username.lowercased()) AND expires_at > \(bind: clock())
            """).first() else { return nil }
        return Device(id: try row.decode(column: "id", as: UUID.self))
    }

    /// After a login: the cookie that makes this browser trusted for the person's username (a new token each time,
    /// so a copied cookie lives only until the owner's next login).
    func trust(username: String, replacing request: Request, secure: Bool) async throws -> Cookie {
        let name = Self.cookieName(secure: secure)
        let old = request.cookies[name].map(\.value).flatMap { $0.count <= 64 ? SecureRandom.digest($0) : nil }
        let token = SecureRandom.token(bytes: 32)
        let now = clock()
        try await database.write { db in
            let sql = db as! any SQLDatabase
            if let old { try await sql.raw("DELETE FROM trusted_devices WHERE token_hash = \(bind: old)").run() }
            try await sql.raw("""
                INSERT INTO trusted_devices (id, username, token_hash, created_at, expires_at)
                VALUES (\(bind: UUID()), \(bind: username.lowercased()), \(bind: SecureRandom.digest(token)), \(bind: now),
                        \(bind: now.addingTimeInterval(Self.lifetime)))
                """).run()
        }
        return Cookie(name: name, value: token, maxAge: Int(Self.lifetime), path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    func withdraw(_ device: Device) async throws {
        try await database.write { db in try await (db as! any SQLDatabase).raw("DELETE FROM trusted_devices WHERE id = \(bind: device.id)").run() }
    }

    func purge() async throws {
        let now = clock()
        try await database.write { db in try await (db as! any SQLDatabase).raw("DELETE FROM trusted_devices WHERE expires_at < \(bind: now)").run() }
    }
}

struct CreateTrustedDevices: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("trusted_devices")
            .id()
            .field("username", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("trusted_devices").delete()
    }
}
