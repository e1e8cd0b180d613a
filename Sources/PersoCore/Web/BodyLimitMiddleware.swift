import Hummingbird

/// Refuses a declared body over the limit before reading a byte of it; bodies without a length are limited
/// when read (`collect(upTo:)` throws 413). A route that streams uploads declares so (`RoutePolicy.Body`) and limits
/// them itself.
public struct BodyLimitMiddleware: RouterMiddleware {
    public typealias Context = PersoRequestContext
    let routes: RouteTable

    public init(routes: RouteTable) {
        self.routes = routes
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let declared = request.headers[.contentLength] {
            guard let length = Int(declared), length >= 0 else { throw PersoError.badRequest }
            guard length <= context.maxUploadSize
                || (context.endpointPath.map { routes.policy(endpoint: $0, path: request.uri.path).body == .streamedByHandler } ?? false) else {
                throw PersoError.payloadTooLarge
            }
        }
        return try await next(request, context)
    }
}
