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

    func register(on routes: RouteTable) {
        let base = ProviderSettings.basePath
        routes.post(base + "/access_token") { request, context in
            await answer { try await token(request, context) }
        }
        routes.get(base + "/userinfo") { request, _ in await userinfo(request) }
        routes.post(base + "/userinfo") { request, _ in await userinfo(request) }
        routes.post(base + "/introspect") { request, context in
            await answer { try await introspect(request, context) }
        }
        routes.post(base + "/token/revoke") { request, context in
            await answer { try await revoke(request, context) }
        }
    }

    private func answer(_ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let error as OAuthError {
            return error.response
        } catch {
            return OAuthError(code: "server_error", description: "the request could not be processed", status: .internalServerError).response
        }
    }

    private func form(_ context: PersoRequestContext) throws -> FormFields {
        guard let form = context.form else { throw OAuthError.invalidRequest("expected an application/x-www-form-urlencoded body") }
        return form
    }

    private func token(_ request: Request, _ context: PersoRequestContext) async throws -> Response {
        let form = try form(context)
        let client = try await clients.authenticate(request, form: form)
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
        return JSONResponse.make(encoding: body, headers: [HTTPField.Name("Pragma")!: "no-cache"])
    }

    private func userinfo(_ request: Request) async -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            var response = OAuthError.invalidToken("bearer token required").response
            response.headers[.wwwAuthenticate] = "Bearer realm=\"PersoPoint\""
            return response
        }
        let token = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        guard let (claims, grant) = await tokens.verifyAccessToken(token), grant.scopes.contains("openid"),
              let personID = grant.personID, let identity = try? await tokens.identity(of: personID, scopes: Set(grant.scopes)) else {
            return OAuthError.invalidToken("the access token is invalid, expired or revoked").response
        }
        return JSONResponse.make(encoding: UserInfoResponse(sub: claims.sub, identity: identity))
    }

    private func introspect(_ request: Request, _ context: PersoRequestContext) async throws -> Response {
        let form = try form(context)
        let client = try await clients.authenticate(request, form: form)
        guard !client.isPublic else { throw OAuthError.invalidClient("public clients may not introspect") }
        guard let token = form["token"] else { throw OAuthError.invalidRequest("token is required") }
        if form["token_type_hint"] != "refresh_token", let (claims, grant) = await tokens.verifyAccessToken(token) {
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
        let client = try await clients.authenticate(request, form: form)
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
