import FluentKit
import Foundation
import PersoCore
import Plot

/// A code from the person's token card: the login asks for one position, at random and never the one asked
/// last time, and keeps asking the same position until this login ends (reloading does not draw again).
struct TokenCardMethod: SecurityCodeMethod {
    let kind = DigitalKeyKind.token
    let database: PersoDatabase

    func open(_ challenge: CodeChallenge, key: PersonKey, person: Person, on db: any Database) async throws {
        let position = TokenCard.position(after: key.cardLastPosition)
        challenge.position = position
        key.cardLastPosition = position
        try await key.update(on: db)
    }

    func check(_ code: String, challenge: CodeChallenge, key: PersonKey) async throws -> CodeCheck {
        guard let position = challenge.position, let salt = key.cardSalt,
              let stored = try await TokenCardCode.query(on: database.db).filter(\.$key.$id == key.id!).filter(\.$position == position).first(),
              SecureRandom.constantTimeEquals(stored.codeHash, TokenCard.hash(code, position: position, salt: salt)) else { return .wrong }
        return .accepted
    }

    func instructions(_ challenge: CodeChallenge, person: Person, texts: GatewayTexts) -> Node<HTML.BodyContext> {
        .p(.class("step"), .text(texts.tokenInstructionsBefore), .strong(.id("token-position"), .text(String(challenge.position ?? 0))),
           .text(texts.tokenInstructionsAfter))
    }
}
