import Hummingbird
import NIOConcurrencyHelpers

/// Every route of the product in one place: registers it on the router with its `RoutePolicy`, and remembers both,
/// so that the shell's middleware reads each route's policy from its declaration (maintenance, CSRF, error format)
/// and a known path asked with the wrong method answers 405 with `Allow` rather than 404.
///
/// `@unchecked Sendable`: Hummingbird's `Router` is not `Sendable`; it is written only while the parts register their
/// routes, before the server starts, and the table's own state is behind a lock.
public final class RouteTable: @unchecked Sendable {
    public typealias Handler = @Sendable (Request, PersoRequestContext) async throws -> Response

    /// One registered route, as the tests and the policy lookups see it.
    public struct Entry: Sendable {
        public let path: String
        public let method: HTTPRequest.Method
        public let policy: RoutePolicy
        /// The part that declared it.
        public let part: String
        let segments: [Substring]
    }

    struct State {
        var entries: [Entry] = []
        /// By the router's own spelling of the path (`context.endpointPath`).
        var policies: [String: RoutePolicy] = [:]
        /// Policies for unknown paths under a prefix, longest first (a 404 under `/fas/oauth2/` is JSON).
        var prefixes: [(prefix: String, policy: RoutePolicy)] = []
    }

    public let router: Router<PersoRequestContext>
    private let state = NIOLockedValueBox(State())

    public init(router: Router<PersoRequestContext>) {
        self.router = router
    }

    /// Where a part declares its routes: every route added through the handle carries the policy given here.
    public func routes(of part: String, policy: RoutePolicy) -> Routes {
        Routes(table: self, part: part, policy: policy, middleware: nil)
    }

    /// The routes registered so far, in order.
    public var entries: [Entry] { state.withLockedValue { $0.entries } }

    /// The policy of the route that matched (`endpointPath`), or of the prefix an unknown path falls under; pages
    /// that stay open otherwise.
    public func policy(endpoint: String?, path: String) -> RoutePolicy {
        state.withLockedValue { state in
            if let endpoint, let policy = state.policies[endpoint] { return policy }
            return state.prefixes.first { path.hasPrefix($0.prefix) }?.policy ?? .alwaysOpenPages
        }
    }

    /// The methods registered for a path, matching `:parameters` and `*` as the router does; nil when unknown.
    public func methods(for path: String) -> [HTTPRequest.Method]? {
        let asked = Self.segments(path)
        let methods = state.withLockedValue { state in
            state.entries.filter { Self.matches(pattern: $0.segments, path: asked) }.map(\.method)
        }
        return methods.isEmpty ? nil : methods
    }

    func add(_ path: String, method: HTTPRequest.Method, part: String, policy: RoutePolicy,
             middleware: (any MiddlewareProtocol<Request, Response, PersoRequestContext>)?, _ handler: @escaping Handler) {
        let routerPath = RouterPath(path)
        if let middleware {
            router.group().add(middleware: middleware).on(routerPath, method: method, use: handler)
        } else {
            router.on(routerPath, method: method, use: handler)
        }
        state.withLockedValue { state in
            if let declared = state.policies[routerPath.description] {
                precondition(declared == policy, "\(path) is declared twice with different policies")
            }
            state.policies[routerPath.description] = policy
            state.entries.append(Entry(path: path, method: method, policy: policy, part: part, segments: Self.segments(path)))
        }
    }

    func claim(prefix: String, policy: RoutePolicy) {
        state.withLockedValue { state in
            state.prefixes.append((prefix, policy))
            state.prefixes.sort { $0.prefix.count > $1.prefix.count }
        }
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func matches(pattern: [Substring], path: [Substring]) -> Bool {
        if pattern.last == "**" { return path.count >= pattern.count - 1 && zip(pattern.dropLast(), path).allSatisfy(segmentMatches) }
        guard pattern.count == path.count else { return false }
        return zip(pattern, path).allSatisfy(segmentMatches)
    }

    private static func segmentMatches(_ pattern: Substring, _ segment: Substring) -> Bool {
        pattern == segment || pattern.hasPrefix(":") || pattern == "*"
    }
}
