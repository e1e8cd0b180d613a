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

    public init(registry: PrometheusCollectorRegistry = .init()) {
        self.registry = registry
    }

    func record(route: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(
            name: "persopoint_http_requests_total",
            labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            name: "persopoint_http_request_duration_seconds",
            labels: [("route", route), ("method", method)],
            buckets: Self.buckets
        ).recordNanoseconds(duration.nanoseconds)
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
            route: context.endpointPath ?? "unmatched", method: request.method.rawValue,
            status: Int(response.status.code), duration: clock.now - start
        )
        return response
    }
}
