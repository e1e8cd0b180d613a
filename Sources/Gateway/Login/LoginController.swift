import FluentKit
import Foundation
import Hummingbird
import PersoCore
import Plot

/// The authorisation endpoint and the login flow behind it: the key chooser, each key's pages, and the way
/// back to the application with a code once a key has proven the person at the required level.
struct LoginController: Sendable {
    let keys: KeyRegistry
    let completion: LoginCompletion
    let clients: ClientAuthentication
    let audit: AuditLog
    let clock: @Sendable () -> Date

    /// `entry` takes the authorisation requests applications send people with.
    func register(on routes: Routes, entry: Routes) {
        entry.get(ProviderSettings.basePath + "/authorize") { request, context in
            try await authorize(parameters: try Self.queryParameters(request), request: request, context: context)
        }
        entry.post(ProviderSettings.basePath + "/authorize") { request, context in
            try await authorize(parameters: context.form ?? FormFields([:]), request: request, context: context)
        }
        routes.get(GatewayPath.chooser) { request, context in
            guard let transaction = transaction(request, context) else { return expiredPage(context) }
            return transaction.page(KeyChooserPage.response(transaction: transaction, keys: keys, context: context))
        }
        routes.get(GatewayPath.cancel) { request, context in
            guard let transaction = transaction(request, context) else { return expiredPage(context) }
            transaction.finish(in: context.session)
            if let returnTo = transaction.returnTo { return Response(status: .seeOther, headers: [.location: returnTo]) }
            return redirect(RedirectedError(redirectURI: transaction.redirectURI, state: transaction.state, code: .accessDenied,
                                            description: "the person cancelled the login"))
        }
        routes.get(GatewayPath.keyRoute) { request, context in
            let (key, transaction) = try keyAndTransaction(request, context)
            guard let transaction else { return expiredPage(context) }
            if let chooser = tooWeak(key, for: transaction) { return chooser }
            return transaction.page(try await key.begin(transaction, request: request, context: context))
        }
        routes.post(GatewayPath.keyRoute) { request, context in
            let (key, transaction) = try keyAndTransaction(request, context)
            guard let transaction else { return expiredPage(context) }
            if let chooser = tooWeak(key, for: transaction) { return chooser }
            // The page answering this form switches language by GET, which shows the key's current step again.
            var context = context
            context.pageAddress = GatewayPath.key(key.identifier, transaction)
            switch try await key.submit(transaction, request: request, context: context) {
            case .askAgain(let page):
                return transaction.page(page)
            case .proven(let personID):
                return try await completion.succeed(personID: personID, key: key.profile, transaction: transaction, request: request, context: context)
            }
        }
        for key in keys.keys {
            key.register(on: routes, completion: completion)
        }
    }

    // MARK: Authorisation endpoint

    private func authorize(parameters: FormFields, request: Request, context: PersoRequestContext) async throws -> Response {
        let validated: Result<AuthorizationRequest, RedirectedError>
        do {
            validated = try await AuthorizationRequest.validate(parameters, clients: clients)
        } catch is AuthorizationRequest.Untrusted {
            // Never redirect to an address we cannot vouch for (open redirect).
            return GatewayErrorPage.unknownApplication(context)
        }
        let authorization: AuthorizationRequest
        switch validated {
        case .failure(let error):
            return redirect(error)
        case .success(let request):
            authorization = request
        }

        let now = Int(clock().timeIntervalSince1970)
        let sso = SSOSession.current(in: context.session)
        // max_age: an older login must be repeated even when the session is strong enough. Login times are whole
        // seconds, so max_age=0 ("always log in again") cannot be told by arithmetic from a login in the same second.
        let freshEnough: Bool = {
            guard let maxAge = authorization.maxAge else { return true }
            guard let sso, maxAge > 0 else { return false }
            return now - sso.authTime <= maxAge
        }()
        let transaction = LoginTransaction(
            id: SecureRandom.token(bytes: 12), clientID: authorization.client.clientID, clientName: authorization.client.name,
            redirectURI: authorization.redirectURI, state: authorization.state, nonce: authorization.nonce,
            scopes: authorization.scopes, codeChallenge: authorization.codeChallenge, requiredLevel: authorization.requiredLevel,
            loginHint: authorization.loginHint, returnTo: nil, createdAt: clock()
        )
        if let sso, sso.level >= authorization.requiredLevel, !authorization.prompt.contains("login"), freshEnough {
            await audit.record(.sso, personID: sso.personID, key: sso.key, clientID: transaction.clientID, success: true, request: request, context: context)
            return try await completion.complete(transaction, sso: sso, context: context)
        }
        if authorization.prompt.contains("none") {
            let code: OAuthErrorCode = sso == nil ? .loginRequired : .interactionRequired
            return redirect(RedirectedError(redirectURI: authorization.redirectURI, state: authorization.state, code: code,
                                            description: sso == nil ? "no session at the gateway" : "a stronger or fresher login is required"))
        }
        if let sso, sso.level < authorization.requiredLevel {
            await audit.record(.stepUp, personID: sso.personID, key: sso.key, clientID: transaction.clientID, success: true, request: request, context: context)
        }
        transaction.save(in: context.session)
        let language = authorization.uiLanguage.map { "&lang=\($0.rawValue)" } ?? ""
        return Response(status: .seeOther, headers: [.location: GatewayPath.chooser(transaction) + language])
    }

    private func redirect(_ error: RedirectedError) -> Response {
        let target = ClientRedirect.url(error.redirectURI, [
            ("error", error.code.rawValue), ("error_description", error.description), ("state", error.state),
            ("iss", completion.tokens.settings.issuer),
        ])
        return Response(status: .seeOther, headers: [.location: target])
    }

    // MARK: Helpers

    private func transaction(_ request: Request, _ context: PersoRequestContext) -> LoginTransaction? {
        LoginTransaction.load(request.uri.queryParameters["tx"].map(String.init) ?? context.form?["tx"], from: context.session, now: clock())
    }

    private func keyAndTransaction(_ request: Request, _ context: PersoRequestContext) throws -> (any DigitalKey, LoginTransaction?) {
        guard let name = context.parameters.get("key"), let key = keys.key(KeyIdentifier(rawValue: name)) else {
            throw PersoError.notFound
        }
        return (key, transaction(request, context))
    }

    /// A key too weak for what the application requires is not offered; asked for directly (an old bookmark, a
    /// hand-made address), it proves nothing and sends the person back to the chooser, where it is greyed out with
    /// the reason — the login itself is still valid.
    private func tooWeak(_ key: any DigitalKey, for transaction: LoginTransaction) -> Response? {
        guard key.profile.level < transaction.requiredLevel else { return nil }
        return Response(status: .seeOther, headers: [.location: GatewayPath.chooser(transaction)])
    }

    private func expiredPage(_ context: PersoRequestContext) -> Response {
        GatewayErrorPage.loginExpired(context)
    }

    /// The query as form fields: `+` is a space and `%2B` a plus, as OAuth clients encode them.
    static func queryParameters(_ request: Request) throws -> FormFields {
        guard let fields = FormFields(encoded: request.uri.query ?? "") else { throw PersoError.badRequest }
        return fields
    }
}
