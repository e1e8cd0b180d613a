import FluentKit
import Logging
import ServiceLifecycle

/// A room of the product — the gateway, an application, the portal, the development PKI — as the composition root
/// sees it. Everything the root needs is declared here, beside the part's routes: the root is a list of parts and
/// repeats nothing about any of them (no list of paths that maintenance closes, no list of CSRF exemptions).
public protocol Part: Sendable {
    /// For logs and the route table (`RouteTable.Entry.part`).
    var name: String { get }
    /// The policy of the part's routes, unless it hands a route another one (`Routes.with(_:)`).
    var policy: RoutePolicy { get }
    /// The part's tables, in the order they depend on each other; parts earlier in the list migrate first.
    var migrations: [any Migration] { get }
    /// Once the database is migrated, before the first request (the gateway makes sure it has a signing key).
    func prepare() async throws
    func register(on routes: Routes)
    /// Work that runs beside the HTTP server for as long as it does (the outbox's delivery, the eID listener).
    func services(logger: Logger) -> [any Service]
    /// What the expiry purger deletes every few minutes on the part's behalf.
    var purgeJobs: [PurgeJob] { get }
}

extension Part {
    public var migrations: [any Migration] { [] }
    public func prepare() async throws {}
    public func services(logger: Logger) -> [any Service] { [] }
    public var purgeJobs: [PurgeJob] { [] }
}

/// Deletes rows past their lifetime; answers how many, for the debug log.
public struct PurgeJob: Sendable {
    public let name: String
    public let purge: @Sendable () async throws -> Int

    public init(_ name: String, purge: @escaping @Sendable () async throws -> Int) {
        self.name = name
        self.purge = purge
    }
}
