import Foundation
import NIOConcurrencyHelpers
import VaporCSQLite

/// The reads made on every request of the hottest endpoints — whether a token's grant was revoked, on every userinfo
/// and client-credentials call; a refresh token and its grant, on every refresh — as statements prepared once, on
/// connections of their own, run on the caller's thread. Through the driver each such read prepared its statement
/// anew and crossed to its thread pool and back, with a future per row: a fifth of a client-credentials token's CPU
/// (perf, BENCHMARKS.md). A WAL reader never waits for the writer, so running inline holds a thread only for the
/// microseconds of an indexed lookup; each statement is reset after its row, so the next read starts a new snapshot
/// and sees every commit made before it (a revocation on another instance included). SQLite only; on PostgreSQL the
/// driver's path stays.
public final class SQLiteReads: @unchecked Sendable {
    let path: String
    /// Connections not in use; one is taken per read, and one opened when none is free (at most one per thread
    /// that reads at the same moment).
    private let idle = NIOLockedValueBox<[SQLitePreparedConnection]>([])
    private let closed = NIOLockedValueBox(false)

    init(path: String) {
        self.path = path
    }

    /// The first row of `sql` with `values` bound to its `?`s in order, read by `read`; nil when there is none.
    public func first<T>(_ sql: String, _ values: [SQLiteValue], read: (SQLiteRow) throws -> T) throws -> T? {
        let connection = try take()
        defer { give(back: connection) }
        var found: T?
        try connection.run(sql, values) { row in
            found = try read(row)
            return false
        }
        return found
    }

    /// How often SQLite compiled `sql` again on the idle connections: a statement whose plan depends on the value
    /// bound is compiled anew on every read, which is what preparing it once was meant to avoid.
    func recompilations(of sql: String) -> Int {
        idle.withLockedValue { $0.reduce(0) { $0 + $1.recompilations(of: sql) } }
    }

    /// Closes every connection (the database shuts down); a read after that is refused.
    func close() {
        closed.withLockedValue { $0 = true }
        let connections = idle.withLockedValue { all in defer { all = [] }; return all }
        for connection in connections { connection.close() }
    }

    private func take() throws -> SQLitePreparedConnection {
        guard !closed.withLockedValue({ $0 }) else { throw SQLiteStatementError(description: "the database is closed", code: SQLITE_MISUSE) }
        if let connection = idle.withLockedValue({ $0.popLast() }) { return connection }
        // Reads only, whatever a caller's SQL says; and a reader that meets a checkpoint's lock waits as the driver's
        // connections do.
        return try SQLitePreparedConnection(path: path, setUp: "PRAGMA query_only=ON; PRAGMA busy_timeout=5000")
    }

    private func give(back connection: SQLitePreparedConnection) {
        let keep = idle.withLockedValue { all -> Bool in
            guard all.count < 8 else { return false }
            all.append(connection)
            return true
        }
        if !keep || closed.withLockedValue({ $0 }) { connection.close() }
    }
}
