import FluentKit
import Hummingbird

/// What every page stands on rather than a room of its own: sessions and the maintenance schedule (their tables
/// and purge), the stylesheet, health checks and metrics. Always open: a load balancer and a monitoring system must
/// reach them during maintenance.
public struct ShellPart: Part {
    public let name = "shell"
    public let policy = RoutePolicy.alwaysOpenProtocol
    let database: PersoDatabase
    let sessions: SessionStore
    let metrics: RequestMetrics
    let readiness: Readiness

    public init(database: PersoDatabase, sessions: SessionStore, metrics: RequestMetrics, readiness: Readiness) {
        self.database = database
        self.sessions = sessions
        self.metrics = metrics
        self.readiness = readiness
    }

    public var migrations: [any Migration] { CoreMigrations.all }

    public func register(on routes: Routes) {
        HealthRoutes.register(on: routes, readiness: readiness, metrics: metrics)
        routes.get(Stylesheet.path) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=31536000, immutable"],
                body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css))
            )
        }
    }

    public var purgeJobs: [PurgeJob] {
        let (sessions, readiness) = (self.sessions, self.readiness)
        return [PurgeJob("sessions") { try await sessions.purgeExpired() },
                PurgeJob("health probes of stopped instances") { try await readiness.purgeStale() }]
    }
}
