import Foundation
import HTTPTypes
import Hummingbird
import PersoCore

/// The error codes of OAuth 2.0 (RFC 6749 §4.1.2.1, §5.2), bearer tokens (RFC 6750 §3.1) and OpenID Connect
/// (Core §3.1.2.6): the only codes the gateway answers with.
enum OAuthErrorCode: String, Sendable {
    case invalidRequest = "invalid_request"
    case invalidClient = "invalid_client"
    case invalidGrant = "invalid_grant"
    case unauthorizedClient = "unauthorized_client"
    case unsupportedGrantType = "unsupported_grant_type"
    case unsupportedResponseType = "unsupported_response_type"
    case invalidScope = "invalid_scope"
    case accessDenied = "access_denied"
    case serverError = "server_error"
    case invalidToken = "invalid_token"
    case loginRequired = "login_required"
    case interactionRequired = "interaction_required"
    case requestNotSupported = "request_not_supported"
    case temporarilyUnavailable = "temporarily_unavailable"
}

/// An error of the OAuth 2.0 / OpenID Connect protocols, answered as JSON by the machine-facing endpoints.
struct OAuthError: Error, Sendable {
    let code: OAuthErrorCode
    let description: String
    var status: HTTPResponse.Status = .badRequest
    /// Set when the error means a stolen credential was presented again (code replay, refresh reuse).
    var replay: AuditKind?

    static func invalidRequest(_ description: String) -> Self { .init(code: .invalidRequest, description: description) }
    static func invalidClient(_ description: String) -> Self { .init(code: .invalidClient, description: description, status: .unauthorized) }
    static func invalidGrant(_ description: String) -> Self { .init(code: .invalidGrant, description: description) }
    static func unauthorizedClient(_ description: String) -> Self { .init(code: .unauthorizedClient, description: description) }
    static func unsupportedGrantType(_ description: String) -> Self { .init(code: .unsupportedGrantType, description: description) }
    static func invalidScope(_ description: String) -> Self { .init(code: .invalidScope, description: description) }
    static func invalidToken(_ description: String) -> Self { .init(code: .invalidToken, description: description, status: .unauthorized) }
    static let serverError = Self(code: .serverError, description: "the request could not be processed", status: .internalServerError)
    /// Another writer held the database beyond our retries (`WriteConflict`): nothing was done, the same request may be
    /// sent again shortly — what RFC 6749 §4.1.2.1 names for the authorization endpoint, answered here as JSON.
    static let temporarilyUnavailable = Self(code: .temporarilyUnavailable, description: "the service is busy; try again shortly",
                                             status: .serviceUnavailable)

    /// The JSON body the token, userinfo, introspection and revocation endpoints answer with.
    var response: Response {
        var headers: HTTPFields = [.contentType: "application/json", .cacheControl: "no-store", HTTPField.Name("Pragma")!: "no-cache"]
        if status == .unauthorized {
            headers[.wwwAuthenticate] = code == .invalidToken
                ? "Bearer realm=\"PersoPoint\", error=\"invalid_token\", error_description=\"\(description)\""
                : "Basic realm=\"PersoPoint\""
        }
        if status == .serviceUnavailable { headers[.retryAfter] = "1" }
        return JSONResponse.make(status: status, headers: headers, ["error": code.rawValue, "error_description": description])
    }

    /// RFC 6750 §3.1: a request that carries no token at all is told which scheme to use, with no error code.
    static var bearerTokenMissing: Response {
        JSONResponse.make(status: .unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"PersoPoint\"", HTTPField.Name("Pragma")!: "no-cache"],
                          ["error_description": "an access token is required"])
    }
}
