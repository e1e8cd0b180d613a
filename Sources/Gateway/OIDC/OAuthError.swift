import Foundation
import HTTPTypes
import Hummingbird
import PersoCore

/// An error of the OAuth 2.0 / OpenID Connect protocols, with the RFC's code (RFC 6749 §5.2, OIDC Core §3.1.2.6).
struct OAuthError: Error, Sendable {
    let code: String
    let description: String
    var status: HTTPResponse.Status = .badRequest
    /// Set when the error means a stolen credential was presented again (code replay, refresh reuse).
    var replay: AuditKind?

    static func invalidRequest(_ description: String) -> Self { .init(code: "invalid_request", description: description) }
    static func invalidClient(_ description: String) -> Self { .init(code: "invalid_client", description: description, status: .unauthorized) }
    static func invalidGrant(_ description: String) -> Self { .init(code: "invalid_grant", description: description) }
    static func unauthorizedClient(_ description: String) -> Self { .init(code: "unauthorized_client", description: description) }
    static func unsupportedGrantType(_ description: String) -> Self { .init(code: "unsupported_grant_type", description: description) }
    static func invalidScope(_ description: String) -> Self { .init(code: "invalid_scope", description: description) }
    static func invalidToken(_ description: String) -> Self { .init(code: "invalid_token", description: description, status: .unauthorized) }

    /// The JSON body the token, introspection and revocation endpoints answer with.
    var response: Response {
        var headers: HTTPFields = [.contentType: "application/json", .cacheControl: "no-store", HTTPField.Name("Pragma")!: "no-cache"]
        if status == .unauthorized {
            headers[.wwwAuthenticate] = code == "invalid_token"
                ? "Bearer error=\"invalid_token\", error_description=\"\(description)\""
                : "Basic realm=\"PersoPoint\""
        }
        return JSONResponse.make(status: status, headers: headers, ["error": code, "error_description": description])
    }
}
