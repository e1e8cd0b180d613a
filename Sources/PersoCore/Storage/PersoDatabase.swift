import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Logging
import NIOCore
import NIOPosix
import SQLKit

/// The product's database: one fluent-kit `Databases` on the shared event loops.
public final class PersoDatabase: Sendable {
    public let location: DatabaseLocation
    let databases: Databases
    private let logger: Logger
    /// SQLite only (see `write`).
    let writeGate: WriteGate?
    let preparedReads: SQLiteReads?
    let preparedWrites: SQLiteWrites?

    /// SQLite only, and outside a write transaction (whose own writes another connection would not see): prepared
    /// reads for the hottest lookups (see `SQLiteReads`).
    public var reads: SQLiteReads? {
        currentTransaction == nil ? preparedReads : nil
    }

    /// SQLite only, and outside a write transaction (which holds the write gate these would queue behind): one
    /// transaction of prepared statements for the hottest write (see `SQLiteWrites`).
    public var writes: SQLiteWrites? {
        currentTransaction == nil ? preparedWrites : nil
    }

    public init(location: DatabaseLocation, logger: Logger) throws {
        self.location = location
        self.logger = logger
        let databases = Databases(threadPool: SQLiteThreads.pool, on: MultiThreadedEventLoopGroup.singleton)
        switch location {
        case .sqlite(let path):
            // Foreign keys are off by default in SQLite; we rely on them exactly as on PostgreSQL.
            databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: 1, sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            do {
                databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: .psql)
            } catch {
                throw DatabaseSetupError.invalidURL(String(describing: error))
            }
        }
        self.databases = databases
        if case .sqlite(let path) = location {
            let gate = WriteGate()
            writeGate = gate
            preparedReads = SQLiteReads(path: path)
            preparedWrites = SQLiteWrites(path: path, gate: gate)
        } else {
            writeGate = nil
            preparedReads = nil
            preparedWrites = nil
        }
    }

    /// A handle on the database for one unit of work: inside a write transaction, that transaction (see
    /// `currentTransaction`), otherwise a pooled connection.
    public var db: any Database {
        currentTransaction ?? pooled
    }

    var pooled: any Database {
        databases.database(logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    public var sql: any SQLDatabase { db as! any SQLDatabase }

    /// Brings the schema up to date with every part's migrations, in dependency order; safe to call on every start
    /// and from several instances in turn.
    public func migrate(_ list: [any Migration]) async throws {
        let migrations = Migrations()
        migrations.add(list)
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.any(), migrationLogLevel: .debug
        )
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
        if case .sqlite = location {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            try await tuneSQLiteConnections()
        }
    }

    /// The SQLite driver keeps exactly one connection per event loop, open for the life of the process, and has
    /// no hook for per-connection settings, so each loop's connection is set up here, once, after migrating.
    /// `synchronous=NORMAL` is the documented setting for WAL mode: a commit no longer waits for fsync (a power
    /// cut may lose the last transactions, a crash of the process loses nothing, the file is never corrupted).
    /// `busy_timeout` lets the CLI and the server write to the same file without "database is locked".
    private func tuneSQLiteConnections() async throws {
        for loop in MultiThreadedEventLoopGroup.singleton.makeIterator() {
            let connection = databases.database(logger: logger, on: loop)! as! any SQLDatabase
            try await connection.raw("PRAGMA synchronous=NORMAL").run()
            try await connection.raw("PRAGMA busy_timeout=5000").run()
        }
    }

    /// Runs `work` while no other instance runs an `exclusively` of its own: migrating, registering the built-in
    /// applications and seeding demo data, which several instances started at once (an upgrade restarts them all)
    /// would otherwise each try, the losers failing on "relation already exists" or a duplicate row. On PostgreSQL a
    /// session advisory lock, held on one connection while `work` uses the others; SQLite's file has one writer
    /// at a time already and is not shared between hosts.
    public func exclusively<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        guard case .postgres = location else { return try await work() }
        return try await db.withConnection { connection in
            let sql = connection as! any SQLDatabase
            try await sql.raw("SELECT pg_advisory_lock(\(bind: Self.startUpLock))").run()
            do {
                let result = try await work()
                try await sql.raw("SELECT pg_advisory_unlock(\(bind: Self.startUpLock))").run()
                return result
            } catch {
                try? await sql.raw("SELECT pg_advisory_unlock(\(bind: Self.startUpLock))").run()
                throw error
            }
        }
    }

    /// The advisory lock's key: any constant of ours ("PersoPnt" in ASCII).
    private static let startUpLock: Int64 = 0x5065_7273_6F50_6E74

    /// Readiness: the database answers a trivial query.
    public func ping() async throws {
        try await sql.raw("SELECT 1").run()
    }

    public func shutdown() async {
        preparedReads?.close()
        await preparedWrites?.close()
        await databases.shutdownAsync()
    }
}

public enum DatabaseSetupError: Error, CustomStringConvertible {
    case invalidURL(String)

    public var description: String {
        switch self {
        case .invalidURL(let reason): "DATABASE_URL is not a usable PostgreSQL URL (\(reason))"
        }
    }
}
