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

enum JSONResponse {
    static func make(status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], _ object: Any) -> Response {
        var headers = headers
        headers[.contentType] = "application/json"
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func make(encoding value: some Encodable, headers: HTTPFields = [:]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var headers = headers
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
