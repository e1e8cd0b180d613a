import Foundation
import HTTPTypes
import Hummingbird
import PersoCore

/// The errors of the backchannel authentication endpoint (CIBA Core §13) and of the CIBA grant at the token endpoint
/// (§11), with the OAuth ones they share, answered as JSON with the RFC's code.
struct CIBAError: Error, Sendable {
    let code: String
    let description: String
    var status: HTTPResponse.Status = .badRequest

    static func invalidRequest(_ description: String) -> Self { .init(code: "invalid_request", description: description) }
    static func invalidScope(_ description: String) -> Self { .init(code: "invalid_scope", description: description) }
    static func invalidClient(_ description: String) -> Self { .init(code: "invalid_client", description: description, status: .unauthorized) }
    static func unauthorizedClient(_ description: String) -> Self { .init(code: "unauthorized_client", description: description) }
    static func unknownUserID(_ description: String) -> Self { .init(code: "unknown_user_id", description: description) }
    static func invalidBindingMessage(_ description: String) -> Self { .init(code: "invalid_binding_message", description: description) }
    static func accessDenied(_ description: String) -> Self { .init(code: "access_denied", description: description, status: .forbidden) }
    static func unsupportedGrantType(_ description: String) -> Self { .init(code: "unsupported_grant_type", description: description) }
    static func invalidGrant(_ description: String) -> Self { .init(code: "invalid_grant", description: description) }
    static let authorizationPending = Self(code: "authorization_pending", description: "the person has not answered yet")
    static let slowDown = Self(code: "slow_down", description: "polled too often: the interval grows by 5 seconds")
    static let expiredToken = Self(code: "expired_token", description: "the authentication request expired")
    static let deniedOnThePhone = Self(code: "access_denied", description: "the person refused on the phone")
    static let serverError = Self(code: "server_error", description: "the request could not be processed", status: .internalServerError)

    var response: Response {
        var headers: HTTPFields = [.contentType: "application/json", .cacheControl: "no-store"]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"PersoPoint mobile identity\"" }
        return JSONResponse.make(status: status, headers: headers, ["error": code, "error_description": description])
    }
}
