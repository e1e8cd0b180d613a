import FluentKit
import SQLKit

/// The authorisation code flow (codes, and the redirect URIs a client may be sent back to), and the phones' biometrics.
struct CreateMobileIDCodeFlow: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuthorizationCode.schema)
            .field("code_hash", .string, .identifier(auto: false))
            .field("request_id", .uuid, .required)
            .field("client_id", .string, .required)
            .field("redirect_uri", .string, .required)
            .field("nonce", .string)
            .field("code_challenge", .string)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .create()
        try await database.schema(CIBAClient.schema).field("redirect_uris", .array(of: .string)).update()
        for field in ["webauthn_credential", "webauthn_public_key", "webauthn_challenge"] {
            try await database.schema(Device.schema).field(.string(field), .string).update()
        }
        try await database.schema(Device.schema).field("webauthn_sign_count", .int).update()
    }

    func revert(on database: any Database) async throws {
        for field in ["webauthn_credential", "webauthn_public_key", "webauthn_challenge", "webauthn_sign_count"] {
            try await database.schema(Device.schema).deleteField(.string(field)).update()
        }
        try await database.schema(CIBAClient.schema).deleteField("redirect_uris").update()
        try await database.schema(AuthorizationCode.schema).delete()
    }
}
