import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import Prometheus

/// Requests by route and status, and a latency histogram by route, in the Prometheus registry `/metrics` shows.
/// Routes are the router's patterns (`/help/:topic`), never raw paths, so the label set stays small.
public final class RequestMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
    ]

    /// The collectors already made, by route, method and status: the registry checks every name and label and
    /// builds its key on each `make…` call, which cost more than a small answer's own work (perf, bench/gateway.sh).
    private let made = NIOLockedValueBox<[Series: (requests: Counter, duration: DurationHistogram)]>([:])

    private struct Series: Hashable {
        let route: String
        let method: HTTPRequest.Method
        let status: Int
    }

    public init(registry: PrometheusCollectorRegistry = .init()) {
        self.registry = registry
    }

    func record(route: String, method: HTTPRequest.Method, status: Int, duration: Duration) {
        let series = Series(route: route, method: method, status: status)
        let collectors = made.withLockedValue { made in
            if let known = made[series] { return known }
            let requests = registry.makeCounter(
                name: "persopoint_http_requests_total",
                labels: [("route", route), ("method", method.rawValue), ("status", String(status))]
            )
            let duration = registry.makeDurationHistogram(
                name: "persopoint_http_request_duration_seconds",
                labels: [("route", route), ("method", method.rawValue)],
                buckets: Self.buckets
            )
            made[series] = (requests, duration)
            return (requests, duration)
        }
        collectors.requests.increment()
        collectors.duration.recordNanoseconds(duration.nanoseconds)
    }

    /// The registry in the Prometheus text format.
    public func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

public struct RequestMetricsMiddleware: RouterMiddleware {
    public typealias Context = PersoRequestContext
    let metrics: RequestMetrics

    public init(metrics: RequestMetrics) {
        self.metrics = metrics
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await next(request, context)
        metrics.record(
            route: context.endpointPath ?? "unmatched", method: request.method,
            status: Int(response.status.code), duration: clock.now - start
        )
        return response
    }
}
