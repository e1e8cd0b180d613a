import FluentKit
import Foundation
import PersoCore
import Plot
import SQLKit

/// A code from an authenticator app (RFC 6238): one 30-second step of drift either way, and a code is never
/// accepted twice — nor any code older than the last one accepted.
struct TOTPMethod: SecurityCodeMethod {
    let kind = DigitalKeyKind.totp
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    func open(_ challenge: CodeChallenge, key: PersonKey, person: Person, on db: any Database) async throws {}

    func check(_ code: String, challenge: CodeChallenge, key: PersonKey) async throws -> CodeCheck {
        guard let secret = key.totpSecret, let step = TOTP(secret: secret).matchingStep(for: code, at: clock()) else { return .wrong }
        // One statement: of two logins racing with the same code, one wins.
        let rows = try await database.sql.raw("""
            UPDATE person_keys SET totp_last_step = \(bind: step)
            WHERE id = \(bind: key.id!) AND (totp_last_step IS NULL OR totp_last_step < \(bind: step)) RETURNING id
            """).all()
        return rows.isEmpty ? .alreadyUsed : .accepted
    }

    func instructions(_ challenge: CodeChallenge, person: Person, texts: GatewayTexts) -> Node<HTML.BodyContext> {
        .p(.class("step"), .text(texts.totpInstructions))
    }
}
