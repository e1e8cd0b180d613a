import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import PersoCore

/// The machine-facing endpoints: token (one handler per grant type), userinfo, introspection (RFC 7662) and
/// revocation (RFC 7009). Every error is the RFC's code in JSON.
struct TokenEndpoints: Sendable {
    let clients: ClientAuthentication
    let tokens: TokenService
    let audit: AuditLog
    let crossOrigin: CrossOriginAccess

    func register(on routes: Routes) {
        let base = ProviderSettings.basePath
        routes.post(base + "/access_token") { request, context in
            await crossOrigin.answer(request, await answer { try await token(request, context) })
        }
        routes.add(base + "/access_token", method: .options) { request, _ in await crossOrigin.preflight(request, methods: [.post]) }
        routes.get(base + "/userinfo") { request, context in await crossOrigin.answer(request, await userinfo(request, context)) }
        routes.post(base + "/userinfo") { request, context in await crossOrigin.answer(request, await userinfo(request, context)) }
        routes.add(base + "/userinfo", method: .options) { request, _ in await crossOrigin.preflight(request, methods: [.get, .post]) }
        routes.post(base + "/introspect") { request, context in
            await answer { try await introspect(request, context) }
        }
        // A browser application revokes its refresh token when its person logs out.
        routes.post(base + "/token/revoke") { request, context in
            await crossOrigin.answer(request, await answer { try await revoke(request, context) })
        }
        routes.add(base + "/token/revoke", method: .options) { request, _ in await crossOrigin.preflight(request, methods: [.post]) }
    }

    private func answer(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as OAuthError {
            return error.response
        } catch where WriteConflict.isTransient(error) {
            return OAuthError.temporarilyUnavailable.response
        } catch {
            return OAuthError.serverError.response
        }
    }

    /// The form body; RFC 6749 §3.2: a parameter given twice is refused, not guessed at.
    private func form(_ context: PersoRequestContext) throws -> FormFields {
        guard let form = context.form else { throw OAuthError.invalidRequest("expected an application/x-www-form-urlencoded body") }
        if let repeated = form.repeatedNames.sorted().first {
            throw OAuthError.invalidRequest("the parameter \(repeated) is given more than once")
        }
        return form
    }

    private func token(_ request: Request, _ context: PersoRequestContext) async throws -> Response {
        let form = try form(context)
        let client = try await clients.authenticate(request, form: form, endpoint: tokens.settings.tokenEndpoint)
        guard let grantType = form["grant_type"] else { throw OAuthError.invalidRequest("grant_type is required") }
        guard client.grantTypes.contains(grantType) else {
            throw ["authorization_code", "refresh_token", "client_credentials"].contains(grantType)
                ? OAuthError.unauthorizedClient("grant type not allowed for this client")
                : OAuthError.unsupportedGrantType("unsupported grant_type")
        }
        let body: TokenResponse
        do {
            switch grantType {
            case "authorization_code":
                guard let code = form["code"] else { throw OAuthError.invalidRequest("code is required") }
                body = try await tokens.exchange(code: code, client: client, redirectURI: form["redirect_uri"], verifier: form["code_verifier"])
            case "refresh_token":
                guard let refresh = form["refresh_token"] else { throw OAuthError.invalidRequest("refresh_token is required") }
                body = try await tokens.refresh(token: refresh, client: client, scope: form["scope"])
            case "client_credentials":
                guard !client.isPublic else { throw OAuthError.unauthorizedClient("public clients cannot use client_credentials") }
                body = try await tokens.clientCredentials(client: client, scope: form["scope"])
            default:
                throw OAuthError.unsupportedGrantType("unsupported grant_type")
            }
        } catch let error as OAuthError where error.replay != nil {
            await audit.record(error.replay!, personID: nil, key: nil, clientID: client.clientID, success: false, request: request, context: context)
            throw error
        }
        return JSONResponse.make(json: body.json, headers: [HTTPField.Name("Pragma")!: "no-cache"])
    }

    /// OIDC Core §5.3, with the token as RFC 6750 allows: in the `Authorization` header, or in a form body of a POST
    /// (§2.2) — in exactly one of them.
    private func userinfo(_ request: Request, _ context: PersoRequestContext) async -> Response {
        let header = request.headers[.authorization]
        let bearer = header.flatMap { AuthorizationHeader.credentials($0, scheme: "Bearer").map(String.init) }
        let inBody = request.method == .post ? context.form?["access_token"] : nil
        if bearer != nil, inBody != nil {
            return OAuthError.invalidRequest("the access token may be sent in one way only").response
        }
        if context.form?.repeatedNames.contains("access_token") == true {
            return OAuthError.invalidRequest("the parameter access_token is given more than once").response
        }
        guard let token = bearer ?? inBody, !token.isEmpty else {
            // Some other scheme (Basic) is no token either: say which scheme to use, with no error code.
            return OAuthError.bearerTokenMissing
        }
        guard let (claims, grant) = await tokens.verifyAccessToken(token), grant.scopes.contains("openid"),
              let personID = grant.personID, let identity = try? await tokens.identity(of: personID, scopes: Set(grant.scopes)) else {
            return OAuthError.invalidToken("the access token is invalid, expired or revoked").response
        }
        return JSONResponse.make(json: UserInfoResponse(sub: claims.sub, identity: identity).json)
    }

    private func introspect(_ request: Request, _ context: PersoRequestContext) async throws -> Response {
        let form = try form(context)
        let client = try await clients.authenticate(request, form: form, endpoint: tokens.settings.introspectionEndpoint)
        guard !client.isPublic else { throw OAuthError.invalidClient("public clients may not introspect") }
        guard let token = form["token"] else { throw OAuthError.invalidRequest("token is required") }
        // An access token is described to the client it was issued to, or to a resource server registered for that
        // client; to anyone else it is simply not active (RFC 7662 §4: no token scanning across clients).
        if form["token_type_hint"] != "refresh_token", let (claims, grant) = await tokens.verifyAccessToken(token),
           claims.client_id == client.clientID || (client.resourceServerFor ?? []).contains(claims.client_id) {
            return JSONResponse.make([
                "active": true, "token_type": "Bearer", "sub": claims.sub, "client_id": claims.client_id, "aud": claims.aud,
                "scope": claims.scope, "exp": claims.exp, "iat": claims.iat, "iss": claims.iss, "acr": claims.acr,
                "auth_time": grant.authTime,
            ])
        }
        // Refresh tokens are only described to the client they were issued to.
        if let (record, grant) = try await tokens.refreshToken(token), grant.clientID == client.clientID, grant.revokedAt == nil,
           record.usedAt == nil, record.expiresAt > tokens.clock() {
            return JSONResponse.make([
                "active": true, "token_type": "refresh_token", "client_id": grant.clientID, "scope": grant.scopes.joined(separator: " "),
                "sub": grant.personID?.uuidString ?? grant.clientID, "exp": Int(record.expiresAt.timeIntervalSince1970),
            ])
        }
        return JSONResponse.make(["active": false])
    }

    private func revoke(_ request: Request, _ context: PersoRequestContext) async throws -> Response {
        let form = try form(context)
        let client = try await clients.authenticate(request, form: form, endpoint: tokens.settings.revocationEndpoint)
        guard let token = form["token"] else { throw OAuthError.invalidRequest("token is required") }
        // RFC 7009 §2.2: an unknown or foreign token still answers 200, so nothing can be learnt from it.
        if let (_, grant) = try await tokens.refreshToken(token), grant.clientID == client.clientID {
            try await tokens.revoke(grantID: grant.requireID())
        } else if let (claims, grant) = await tokens.verifyAccessToken(token), claims.client_id == client.clientID {
            try await tokens.revoke(grantID: grant.requireID())
        }
        return Response(status: .ok, headers: [.cacheControl: "no-store"])
    }
}
