import Hummingbird
import NIOConcurrencyHelpers

/// Every route of the product in one place: registers it on the router and remembers its path and method,
/// so that a known path asked with the wrong method answers 405 with `Allow` rather than 404.
public final class RouteTable: Sendable {
    public typealias Handler = @Sendable (Request, PersoRequestContext) async throws -> Response

    public let router: Router<PersoRequestContext>
    private let known: NIOLockedValueBox<[(segments: [Substring], method: HTTPRequest.Method)]> = .init([])

    public init(router: Router<PersoRequestContext>) {
        self.router = router
    }

    public func get(_ path: String, use handler: @escaping Handler) {
        add(path, method: .get, handler)
        add(path, method: .head, handler)
    }

    public func post(_ path: String, use handler: @escaping Handler) {
        add(path, method: .post, handler)
    }

    public func add(_ path: String, method: HTTPRequest.Method, _ handler: @escaping Handler) {
        router.on(RouterPath(path), method: method, use: handler)
        known.withLockedValue { $0.append((Self.segments(path), method)) }
    }

    /// The methods registered for a path, matching `:parameters` and `*` as the router does; nil when unknown.
    public func methods(for path: String) -> [HTTPRequest.Method]? {
        let asked = Self.segments(path)
        let methods = known.withLockedValue { entries in
            entries.filter { Self.matches(pattern: $0.segments, path: asked) }.map(\.method)
        }
        return methods.isEmpty ? nil : methods
    }

    private static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    private static func matches(pattern: [Substring], path: [Substring]) -> Bool {
        guard pattern.count == path.count else { return false }
        return zip(pattern, path).allSatisfy { p, s in p == s || p.hasPrefix(":") || p == "*" }
    }
}
