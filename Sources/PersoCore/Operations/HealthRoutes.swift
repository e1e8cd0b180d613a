import Foundation
import Hummingbird

/// Liveness (the process answers), readiness (and its database does), and the Prometheus metrics.
public enum HealthRoutes {
    public static func register(on routes: Routes, database: PersoDatabase, metrics: RequestMetrics) {
        routes.get("/health/live") { _, _ in
            json(.ok, ["status": "live"])
        }
        routes.get("/health/ready") { _, context in
            do {
                try await database.ping()
                return json(.ok, ["status": "ready", "database": "ok"])
            } catch {
                context.logger.warning("readiness: database unreachable", metadata: ["error": "\(error)"])
                return json(.serviceUnavailable, ["status": "unavailable", "database": "unreachable"])
            }
        }
        routes.get("/metrics") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: metrics.exposition()))
            )
        }
    }

    static func json(_ status: HTTPResponse.Status, _ body: [String: String]) -> Response {
        let data = (try? JSONEncoder().encode(body)) ?? Data()
        return Response(
            status: status,
            headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data))
        )
    }
}
