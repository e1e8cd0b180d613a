import Hummingbird

/// Errors a handler throws to answer with one of the shell's localised error pages (HTML) or a JSON error
/// with a stable code (APIs). Internals never reach the person: the 500 page only shows the request id.
public enum PersoError: Error, Sendable {
    case badRequest
    case forbidden
    case csrfRejected
    case notFound
    case methodNotAllowed(allowed: [HTTPRequest.Method])
    case payloadTooLarge
    case unavailable
    /// An API error: status, RFC-style error code, and a human description (safe to show).
    case api(status: HTTPResponse.Status, code: String, description: String)

    public var status: HTTPResponse.Status {
        switch self {
        case .badRequest: .badRequest
        case .forbidden, .csrfRejected: .forbidden
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .payloadTooLarge: .contentTooLarge
        case .unavailable: .serviceUnavailable
        case .api(let status, _, _): status
        }
    }
}
