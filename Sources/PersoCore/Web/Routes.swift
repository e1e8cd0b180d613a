import Hummingbird

/// A part's handle on the route table: adds routes with the part's policy (and middleware, for an area such as
/// the account pages), so that no list elsewhere has to repeat which paths are closed in maintenance or exempt
/// from CSRF.
public struct Routes: Sendable {
    let table: RouteTable
    public let part: String
    public let policy: RoutePolicy
    let middleware: (any MiddlewareProtocol<Request, Response, PersoRequestContext>)?

    /// The same part's routes with another policy (a page-serving part's protocol endpoints, say).
    public func with(_ policy: RoutePolicy) -> Routes {
        Routes(table: table, part: part, policy: policy, middleware: middleware)
    }

    /// The same part's routes behind a middleware that runs for them only, inside the shell's.
    public func with(middleware: some RouterMiddleware<PersoRequestContext>) -> Routes {
        Routes(table: table, part: part, policy: policy, middleware: middleware)
    }

    public func get(_ path: String, use handler: @escaping RouteTable.Handler) {
        table.add(path, method: .get, part: part, policy: policy, middleware: middleware, handler)
        table.add(path, method: .head, part: part, policy: policy, middleware: middleware, handler)
    }

    public func post(_ path: String, use handler: @escaping RouteTable.Handler) {
        table.add(path, method: .post, part: part, policy: policy, middleware: middleware, handler)
    }

    public func add(_ path: String, method: HTTPRequest.Method, _ handler: @escaping RouteTable.Handler) {
        table.add(path, method: method, part: part, policy: policy, middleware: middleware, handler)
    }

    /// Unknown paths under `prefix` get this policy too (a 404 there is closed in maintenance, or JSON).
    public func claim(prefix: String) {
        table.claim(prefix: prefix, policy: policy)
    }
}
