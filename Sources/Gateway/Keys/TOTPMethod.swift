import FluentKit
import Foundation
import PersoCore
import Plot

extension KeyIdentifier {
    static let totp: KeyIdentifier = "totp"
}

/// A code from an authenticator app (RFC 6238): one 30-second step of drift either way, and a code is never
/// accepted twice — nor any code older than the last one accepted.
struct TOTPMethod: SecurityCodeMethod {
    let people: PeopleDirectory
    let personKeys: PersonKeys
    let guardian: BruteForceGuard
    let clock: @Sendable () -> Date

    static let profile = KeyProfile(identifier: .totp, level: .level400, amr: ["pwd", "otp", "mfa"], group: .securityCode, order: 2) { language in
        switch language {
        case .fr: KeyNames(full: "IDENTIFICATION avec un code de sécurité via une application mobile", short: "Application d’authentification",
                           removeQuestion: "Supprimer votre clé application d’authentification ?")
        case .nl: KeyNames(full: "AANMELDEN met beveiligingscode via mobiele app", short: "Authenticatie-app",
                           removeQuestion: "Uw sleutel met authenticatie-app verwijderen?")
        case .de: KeyNames(full: "ANMELDEN mit Sicherheitscode über mobile App", short: "Authentifizierungs-App",
                           removeQuestion: "Ihren Schlüssel mit Authentifizierungs-App entfernen?")
        case .en: KeyNames(full: "LOG IN with a security code via a mobile app", short: "Authenticator app",
                           removeQuestion: "Remove your authenticator app key?")
        }
    }

    var profile: KeyProfile { Self.profile }
    var enrolment: any KeyEnrolment { TOTPEnrolment(people: people, personKeys: personKeys, guardian: guardian, clock: clock) }

    func open(_ challenge: CodeChallenge, key: PersonKey, person: Person, on db: any Database) async throws {}

    func check(_ code: String, challenge: CodeChallenge, key: PersonKey) async throws -> CodeCheck {
        guard let secret = key.totpSecret, let step = TOTP(secret: secret).matchingStep(for: code, at: clock()) else { return .wrong }
        return try await personKeys.advanceTOTPStep(of: key, to: step) ? .accepted : .alreadyUsed
    }

    func instructions(_ challenge: CodeChallenge, person: Person, texts: GatewayTexts) -> Node<HTML.BodyContext> {
        .p(.class("step"), .text(texts.totpInstructions))
    }
}
