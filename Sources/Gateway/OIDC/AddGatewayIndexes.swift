import FluentKit
import SQLKit

/// Indexes for the lookups that grow with use: a logout revokes grants by SSO session id, removing a client
/// revokes by client id, refresh tokens and codes are found by grant when a family is revoked, and the
/// "my activity" page and the purge read audit events by person and time.
struct AddGatewayIndexes: AsyncMigration {
    static let indexes = [
        ("oidc_grants_sid", "oidc_grants", "sid"),
        ("oidc_grants_client", "oidc_grants", "client_id"),
        ("oidc_refresh_tokens_grant", "oidc_refresh_tokens", "grant_id"),
        ("oidc_codes_grant", "oidc_codes", "grant_id"),
        ("audit_events_person_at", "audit_events", "person_id, at"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (name, table, columns) in Self.indexes {
            try await sql.raw("CREATE INDEX IF NOT EXISTS \(unsafeRaw: name) ON \(unsafeRaw: table) (\(unsafeRaw: columns))").run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (name, _, _) in Self.indexes {
            try await sql.raw("DROP INDEX IF EXISTS \(unsafeRaw: name)").run()
        }
    }
}
