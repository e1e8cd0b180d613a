import Foundation
import Hummingbird
import PersoCore

/// The OpenID Connect client every PersoPoint application uses: it sends the person to the gateway with PKCE,
/// `state`, `nonce` and the required level, checks what comes back, and keeps the application's session.
/// It speaks to the gateway only over HTTP (`GatewayTransport`).
public struct RelyingParty: Sendable {
    public let settings: RelyingPartySettings
    public let provider: OpenIDProvider
    let validator: IDTokenValidator
    let clock: @Sendable () -> Date

    /// A page of the person's account area at the gateway (a FAS-style gateway keeps it beside its issuer), telling
    /// it which application to offer the way back to.
    public func gatewayAccountPage(_ path: String) -> String {
        let suffix = "/fas/oauth2"
        let base = provider.issuer.hasSuffix(suffix) ? String(provider.issuer.dropLast(suffix.count)) : provider.issuer
        return base + path + "?from=" + FormEncoding.escape(settings.clientID)
    }

    public init(settings: RelyingPartySettings, gatewayIssuer: String, transport: any GatewayTransport, clock: @escaping @Sendable () -> Date) {
        self.settings = settings
        self.clock = clock
        provider = OpenIDProvider(issuer: gatewayIssuer, transport: transport, clock: clock)
        validator = IDTokenValidator(provider: provider, clientID: settings.clientID, clock: clock)
    }

    /// The application's clock (tests move it by hand).
    public var now: Date { clock() }

    /// Each application keeps its own login in the shared session, under its client id.
    var personKey: SessionValue<SignedInPerson> { SessionValue("rp.\(settings.clientID).person") }
    var pendingKey: SessionValue<[PendingLogin]> { SessionValue("rp.\(settings.clientID).pending") }

    /// The person logged in to this application in this session, if any.
    public func person(in session: Session) -> SignedInPerson? {
        session[personKey]
    }

    // MARK: Login

    /// Only paths inside the application are returned to after login, never another site (open redirect).
    func safeReturn(_ candidate: String?) -> String {
        guard let candidate, candidate.count <= 1024, candidate == settings.path || candidate.hasPrefix(settings.path + "/") || candidate.hasPrefix(settings.path + "?"),
              !candidate.contains("//"), !candidate.contains("\\"), !candidate.hasPrefix(settings.path + "/callback"),
              !candidate.unicodeScalars.contains(where: { $0.value < 0x20 }) else { return settings.path }
        return candidate
    }

    /// Sends the person to log in again at `stepUp`'s level within its age, coming back to `returnTo` (a path inside
    /// the application, where the page keeps what was typed); a page saying why when the gateway cannot be reached.
    public func stepUp(_ stepUp: StepUp, returnTo: String, context: PersoRequestContext) async -> Response {
        do throws(LoginRefusal) {
            return try await startLogin(returnTo: returnTo, stepUp: stepUp, context: context)
        } catch {
            return RelyingPartyRoutes(relyingParty: self).failurePage(error, context: context)
        }
    }

    /// The redirect to the gateway's authorisation endpoint for a new login that comes back to `returnTo`.
    func startLogin(returnTo: String?, stepUp: StepUp? = nil, context: PersoRequestContext) async throws(LoginRefusal) -> Response {
        let metadata: ProviderMetadata
        do { metadata = try await provider.metadata() } catch let refusal as LoginRefusal { throw refusal } catch { throw .gatewayUnavailable }
        // Before the person spends a key on a login the application could not finish.
        guard clientSecret() != nil else { throw .notConfigured }
        var login = PendingLogin.make(returnTo: safeReturn(returnTo), now: clock())
        login.stepUp = stepUp
        PendingLogin.add(login, in: context.session, key: pendingKey, now: clock())
        var components = URLComponents(string: metadata.authorization_endpoint)
        components?.queryItems = [
            .init(name: "response_type", value: "code"),
            .init(name: "client_id", value: settings.clientID),
            .init(name: "redirect_uri", value: settings.redirectURI),
            .init(name: "scope", value: settings.scopes.joined(separator: " ")),
            .init(name: "state", value: login.state),
            .init(name: "nonce", value: login.nonce),
            .init(name: "code_challenge", value: login.challenge),
            .init(name: "code_challenge_method", value: "S256"),
            .init(name: "acr_values", value: max(settings.required, stepUp?.level ?? settings.required).acr),
            .init(name: "ui_locales", value: context.language.rawValue),
        ]
        if let stepUp { components?.queryItems?.append(.init(name: "max_age", value: String(stepUp.maxAge))) }
        guard let target = components?.string else { throw .gatewayUnavailable }
        return Response(status: .seeOther, headers: [.location: target])
    }

    /// Checks the gateway's answer and, when everything holds, starts the application's session under a new id.
    func finishLogin(_ parameters: [String: String], context: PersoRequestContext) async throws(LoginRefusal) -> String {
        let now = clock()
        guard let state = parameters["state"], let login = PendingLogin.take(state: state, from: context.session, key: pendingKey, now: now) else {
            throw .unknownState
        }
        // RFC 9207: the answer names who sent it, against mix-up attacks.
        if let iss = parameters["iss"], iss != provider.issuer { throw .wrongIssuer }
        if let error = parameters["error"] { throw error == "access_denied" ? .cancelled : .gatewayError }
        guard let code = parameters["code"], !code.isEmpty, code.count <= 512 else { throw .codeRejected }

        let idToken = try await exchange(code: code, verifier: login.verifier)
        let (claims, level) = try await validator.validate(idToken, nonce: login.nonce, required: max(settings.required, login.stepUp?.level ?? settings.required))
        var person = SignedInPerson(
            subject: claims.sub, givenName: claims.given_name ?? "", familyName: claims.family_name ?? "", email: claims.email, nationalNumber: claims.egovNRN,
            roles: claims.roles ?? [], level: level,
            loggedInAt: now, authenticatedAt: claims.auth_time.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            idToken: idToken, loginMark: SecureRandom.token(bytes: 9)
        )
        person.sid = claims.sid
        // A step-up's proof must be as fresh as it asked (OIDC Core §3.1.2.1: the application checks auth_time).
        if let stepUp = login.stepUp, !stepUp.isSatisfied(by: person, now: now.addingTimeInterval(-validator.allowedSkew)) {
            throw .insufficientLevel
        }
        context.session[personKey] = person
        // A new privilege: the session id changes (against fixation).
        context.session.rotate()
        return login.returnTo
    }

    /// A POST to the token endpoint, the client authenticated with its secret (Basic).
    func tokenRequest(_ url: URL, secret: String, body: String) -> GatewayRequest {
        // RFC 6749 §2.3.1: id and secret are form-encoded before being joined for Basic.
        let credentials = FormEncoding.escape(settings.clientID) + ":" + FormEncoding.escape(secret)
        return GatewayRequest(method: .post, url: url, headers: [
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
            "Authorization": "Basic " + Data(credentials.utf8).base64EncodedString(),
        ], body: Data(body.utf8))
    }

    /// Read at each use, so that a secret replaced on disk takes effect without a restart.
    func clientSecret() -> String? {
        let secret = (try? String(contentsOfFile: settings.secretFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        return secret?.isEmpty == false ? secret : nil
    }

    /// The authorisation code for tokens at the token endpoint, authenticated with the client secret (Basic).
    private func exchange(code: String, verifier: String) async throws(LoginRefusal) -> String {
        let metadata: ProviderMetadata
        do { metadata = try await provider.metadata() } catch let refusal as LoginRefusal { throw refusal } catch { throw .gatewayUnavailable }
        guard let secret = clientSecret() else { throw .notConfigured }
        guard let url = URL(string: metadata.token_endpoint) else { throw .gatewayUnavailable }
        let body = FormEncoding.encode([
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", settings.redirectURI), ("code_verifier", verifier),
        ])
        let request = tokenRequest(url, secret: secret, body: body)
        let response: GatewayResponse
        do { response = try await provider.fetch(request) } catch { throw .gatewayUnavailable }
        guard response.status == 200 else { throw response.status >= 500 ? .gatewayUnavailable : .codeRejected }
        struct Tokens: Decodable { let id_token: String? }
        guard let tokens = try? JSONDecoder().decode(Tokens.self, from: response.body), let idToken = tokens.id_token else {
            throw .codeRejected
        }
        return idToken
    }

    // MARK: Logout

    /// Forgets the person here and sends the browser to the gateway's `end_session_endpoint`, which ends the
    /// single sign-on too and comes back to the portal.
    func logout(context: PersoRequestContext) async -> Response {
        let person = self.person(in: context.session)
        context.session[personKey] = nil
        guard let person, let metadata = try? await provider.metadata(), let endpoint = metadata.end_session_endpoint,
              var components = URLComponents(string: endpoint) else {
            context.session.end()
            return Response(status: .seeOther, headers: [.location: "/"])
        }
        components.queryItems = [
            .init(name: "id_token_hint", value: person.idToken),
            .init(name: "post_logout_redirect_uri", value: settings.afterLogout),
            .init(name: "client_id", value: settings.clientID),
        ]
        return Response(status: .seeOther, headers: [.location: components.string ?? "/"])
    }
}

/// `application/x-www-form-urlencoded`, as token requests are sent.
enum FormEncoding {
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }
}
