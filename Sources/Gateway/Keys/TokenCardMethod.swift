import FluentKit
import Foundation
import PersoCore
import Plot

extension KeyIdentifier {
    public static let token: KeyIdentifier = "token"
}

/// A code from the person's token card: the login asks for one position, at random and never the one asked
/// last time, and keeps asking the same position until this login ends (reloading does not draw again).
struct TokenCardMethod: SecurityCodeMethod {
    let personKeys: PersonKeys
    let policy: KeyPolicy
    let clock: @Sendable () -> Date

    static let profile = KeyProfile(identifier: .token, level: .level300, amr: ["pwd", "otp", "mfa"], group: .securityCode, order: 3) { language in
        switch language {
        case .fr: KeyNames(full: "IDENTIFICATION avec code de sécurité via token", short: "Carte token", removeQuestion: "Supprimer votre carte token ?")
        case .nl: KeyNames(full: "AANMELDEN met beveiligingscode via token", short: "Tokenkaart", removeQuestion: "Uw tokenkaart verwijderen?")
        case .de: KeyNames(full: "ANMELDEN mit Sicherheitscode über Token", short: "Token-Karte", removeQuestion: "Ihre Token-Karte entfernen?")
        case .en: KeyNames(full: "LOG IN with security code via token", short: "Token card", removeQuestion: "Remove your token card?")
        }
    }

    var profile: KeyProfile { Self.profile }
    var enrolment: any KeyEnrolment { TokenCardEnrolment(personKeys: personKeys) }

    /// A card unused for too long is switched off at its next use; a new one can be issued.
    func refusal(_ key: PersonKey, person: Person, texts: GatewayTexts) async throws -> String? {
        guard policy.isExpired(key, now: clock()) else { return nil }
        key.status = .deactivated
        try await personKeys.save(key)
        return texts.tokenCardDeactivated
    }

    func open(_ challenge: CodeChallenge, key: PersonKey, person: Person, on db: any Database) async throws {
        let position = TokenCard.position(after: key.cardLastPosition)
        challenge.position = position
        key.cardLastPosition = position
        try await personKeys.save(key, on: db)
    }

    func check(_ code: String, challenge: CodeChallenge, key: PersonKey) async throws -> CodeCheck {
        guard let position = challenge.position, let salt = key.cardSalt,
              let stored = try await personKeys.cardCodeHash(of: key, position: position),
              SecureRandom.constantTimeEquals(stored, TokenCard.hash(code, position: position, salt: salt)) else { return .wrong }
        return .accepted
    }

    func instructions(_ challenge: CodeChallenge, person: Person, texts: GatewayTexts) -> Node<HTML.BodyContext> {
        .p(.class("step"), .text(texts.tokenInstructionsBefore), .strong(.id("token-position"), .text(String(challenge.position ?? 0))),
           .text(texts.tokenInstructionsAfter))
    }
}
