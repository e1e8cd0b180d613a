import FluentKit
import Foundation
import Hummingbird
import Messaging
import PersoCore
import Plot

/// A six-digit code sent to the person's e-mail address through the outbox: valid 10 minutes, single use, five
/// tries; "send again" at most once a minute and five times per login.
struct EmailCodeMethod: SecurityCodeMethod {
    let outbox: Outbox
    let people: PeopleDirectory
    let personKeys: PersonKeys
    let challenges: CodeChallenges
    let clock: @Sendable () -> Date

    static let profile = KeyProfile(identifier: .email, level: .level350, amr: ["pwd", "otp", "mfa"], group: .securityCode, order: 1) { language in
        switch language {
        case .fr: KeyNames(full: "IDENTIFICATION avec un code de sécurité envoyé par e-mail", short: "Code de sécurité par e-mail",
                           removeQuestion: "Supprimer votre clé code de sécurité par e-mail ?")
        case .nl: KeyNames(full: "AANMELDEN met beveiligingscode via e-mail", short: "Beveiligingscode per e-mail",
                           removeQuestion: "Uw sleutel met beveiligingscode per e-mail verwijderen?")
        case .de: KeyNames(full: "ANMELDEN mit Sicherheitscode per E-Mail", short: "Sicherheitscode per E-Mail",
                           removeQuestion: "Ihren Schlüssel mit Sicherheitscode per E-Mail entfernen?")
        case .en: KeyNames(full: "LOG IN with a security code sent by e-mail", short: "Security code by e-mail",
                           removeQuestion: "Remove your e-mail security-code key?")
        }
    }

    var profile: KeyProfile { Self.profile }
    var enrolment: any KeyEnrolment { EmailCodeEnrolment(people: people, personKeys: personKeys) }

    func refusal(_ key: PersonKey, person: Person, texts: GatewayTexts) async throws -> String? {
        person.email == nil ? texts.noEmailAddress : nil
    }

    static let codeLifetime: TimeInterval = 10 * 60
    static let triesPerCode = 5
    static let resendAfter: TimeInterval = 60
    static let sendsPerLogin = 5

    func open(_ challenge: CodeChallenge, key: PersonKey, person: Person, on db: any Database) async throws {
        try await send(challenge, person: person, on: db)
    }

    func opened() {
        outbox.deliverSoon()
    }

    func check(_ code: String, challenge: CodeChallenge, key: PersonKey) async throws -> CodeCheck {
        guard challenge.tries < Self.triesPerCode else { return .triesExhausted }
        guard challenge.codeExpiresAt > clock() else { return .expired }
        guard let hash = challenge.codeHash, SecureRandom.constantTimeEquals(hash, Self.hash(code, challenge: challenge)) else {
            return challenge.tries + 1 >= Self.triesPerCode ? .triesExhausted : .wrong
        }
        return .accepted
    }

    func instructions(_ challenge: CodeChallenge, person: Person, texts: GatewayTexts) -> Node<HTML.BodyContext> {
        .p(.class("step"), .text(texts.emailCodeSent(Self.masked(person.email ?? ""))))
    }

    func extraActions(_ transaction: LoginTransaction, context: PersoRequestContext, texts: GatewayTexts) -> Node<HTML.BodyContext> {
        .form(
            .id("resend-form"), .method(.post), .action(GatewayPath.key(profile.identifier)),
            .csrfField(context.session),
            .input(.type(.hidden), .name("tx"), .value(transaction.id)),
            .input(.type(.hidden), .name("step"), .value("resend")),
            .button(.id("resend"), .class("secondary"), .type(.submit), .text(texts.emailCodeResend))
        )
    }

    func resend(_ challenge: CodeChallenge, person: Person, texts: GatewayTexts) async throws -> ResendOutcome? {
        let now = clock()
        if let last = challenge.lastSentAt, now.timeIntervalSince(last) < Self.resendAfter {
            // To the nearest second, within 1…60: stored times come back from the database a hair off.
            let wait = min(Int(Self.resendAfter), max(1, Int((Self.resendAfter - now.timeIntervalSince(last)).rounded())))
            return .refused(texts.emailCodeResendTooSoon(wait))
        }
        guard challenge.sends < Self.sendsPerLogin else { return .refused(texts.emailCodeTooManySends) }
        try await challenges.save(challenge) { db in
            try await send(challenge, person: person, on: db)
        }
        outbox.deliverSoon()
        return .sent(texts.emailCodeSentAgain)
    }

    /// A new code replaces the last one (its tries start again) and its e-mail is written to the outbox in the
    /// same transaction; the idempotency key names this send of this login.
    private func send(_ challenge: CodeChallenge, person: Person, on db: any Database) async throws {
        let now = clock()
        let code = SecureRandom.digits(6)
        challenge.sends += 1
        challenge.tries = 0
        challenge.lastSentAt = now
        challenge.codeExpiresAt = now.addingTimeInterval(Self.codeLifetime)
        challenge.codeHash = Self.hash(code, challenge: challenge)
        let language = person.preferredLanguage
        let texts = SecurityCodeMail.texts(for: language)
        let email = EmailMessage(
            to: MailAddress(name: "\(person.givenName) \(person.surname)", address: person.email ?? ""),
            subject: texts.subject, text: texts.text(person.givenName, code), html: texts.html(person.givenName, code), language: language
        )
        try await outbox.enqueue(email, key: "login-code:\(challenge.id!.uuidString):\(challenge.sends)", on: db)
    }

    static func hash(_ code: String, challenge: CodeChallenge) -> String {
        SecureRandom.digest("\(challenge.id!.uuidString):\(challenge.sends):\(code)")
    }

    /// "s•••••@example.be": enough to recognise one's address, not enough to learn someone else's.
    static func masked(_ address: String) -> String {
        let parts = address.split(separator: "@", maxSplits: 1)
        guard parts.count == 2, let first = parts[0].first else { return address }
        return "\(first)\(String(repeating: "•", count: min(6, max(1, parts[0].count - 1))))@\(parts[1])"
    }
}

extension KeyIdentifier {
    static let email: KeyIdentifier = "email"
}
