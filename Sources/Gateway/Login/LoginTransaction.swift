import Foundation
import Hummingbird
import PersoCore

/// An authorisation request waiting for the person to prove who they are. It lives in the visitor's session,
/// under its own id, so several tabs can log in to several applications at once.
public struct LoginTransaction: Codable, Sendable {
    public let id: String
    let clientID: String
    let clientName: String
    let redirectURI: String
    let state: String?
    let nonce: String?
    let scopes: [String]
    let codeChallenge: String?
    /// The level the application requires: the higher of its registered minimum and the request's `acr_values`.
    let requiredLevel: LevelOfAssurance
    /// Pre-filled username (`login_hint`).
    let loginHint: String?
    /// Set for the gateway's own pages (my activity): after login, go there instead of issuing a code.
    let returnTo: String?
    let createdAt: Date

    static let lifetime: TimeInterval = 15 * 60
    /// The client id of logins for the gateway's own pages, in the audit log.
    static let gatewayClientID = "persopoint-gateway"
    static let sessionKeyPrefix = "tx."

    /// For the gateway's own pages (my activity, my keys): log in with a key of at least `requiredLevel`, then
    /// go back to `returnTo`.
    static func forGatewayPage(returnTo: String, requiredLevel: LevelOfAssurance, now: Date) -> LoginTransaction {
        LoginTransaction(
            id: SecureRandom.token(bytes: 12), clientID: gatewayClientID, clientName: "PersoPoint",
            redirectURI: returnTo, state: nil, nonce: nil, scopes: [], codeChallenge: nil,
            requiredLevel: requiredLevel, loginHint: nil, returnTo: returnTo, createdAt: now
        )
    }

    /// Sends the person to log in for one of the gateway's own pages (my keys, my activity, my password), then back
    /// there. The chooser always shows, so the login time starts again even in a strong enough session.
    static func logIn(toReach page: String, level: LevelOfAssurance, session: Session, now: Date) -> Response {
        let transaction = forGatewayPage(returnTo: page, requiredLevel: level, now: now)
        transaction.save(in: session)
        return Response(status: .seeOther, headers: [.location: GatewayPath.chooser(transaction)])
    }

    /// Where a transaction is kept: each under its own id, so several tabs can log in at once.
    static func stored(_ id: String) -> SessionValue<LoginTransaction> {
        SessionValue(sessionKeyPrefix + id)
    }

    func save(in session: Session) {
        session[Self.stored(id)] = self
    }

    static func load(_ id: String?, from session: Session, now: Date) -> LoginTransaction? {
        guard let id, id.count <= 64, let transaction = session[stored(id)], now.timeIntervalSince(transaction.createdAt) < lifetime else { return nil }
        return transaction
    }

    /// A page of this login: its forms may end on the application's return address, which lives on another origin
    /// for every application but the built-in ones (see `ContentSecurityPolicy`).
    func page(_ response: Response) -> Response {
        guard returnTo == nil else { return response }
        var response = response
        response.allowFormRedirects(to: [redirectURI])
        return response
    }

    func finish(in session: Session) {
        session[Self.stored(id)] = nil
    }
}
