import Foundation
import Hummingbird

/// Liveness (the process answers), readiness (it could serve a login: see `Readiness`), and the Prometheus metrics.
public enum HealthRoutes {
    public static func register(on routes: Routes, readiness: Readiness, metrics: RequestMetrics) {
        routes.get("/health/live") { _, _ in
            json(.ok, ["status": "live"])
        }
        routes.get("/health/ready") { _, context in
            let report = await readiness.check()
            var body = ["status": report.isReady ? "ready" : "unavailable", "database": report.database.rawValue,
                        "disk": report.diskIsLow ? "low" : "ok"]
            if let free = report.freeBytes { body["free_mb"] = String(free / 1_048_576) }
            if !report.isReady { context.logger.warning("readiness: not ready", metadata: ["database": "\(report.database)", "disk": "\(body["disk"]!)"]) }
            return json(report.isReady ? .ok : .serviceUnavailable, body)
        }
        routes.get("/metrics") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.exposition()))
            )
        }
    }

    /// Probes call these every few seconds from every load balancer: written directly, not through JSONEncoder.
    static func json(_ status: HTTPResponse.Status, _ body: [String: String]) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: JSONObjectWriter(sorted: body).json))
        )
    }
}
