import FluentKit
import Foundation
import Hummingbird
import PersoCore

/// The one way a login ends, whichever key proved the person: the gateway session, the weaker keys' waits and locks
/// lifted, the audit line, this browser trusted for the person's password, then back to the application with a code
/// (or to the gateway page that asked). Form keys reach it through `LoginController`; keys with routes of their own
/// (the eID's way back) call it themselves.
public struct LoginCompletion: Sendable {
    let tokens: TokenService
    let audit: AuditLog
    let guardian: BruteForceGuard
    let devices: TrustedDevices
    let keys: [KeyProfile]
    let secureCookies: Bool
    let people: PeopleDirectory
    let clock: @Sendable () -> Date

    /// `key` has proven `personID` at its level for this login.
    /// `amr`: how this login was proven when the key learns it per login (itsme: the code or the fingerprint);
    /// otherwise the key's own.
    public func succeed(personID: UUID, key: KeyProfile, amr: [String]? = nil, transaction: LoginTransaction, request: Request,
                        context: PersoRequestContext) async throws -> Response {
        let sso = SSOSession(personID: personID, level: key.level, amr: amr ?? key.amr, key: key.identifier,
                             authTime: Int(clock().timeIntervalSince1970), sid: SecureRandom.token(bytes: 16))
        sso.establish(in: context.session)
        // A login with a stronger key lifts the waits and locks of the person's weaker secrets.
        let username = try await people.username(of: personID)
        if key.level > .level200 { try await guardian.liftWeaker(than: key.level, keys: keys, username: username, personID: personID) }
        await audit.record(.login, personID: personID, key: key.identifier, clientID: transaction.clientID, success: true, request: request, context: context)
        var response = try await complete(transaction, sso: sso, context: context)
        // From now on this browser is one the person uses: their password's tries here are counted apart.
        if let username { response.setCookie(try await devices.trust(username: username, replacing: request, secure: secureCookies)) }
        return response
    }

    /// Ends the flow: a code for the application (or the gateway page that asked), the transaction forgotten.
    func complete(_ transaction: LoginTransaction, sso: SSOSession, context: PersoRequestContext) async throws -> Response {
        transaction.finish(in: context.session)
        if let returnTo = transaction.returnTo {
            return Response(status: .seeOther, headers: [.location: returnTo])
        }
        let code = try await tokens.issueCode(for: transaction, sso: sso)
        let target = ClientRedirect.url(transaction.redirectURI, [("code", code), ("state", transaction.state), ("iss", tokens.settings.issuer)])
        return Response(status: .seeOther, headers: [.location: target])
    }
}
