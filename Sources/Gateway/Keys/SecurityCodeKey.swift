import FluentKit
import Foundation
import Hummingbird
import PersoCore
import Plot
import SQLKit

/// What differs between the three security-code keys: how the code reaches the person and how it is checked.
/// `SecurityCodeKey` does the rest (password first, tries, brute-force guard, audit), the same for each.
protocol SecurityCodeMethod: Sendable {
    var profile: KeyProfile { get }
    /// How the person gets this key outside a login.
    var enrolment: any KeyEnrolment { get }
    /// Why this person cannot use their key now (a token card unused for too long, no e-mail address), if so.
    func refusal(_ key: PersonKey, person: Person, texts: GatewayTexts) async throws -> String?
    /// Prepares the second step for a person who passed the password step: sends a code, picks a position.
    func open(_ challenge: CodeChallenge, key: PersonKey, person: Person, on db: any Database) async throws
    /// Called once the challenge is committed (the e-mail key wakes the outbox then).
    func opened()
    /// Checks what the person typed; the challenge is saved by the caller afterwards.
    func check(_ code: String, challenge: CodeChallenge, key: PersonKey) async throws -> CodeCheck
    /// What the code page says above the field: where to find the code.
    func instructions(_ challenge: CodeChallenge, person: Person, texts: GatewayTexts) -> Node<HTML.BodyContext>
    /// Extra forms on the code page (the e-mail key's "send again").
    func extraActions(_ transaction: LoginTransaction, context: PersoRequestContext, texts: GatewayTexts) -> Node<HTML.BodyContext>
    /// "Send again": the message to show, or nil when the method has no such action.
    func resend(_ challenge: CodeChallenge, person: Person, texts: GatewayTexts) async throws -> ResendOutcome?
}

enum CodeCheck: Sendable, Equatable {
    case accepted
    case wrong
    case expired
    /// A code that has already let someone in (a TOTP code replayed).
    case alreadyUsed
    /// This code had its tries; a new one must be asked for.
    case triesExhausted
}

enum ResendOutcome: Sendable {
    case sent(String)
    case refused(String)
}

extension SecurityCodeMethod {
    func refusal(_ key: PersonKey, person: Person, texts: GatewayTexts) async throws -> String? { nil }
    func opened() {}
    func extraActions(_ transaction: LoginTransaction, context: PersoRequestContext, texts: GatewayTexts) -> Node<HTML.BodyContext> { .empty }
    func resend(_ challenge: CodeChallenge, person: Person, texts: GatewayTexts) async throws -> ResendOutcome? { nil }
}

/// Username + password, then a security code (e-mail Level350, app Level400, token card Level300). The
/// challenge lives in the database, named from the login transaction in the session, so tries and sends
/// cannot be reset by reloading the page.
struct SecurityCodeKey: DigitalKey {
    let method: any SecurityCodeMethod
    let passwords: PasswordCheck
    let audit: AuditLog
    let guardian: BruteForceGuard
    let people: PeopleDirectory
    let personKeys: PersonKeys
    let challenges: CodeChallenges
    let clock: @Sendable () -> Date

    var profile: KeyProfile { method.profile }
    var enrolment: (any KeyEnrolment)? { method.enrolment }
    private var kind: KeyIdentifier { method.profile.identifier }

    /// The whole second step must be done within this (the e-mail code itself lives 10 minutes).
    static let stepLifetime: TimeInterval = 15 * 60

    /// The password form, or the code page again when this login already passed the password step (the person
    /// switched language or reloaded): the code sent stays the one to type.
    func begin(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> Response {
        if let (challenge, person, _) = try await pending(transaction, context: context) {
            return codePage(transaction, challenge: challenge, person: person, error: nil, notice: nil, context: context)
        }
        return PasswordForm.response(transaction, key: profile, username: transaction.loginHint ?? "", error: nil, context: context)
    }

    func submit(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> KeyOutcome {
        switch context.form?["step"] {
        case "code": try await submitCode(transaction, request: request, context: context)
        case "resend": try await resend(transaction, context: context)
        default: try await submitPassword(transaction, request: request, context: context)
        }
    }

    // MARK: Steps

    private func submitPassword(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> KeyOutcome {
        let texts = GatewayTexts.texts(for: context.language)
        let personID: UUID, username: String
        switch try await passwords.check(key: kind, transaction: transaction, request: request, context: context) {
        case .refused(let message, let typed):
            return .askAgain(PasswordForm.response(transaction, key: profile, username: typed, error: message, context: context))
        case .proven(let id, let typed):
            (personID, username) = (id, typed)
        }
        guard let person = try await people.person(personID), let key = try await personKeys.active(kind, personID: personID) else {
            return .askAgain(PasswordForm.response(transaction, key: profile, username: username, error: texts.keyNotActivated, context: context))
        }
        if let refusal = try await method.refusal(key, person: person, texts: texts) {
            return .askAgain(PasswordForm.response(transaction, key: profile, username: username, error: refusal, context: context))
        }
        let method = self.method
        let challenge = try await challenges.open(personID: personID, key: kind, lifetime: Self.stepLifetime) { challenge, db in
            try await method.open(challenge, key: key, person: person, on: db)
        }
        method.opened()
        context.session[Self.pendingChallenge(transaction)] = try challenge.requireID()
        return .askAgain(codePage(transaction, challenge: challenge, person: person, error: nil, notice: nil, context: context))
    }

    private func submitCode(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> KeyOutcome {
        let texts = GatewayTexts.texts(for: context.language)
        guard let (challenge, person, key) = try await pending(transaction, context: context) else {
            return .askAgain(PasswordForm.response(transaction, key: profile, username: "", error: texts.codeStepExpired, context: context))
        }
        let subject = BruteForceGuard.codeSubject(kind, personID: challenge.personID)
        let ip = context.clientAddress
        if let refusal = try await guardian.verdict(subject: subject, ip: ip).refusal(texts) {
            await audit.record(.loginThrottled, personID: person.id, key: kind, clientID: transaction.clientID, success: false, request: request, context: context)
            return .askAgain(codePage(transaction, challenge: challenge, person: person, error: refusal, notice: nil, context: context))
        }
        let code = String((context.form?["code"] ?? "").filter { !$0.isWhitespace }.prefix(16))
        let result = code.isEmpty ? .wrong : try await method.check(code, challenge: challenge, key: key)
        guard result == .accepted, try await challenges.use(challenge) else {
            // An expired code was not even compared: nothing was guessed, nothing is counted.
            if result != .expired {
                challenge.tries += 1
                try await challenges.save(challenge)
                try await guardian.recordFailure(subject: subject, ip: ip)
            }
            await audit.record(result == .alreadyUsed ? .codeReplay : .loginFailed, personID: person.id, key: kind, clientID: transaction.clientID,
                               success: false, request: request, context: context)
            let message = switch result {
            case .expired: texts.codeExpired
            case .alreadyUsed: texts.codeAlreadyUsed
            case .triesExhausted: texts.codeTriesExhausted
            case .wrong, .accepted: texts.codeWrong
            }
            return .askAgain(codePage(transaction, challenge: challenge, person: person, error: message, notice: nil, context: context))
        }
        try await guardian.recordSuccess(subject: subject)
        key.lastUsedAt = clock()
        try await personKeys.save(key)
        context.session[Self.pendingChallenge(transaction)] = nil
        return .proven(personID: challenge.personID)
    }

    private func resend(_ transaction: LoginTransaction, context: PersoRequestContext) async throws -> KeyOutcome {
        let texts = GatewayTexts.texts(for: context.language)
        guard let (challenge, person, _) = try await pending(transaction, context: context),
              let outcome = try await method.resend(challenge, person: person, texts: texts) else {
            return .askAgain(PasswordForm.response(transaction, key: profile, username: "", error: texts.codeStepExpired, context: context))
        }
        switch outcome {
        case .sent(let notice):
            return .askAgain(codePage(transaction, challenge: challenge, person: person, error: nil, notice: notice, context: context))
        case .refused(let error):
            return .askAgain(codePage(transaction, challenge: challenge, person: person, error: error, notice: nil, context: context))
        }
    }

    // MARK: Helpers

    /// The challenge a login transaction opened, kept in the session beside the transaction.
    static func pendingChallenge(_ transaction: LoginTransaction) -> SessionValue<UUID> {
        SessionValue(LoginTransaction.sessionKeyPrefix + transaction.id + ".challenge")
    }

    /// The challenge this transaction opened, if it is still open, with its person and key.
    private func pending(_ transaction: LoginTransaction, context: PersoRequestContext) async throws -> (CodeChallenge, Person, PersonKey)? {
        guard let id = context.session[Self.pendingChallenge(transaction)], let challenge = try await challenges.pending(id, key: kind),
              let person = try await people.person(challenge.personID),
              let key = try await personKeys.active(kind, personID: challenge.personID) else { return nil }
        return (challenge, person, key)
    }

    private func codePage(_ transaction: LoginTransaction, challenge: CodeChallenge, person: Person, error: String?, notice: String?,
                          context: PersoRequestContext) -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        let view = CodePage(transaction: transaction, key: profile, instructions: method.instructions(challenge, person: person, texts: texts),
                            extraActions: method.extraActions(transaction, context: context, texts: texts),
                            error: error, notice: notice, texts: texts, language: context.language, session: context.session)
        return Layout.response(view.page, chrome: context.chrome)
    }
}
