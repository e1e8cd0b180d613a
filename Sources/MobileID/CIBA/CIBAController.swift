import Foundation
import Hummingbird
import Logging
import PersoCore

/// The provider's machine-facing endpoints: discovery with the CIBA metadata, the JWKS, the backchannel
/// authentication endpoint (CIBA Core §7), the token endpoint's CIBA grant (§10–11) and userinfo.
struct CIBAController: Sendable {
    let identities: Identities
    let requests: AuthenticationRequests
    let assertions: ClientAssertionCheck
    let issuerTokens: TokenIssuer
    let codes: AuthorizationCodes
    let keys: MobileIDKeys
    let notifier: PingNotifier
    let issuer: String
    let logger: Logger

    static let cibaGrant = "urn:openid:params:grant-type:ciba"
    static let supportedScopes = ["openid", "profile", "egovnrn"]
    /// The level a confirmation with the app's key and its code reaches (FAS Level450); a relying party asking for
    /// a higher one cannot be served.
    static let acr = LevelOfAssurance.level450
    static let longestBindingMessage = 40

    func register(on routes: Routes) {
        routes.get(MobileIDPath.discovery) { _, _ in discovery() }
        routes.get(MobileIDPath.jwks) { _, _ in
            await answer { JSONResponse.make(json: try await keys.current().jwks, headers: [.cacheControl: "public, max-age=300"]) }
        }
        routes.post(MobileIDPath.backchannel) { _, context in await answer { try await backchannel(context) } }
        routes.post(MobileIDPath.token) { _, context in await answer { try await token(context) } }
        routes.get(MobileIDPath.userinfo) { request, _ in await answer { try await userinfo(request) } }
    }

    /// The absolute address of one of the provider's paths, as discovery publishes it and assertions may name it.
    private func endpoint(_ path: String) -> String {
        issuer + path.dropFirst(MobileIDPath.base.count)
    }

    private func answer(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as CIBAError {
            return error.response
        } catch let error as any HTTPResponseError {
            return CIBAError(code: "invalid_request", description: "the request could not be read", status: error.status).response
        } catch {
            logger.error("mobileid provider call failed", metadata: ["error": "\(error)"])
            return CIBAError.serverError.response
        }
    }

    private func discovery() -> Response {
        JSONResponse.make(headers: [.cacheControl: "public, max-age=300"], [
            "issuer": issuer,
            "authorization_endpoint": endpoint(MobileIDPath.authorize),
            "backchannel_authentication_endpoint": endpoint(MobileIDPath.backchannel),
            "token_endpoint": endpoint(MobileIDPath.token),
            "userinfo_endpoint": endpoint(MobileIDPath.userinfo),
            "jwks_uri": endpoint(MobileIDPath.jwks),
            "backchannel_token_delivery_modes_supported": ["poll", "ping"],
            "backchannel_user_code_parameter_supported": false,
            "grant_types_supported": [Self.cibaGrant, "authorization_code"],
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "code_challenge_methods_supported": ["S256"],
            "authorization_response_iss_parameter_supported": true,
            "token_endpoint_auth_methods_supported": ["private_key_jwt"],
            "token_endpoint_auth_signing_alg_values_supported": ["ES256", "RS256", "PS256"],
            "id_token_signing_alg_values_supported": ["ES256"],
            "subject_types_supported": ["public"],
            "scopes_supported": Self.supportedScopes,
            "claims_supported": ["sub", "acr", "amr", "auth_time", "egovNRN", "given_name", "family_name", "locale"],
            "acr_values_supported": [Self.acr.acr],
        ] as [String: Any])
    }

    /// RFC 6749 §3.2: a parameter given twice is refused, not guessed at.
    private func form(_ context: PersoRequestContext) throws -> FormFields {
        guard let form = context.form else { throw CIBAError.invalidRequest("expected an application/x-www-form-urlencoded body") }
        if let repeated = form.repeatedNames.sorted().first { throw CIBAError.invalidRequest("the parameter \(repeated) is given more than once") }
        return form
    }

    private func backchannel(_ context: PersoRequestContext) async throws -> Response {
        let form = try form(context)
        let client = try await assertions.client(of: form, endpoint: endpoint(MobileIDPath.backchannel))
        guard let clientID = client.id else { throw CIBAError.invalidClient("client authentication failed") }
        let scopes = (form["scope"] ?? "").split(separator: " ").map(String.init)
        guard scopes.contains("openid") else { throw CIBAError.invalidScope("the scope must contain openid") }
        guard scopes.allSatisfy(Self.supportedScopes.contains) else { throw CIBAError.invalidScope("unknown scope") }
        // §7.1: exactly one hint; this service knows people by their phone number only.
        guard form["login_hint_token"] == nil, form["id_token_hint"] == nil else {
            throw CIBAError.invalidRequest("only login_hint (the phone number) is supported")
        }
        guard let hint = form["login_hint"], !hint.isEmpty else { throw CIBAError.invalidRequest("login_hint (the phone number) is required") }
        guard let phone = PhoneNumber(hint) else { throw CIBAError.invalidRequest("login_hint is not a phone number in E.164 form (+32…)") }
        let binding = form["binding_message"]
        if let binding {
            guard !binding.isEmpty, binding.count <= Self.longestBindingMessage,
                  binding.unicodeScalars.allSatisfy({ !$0.properties.isDefaultIgnorableCodePoint && !CharacterSet.controlCharacters.contains($0) }) else {
                throw CIBAError.invalidBindingMessage("the binding message must be 1 to \(Self.longestBindingMessage) printable characters")
            }
        }
        var expiresIn = AuthenticationRequests.defaultExpiry
        if let requested = form["requested_expiry"] {
            guard let seconds = Int(requested), (1...AuthenticationRequests.longestExpiry).contains(seconds) else {
                throw CIBAError.invalidRequest("requested_expiry must be a number of seconds from 1 to \(AuthenticationRequests.longestExpiry)")
            }
            expiresIn = seconds
        }
        if let acrValues = form["acr_values"] {
            let asked = acrValues.split(separator: " ").compactMap { LevelOfAssurance(acr: String($0)) }
            guard asked.isEmpty || asked.contains(where: { $0 <= Self.acr }) else {
                throw CIBAError.invalidRequest("the levels asked for (acr_values) are above what this service reaches (\(Self.acr.acr))")
            }
        }
        let notificationToken = form["client_notification_token"]
        if client.delivery == .ping {
            guard let notificationToken, !notificationToken.isEmpty, notificationToken.count <= 1_024 else {
                throw CIBAError.invalidRequest("client_notification_token is required in ping mode")
            }
        }
        guard let identity = try await identities.identity(phone: phone) else {
            throw CIBAError.unknownUserID("no mobile identity has this phone number")
        }
        guard identity.lockedAt == nil else { throw CIBAError.accessDenied("the app on this phone is locked after wrong codes") }
        let opened: (authReqID: String, request: AuthenticationRequest)
        do {
            opened = try await requests.open(.init(
                clientID: clientID, identity: identity, scopes: scopes, acr: Self.acr.acr, bindingMessage: binding,
                expiresIn: expiresIn, delivery: client.delivery, notificationToken: client.delivery == .ping ? notificationToken : nil
            ))
        } catch AuthenticationRequests.Refusal.quiet {
            throw CIBAError.accessDenied("too many requests were left unanswered or refused on this phone: try again later")
        }
        return JSONResponse.make([
            "auth_req_id": opened.authReqID,
            "expires_in": expiresIn,
            "interval": opened.request.interval,
        ] as [String: Any])
    }

    private func token(_ context: PersoRequestContext) async throws -> Response {
        let form = try form(context)
        let client = try await assertions.client(of: form, endpoint: endpoint(MobileIDPath.token))
        guard let grantType = form["grant_type"] else { throw CIBAError.invalidRequest("grant_type is required") }
        if grantType == "authorization_code" { return try await codeGrant(form, client: client) }
        guard grantType == Self.cibaGrant else { throw CIBAError.unsupportedGrantType("only the CIBA and authorization_code grants are supported") }
        guard let authReqID = form["auth_req_id"], !authReqID.isEmpty else { throw CIBAError.invalidRequest("auth_req_id is required") }
        guard let request = try await requests.request(authReqID: authReqID), request.clientID == client.id else {
            throw CIBAError.invalidGrant("unknown auth_req_id")
        }
        switch request.status {
        case .collected: throw CIBAError.invalidGrant("the tokens of this request were already collected")
        case .cancelled: throw CIBAError.invalidGrant("the request was cancelled")
        case .denied: throw CIBAError.deniedOnThePhone
        case .pending:
            if request.isExpired(at: requests.clock()) { throw CIBAError.expiredToken }
            guard try await requests.admitPoll(request) else { throw CIBAError.slowDown }
            throw CIBAError.authorizationPending
        case .approved:
            guard try await requests.collect(request) else { throw CIBAError.invalidGrant("the tokens of this request were already collected") }
            guard let identity = try await identities.identity(request.identityID) else { throw CIBAError.invalidGrant("unknown auth_req_id") }
            return JSONResponse.make(try await issuerTokens.tokens(for: request, identity: identity))
        }
    }

    /// OIDC Core §3.1.3: the code of the authorisation endpoint for the same tokens a CIBA request gives.
    private func codeGrant(_ form: FormFields, client: CIBAClient) async throws -> Response {
        guard let clientID = client.id, let code = form["code"], !code.isEmpty else { throw CIBAError.invalidRequest("code is required") }
        switch try await codes.redeem(code, clientID: clientID, redirectURI: form["redirect_uri"], verifier: form["code_verifier"]) {
        case .failure(.invalid(let reason)):
            throw CIBAError.invalidGrant(reason)
        case .success(let record):
            guard let request = try await requests.request(record.requestID), let identity = try await identities.identity(request.identityID) else {
                throw CIBAError.invalidGrant("unknown code")
            }
            return JSONResponse.make(try await issuerTokens.tokens(for: request, identity: identity, nonce: record.nonce))
        }
    }

    private func userinfo(_ request: Request) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer "),
              let token = try await issuerTokens.verify(accessToken: String(header.dropFirst(7))),
              let requestID = UUID(uuidString: token.rid), let collected = try await requests.request(requestID),
              let identity = try await identities.identity(collected.identityID) else {
            return CIBAError(code: "invalid_token", description: "the access token is not valid", status: .unauthorized).response
        }
        var claims: [String: Any] = ["sub": token.sub]
        let person = TokenIssuer.PersonClaims(identity, scopes: collected.scopes)
        if let nrn = person.egovNRN { claims["egovNRN"] = nrn }
        if let given = person.given_name { claims["given_name"] = given }
        if let family = person.family_name { claims["family_name"] = family }
        if let locale = person.locale { claims["locale"] = locale }
        return JSONResponse.make(claims)
    }
}
