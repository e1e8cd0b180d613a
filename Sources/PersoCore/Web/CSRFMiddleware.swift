import HTTPTypes
import Hummingbird

/// Every state-changing request from a browser must carry the session's CSRF token, in the `_csrf` form field
/// or the `X-CSRF-Token` header. Machine endpoints that authenticate otherwise (OAuth token endpoint, APIs
/// with bearer tokens) are declared exempt with their routes (`RoutePolicy.Forgery`). The form body read here is
/// handed on in `context.form`.
public struct CSRFMiddleware: RouterMiddleware {
    public typealias Context = PersoRequestContext
    let routes: RouteTable

    public static let headerName = HTTPField.Name("X-CSRF-Token")!
    public static let fieldName = "_csrf"

    public init(routes: RouteTable) {
        self.routes = routes
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var request = request
        var context = context
        let isFormPost = request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false
        if isFormPost {
            let buffer = try await request.collectBody(upTo: context.maxUploadSize)
            guard let form = FormFields(buffer: buffer) else { throw PersoError.badRequest }
            context.form = form
        }
        let safe: Set<HTTPRequest.Method> = [.get, .head, .options]
        let path = request.uri.path
        // No route matched: nothing can change, and the error middleware answers 404 or 405.
        guard let endpoint = context.endpointPath, !safe.contains(request.method),
              routes.policy(endpoint: endpoint, path: path).forgery == .tokenRequired else {
            return try await next(request, context)
        }
        guard Self.accepts(request.headers[Self.headerName] ?? context.form?[Self.fieldName], in: context.session) else {
            context.logger.notice("CSRF token missing or wrong", metadata: ["path": "\(path)"])
            throw PersoError.csrfRejected
        }
        return try await next(request, context)
    }

    /// Whether `presented` is the session's token. Only an existing session has one; a token from a form the visitor
    /// never got is refused. Upload readers call this for the `_csrf` field of a multipart body.
    public static func accepts(_ presented: String?, in session: Session) -> Bool {
        guard session.exists, let expected = session[Session.csrfKey], let presented else { return false }
        return SecureRandom.constantTimeEquals(presented, expected)
    }
}
