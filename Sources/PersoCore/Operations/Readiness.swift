import FluentKit
import Foundation
import SQLKit
#if canImport(Glibc)
import Glibc
#endif

/// What "ready" means to a load balancer: this instance could serve a login now. Its database takes a write (a
/// database that answers reads but refuses writes, read-only or out of space, fails every login), and its data
/// directory has room. Liveness stays up either way: the process is fine, it should just get no traffic.
public struct Readiness: Sendable {
    let database: PersoDatabase
    let dataDirectory: String
    let minimumFreeBytes: Int64
    let clock: @Sendable () -> Date
    /// This process's row in `health_probes`.
    let instance = SecureRandom.token(bytes: 12)

    public init(database: PersoDatabase, dataDirectory: String, minimumFreeBytes: Int64, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.dataDirectory = dataDirectory
        self.minimumFreeBytes = minimumFreeBytes
        self.clock = clock
    }

    public struct Report: Sendable {
        public enum Database: String, Sendable { case ok, unwritable, unreachable }
        public let database: Database
        /// Free bytes in the data directory, when the file system says.
        public let freeBytes: Int64?
        public let diskIsLow: Bool

        public var isReady: Bool { database == .ok && !diskIsLow }
    }

    public func check() async -> Report {
        let free = Self.freeBytes(at: dataDirectory)
        let low = free.map { $0 < minimumFreeBytes } ?? false
        do {
            try await database.ping()
        } catch {
            return Report(database: .unreachable, freeBytes: free, diskIsLow: low)
        }
        do {
            let (probe, now) = (instance, clock())
            try await database.write { db in
                try await (db as! any SQLDatabase).raw("""
                    INSERT INTO health_probes (instance, checked_at) VALUES (\(bind: probe), \(bind: now))
                    ON CONFLICT (instance) DO UPDATE SET checked_at = excluded.checked_at
                    """).run()
            }
        } catch {
            return Report(database: .unwritable, freeBytes: free, diskIsLow: low)
        }
        return Report(database: .ok, freeBytes: free, diskIsLow: low)
    }

    /// Rows of instances that stopped probing a day ago (every restart makes a new one).
    func purgeStale() async throws -> Int {
        let before = clock().addingTimeInterval(-86_400)
        let rows = try await database.write { db in
            try await (db as! any SQLDatabase).raw("DELETE FROM health_probes WHERE checked_at < \(bind: before) RETURNING instance").all()
        }
        return rows.count
    }

    static func freeBytes(at path: String) -> Int64? {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return nil }
        return Int64(stats.f_bavail) * Int64(stats.f_frsize)
    }
}

/// One row per running instance, rewritten by each readiness check.
struct CreateHealthProbes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("health_probes")
            .field("instance", .string, .identifier(auto: false))
            .field("checked_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("health_probes").delete()
    }
}
