import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Plot

/// Turns every error into a localised page (or JSON for clients that asked for it). Unknown errors become a
/// 500 that shows only the request id; the error itself goes to the log under that id.
public struct ErrorPageMiddleware: RouterMiddleware {
    public typealias Context = PersoRequestContext
    /// Also says which routes are protocol endpoints (OAuth's token, userinfo…): their clients are programs, which
    /// always get JSON with OAuth's error codes, whatever they accept (`RoutePolicy.Errors`).
    let routes: RouteTable
    /// Error pages without per-request details (all but 405's `Allow` and 500's request id) are rendered once.
    let cache = RenderedPageCache()

    public init(routes: RouteTable) {
        self.routes = routes
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let thrown {
            var error = Self.classify(thrown)
            // The router answers "not found" for a known path with another method; say 405 instead.
            if case .known(.notFound) = error, let allowed = routes.methods(for: request.uri.path), !allowed.contains(request.method) {
                error = .known(.methodNotAllowed(allowed: allowed))
            }
            if error.status == .internalServerError || error.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: thrown))", "path": "\(request.uri.path)"])
            }
            return response(for: error, request: request, context: context)
        }
    }

    /// Maps anything thrown to what we answer; anything unknown is a 500.
    static func classify(_ error: any Error) -> ClassifiedError {
        if let error = error as? PersoError { return .known(error) }
        // Another writer held the database beyond `write`'s retries: "try again shortly" (503), not a defect (500).
        if WriteConflict.isTransient(error) { return .known(.unavailable) }
        if let error = error as? any HTTPResponseError {
            switch error.status {
            case .badRequest: return .known(.badRequest)
            case .forbidden: return .known(.forbidden)
            case .notFound: return .known(.notFound)
            case .methodNotAllowed: return .known(.methodNotAllowed(allowed: []))
            case .contentTooLarge: return .known(.payloadTooLarge)
            case .serviceUnavailable: return .known(.unavailable)
            default: if error.status.code < 500 { return .known(.badRequest) }
            }
        }
        return .internal(error)
    }

    func response(for error: ClassifiedError, request: Request, context: Context) -> Response {
        var headers: HTTPFields = [:]
        if case .known(.methodNotAllowed(let allowed)) = error, !allowed.isEmpty {
            headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
        }
        if case .known(.unavailable) = error { headers[.retryAfter] = "1" }
        let isProtocol = routes.policy(endpoint: context.endpointPath, path: request.uri.path).errors == .json
        if isProtocol || Self.wantsJSON(request) {
            var (code, description) = Self.jsonCode(error)
            if isProtocol { code = Self.oauthCode(error) }
            var body: [String: String] = ["error": code, "error_description": description]
            if error.status == .internalServerError { body["request_id"] = context.requestID }
            headers[.contentType] = "application/json; charset=utf-8"
            headers[.cacheControl] = "no-store"
            let data = (try? JSONEncoder().encode(body)) ?? Data("{}".utf8)
            return Response(status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        let build = { ErrorPage.page(for: error, texts: context.chrome.texts, requestID: context.requestID, headers: headers) }
        switch error {
        case .known(.badRequest), .known(.forbidden), .known(.csrfRejected), .known(.notFound), .known(.payloadTooLarge):
            return cache.response(for: "error-\(error.cacheName)", chrome: context.chrome, build: build)
        default:
            return Layout.response(build(), chrome: context.chrome)
        }
    }

    private static func wantsJSON(_ request: Request) -> Bool {
        guard let accept = request.headers[.accept] else { return false }
        return accept.contains("application/json") && !accept.contains("text/html")
    }

    /// RFC 6749 §5.2's vocabulary: whatever is wrong with the request is `invalid_request`.
    private static func oauthCode(_ error: ClassifiedError) -> String {
        switch error {
        case .internal: "server_error"
        case .known(.unavailable): "temporarily_unavailable"
        case .known: "invalid_request"
        }
    }

    private static func jsonCode(_ error: ClassifiedError) -> (String, String) {
        switch error {
        case .internal: ("server_error", "The request could not be processed.")
        case .known(let known):
            switch known {
            case .badRequest: ("invalid_request", "The request is malformed.")
            case .forbidden: ("access_denied", "Access denied.")
            case .csrfRejected: ("csrf_rejected", "The form token is missing or invalid.")
            case .notFound: ("not_found", "No such resource.")
            case .methodNotAllowed: ("method_not_allowed", "Method not allowed on this resource.")
            case .payloadTooLarge: ("payload_too_large", "The request body is larger than allowed.")
            case .unavailable: ("temporarily_unavailable", "The service is temporarily unavailable.")
            case .api(_, let code, let description): (code, description)
            }
        }
    }
}

enum ClassifiedError {
    case known(PersoError)
    case `internal`(any Error)

    /// Distinguishes the cacheable pages that share a status (403 forbidden vs. 403 CSRF).
    var cacheName: String {
        if case .known(.csrfRejected) = self { return "csrf" }
        return String(status.code)
    }

    var status: HTTPResponse.Status {
        switch self {
        case .known(let error): error.status
        case .internal: .internalServerError
        }
    }
}

/// The localised error pages: what happened in plain words and the way back.
enum ErrorPage {
    static func page(for error: ClassifiedError, texts: ShellTexts, requestID: String, headers: HTTPFields) -> Page {
        let (title, body): (String, String) = switch error {
        case .internal: (texts.serverErrorTitle, texts.serverErrorBody)
        case .known(let known):
            switch known {
            case .badRequest, .api: (texts.badRequestTitle, texts.badRequestBody)
            case .forbidden: (texts.forbiddenTitle, texts.forbiddenBody)
            case .csrfRejected: (texts.forbiddenTitle, texts.csrfBody)
            case .notFound: (texts.notFoundTitle, texts.notFoundBody)
            case .methodNotAllowed: (texts.methodNotAllowedTitle, texts.methodNotAllowedBody)
            case .payloadTooLarge: (texts.tooLargeTitle, texts.tooLargeBody)
            case .unavailable: (texts.unavailableTitle, texts.serverErrorBody)
            }
        }
        let showsRequestID = error.status.code >= 500
        return Page(title: title, status: error.status, headers: headers, content: .div(
            .class("error-page"),
            .h1(.text(title)),
            .p(.text(body)),
            .if(showsRequestID, .p(.text("\(texts.requestIDLabel): "), .span(.class("request-id"), .text(requestID)))),
            .p(.a(.class("button secondary"), .href(PortalPages.home), .text(texts.backToPortal)))
        ))
    }
}
