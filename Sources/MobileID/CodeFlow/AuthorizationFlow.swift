import Foundation
import PersoCore

/// One authorisation request in progress in the visitor's session (several tabs, several flows): what the relying
/// party asked, checked once at the authorisation endpoint, and the phone request it led to.
struct AuthorizationFlow: Codable, Sendable {
    let id: String
    let clientID: String
    let clientName: String
    let redirectURI: String
    let state: String?
    let nonce: String?
    let codeChallenge: String?
    let scopes: [String]
    var requestID: UUID?
    var number: String?
    var maskedPhone: String?
    var expiresAt: Date?
    let createdAt: Date

    static func key(_ id: String) -> SessionValue<AuthorizationFlow> { SessionValue("mobileid.authorize.\(id)") }

    /// Long enough to find the phone, short enough that an abandoned tab does not linger.
    static let lifetime: TimeInterval = 15 * 60

    static func load(_ id: String?, from session: Session, now: Date) -> AuthorizationFlow? {
        guard let id, id.count <= 64, let flow = session[key(id)], now.timeIntervalSince(flow.createdAt) < lifetime else { return nil }
        return flow
    }
}
