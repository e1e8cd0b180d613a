import Crypto
import Foundation
import PersoCore

/// A login sent to the gateway and not back yet: the `state` that names it, the `nonce` the ID token must carry,
/// the PKCE verifier, and the page to return to. Kept in the visitor's session, used once.
struct PendingLogin: Codable, Sendable {
    let state: String
    let nonce: String
    let verifier: String
    let returnTo: String
    let startedAt: Date
    /// Set for a step-up: the level this login must reach, and how recent the proof must be.
    var stepUp: StepUp?

    /// A login that takes longer than this at the gateway is started again.
    static let lifetime: TimeInterval = 15 * 60
    /// A few logins may be under way at once (two tabs); more only fill the session.
    static let maximum = 4

    static func make(returnTo: String, now: Date) -> PendingLogin {
        PendingLogin(state: SecureRandom.token(bytes: 24), nonce: SecureRandom.token(bytes: 24),
                     verifier: SecureRandom.token(bytes: 48), returnTo: returnTo, startedAt: now)
    }

    /// RFC 7636 S256: base64url(SHA-256(verifier)).
    var challenge: String {
        SecureRandom.base64URL(SHA256.hash(data: Array(verifier.utf8)))
    }

    static func all(in session: Session, key: SessionValue<[PendingLogin]>) -> [PendingLogin] {
        session[key] ?? []
    }

    static func store(_ logins: [PendingLogin], in session: Session, key: SessionValue<[PendingLogin]>) {
        session[key] = logins.isEmpty ? nil : logins
    }

    static func add(_ login: PendingLogin, in session: Session, key: SessionValue<[PendingLogin]>, now: Date) {
        let kept = all(in: session, key: key).filter { now.timeIntervalSince($0.startedAt) < lifetime }.suffix(maximum - 1)
        store(Array(kept) + [login], in: session, key: key)
    }

    /// Removes and returns the login this `state` names, so that the same answer can never be used twice.
    static func take(state: String, from session: Session, key: SessionValue<[PendingLogin]>, now: Date) -> PendingLogin? {
        var logins = all(in: session, key: key)
        guard let index = logins.firstIndex(where: { SecureRandom.constantTimeEquals($0.state, state) }) else { return nil }
        let login = logins.remove(at: index)
        store(logins, in: session, key: key)
        return now.timeIntervalSince(login.startedAt) < lifetime ? login : nil
    }
}
