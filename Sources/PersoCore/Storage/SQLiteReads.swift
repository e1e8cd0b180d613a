import Foundation
import NIOConcurrencyHelpers
// sqlite-nio's own copy of SQLite, the one the driver writes with: a second copy in the same process would release
// the other's POSIX locks on the same file when it closes it, and corrupt the database.
import VaporCSQLite

/// The reads made on every request of the hottest endpoints — whether a token's grant was revoked, on every userinfo
/// and client-credentials call — as statements prepared once, on connections of their own, run on the caller's
/// thread. Through the driver each such read prepared its statement anew and crossed to its thread pool and back,
/// with a future per row: a fifth of a client-credentials token's CPU (perf, BENCHMARKS.md). A WAL reader never
/// waits for the writer, so running inline holds a thread only for the microseconds of an indexed lookup; each
/// statement is reset after its row, so the next read starts a new snapshot and sees every commit made before it
/// (a revocation on another instance included). SQLite only; on PostgreSQL the driver's path stays.
public final class SQLiteReads: @unchecked Sendable {
    let path: String
    /// Connections not in use; one is taken per read, and one opened when none is free (at most one per thread
    /// that reads at the same moment).
    private let idle = NIOLockedValueBox<[Connection]>([])
    private let closed = NIOLockedValueBox(false)

    init(path: String) {
        self.path = path
    }

    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// One row's columns, valid only inside the closure that receives it.
    public struct Row {
        fileprivate let statement: OpaquePointer

        public func isNull(_ column: Int32) -> Bool { sqlite_nio_sqlite3_column_type(statement, column) == SQLITE_NULL }
        public func double(_ column: Int32) -> Double? { isNull(column) ? nil : sqlite_nio_sqlite3_column_double(statement, column) }
        public func integer(_ column: Int32) -> Int64? { isNull(column) ? nil : sqlite_nio_sqlite3_column_int64(statement, column) }
        public func text(_ column: Int32) -> String? {
            guard !isNull(column), let bytes = sqlite_nio_sqlite3_column_text(statement, column) else { return nil }
            return String(cString: bytes)
        }
        /// As the driver writes dates: seconds since 1970 as a real (or an integer when whole).
        public func date(_ column: Int32) -> Date? { double(column).map(Date.init(timeIntervalSince1970:)) }
    }

    /// The first row of `sql` with `texts` bound to its `?`s in order, read by `read`; nil when there is none.
    public func first<T>(_ sql: String, _ texts: [String], read: (Row) throws -> T) throws -> T? {
        let connection = try take()
        defer { give(back: connection) }
        let statement = try connection.statement(sql)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (index, text) in texts.enumerated() {
            let bound = sqlite_nio_sqlite3_bind_text(statement, Int32(index + 1), text, -1, Self.transient)
            guard bound == SQLITE_OK else { throw connection.error("bind") }
        }
        switch sqlite_nio_sqlite3_step(statement) {
        case SQLITE_ROW: return try read(Row(statement: statement))
        case SQLITE_DONE: return nil
        default: throw connection.error("step")
        }
    }

    /// Closes every connection (the database shuts down); a read after that is refused.
    func close() {
        closed.withLockedValue { $0 = true }
        let connections = idle.withLockedValue { all in defer { all = [] }; return all }
        for connection in connections { connection.close() }
    }

    private func take() throws -> Connection {
        guard !closed.withLockedValue({ $0 }) else { throw ReadError(description: "the database is closed") }
        if let connection = idle.withLockedValue({ $0.popLast() }) { return connection }
        return try Connection(path: path)
    }

    private func give(back connection: Connection) {
        let keep = idle.withLockedValue { all -> Bool in
            guard all.count < 8 else { return false }
            all.append(connection)
            return true
        }
        if !keep || closed.withLockedValue({ $0 }) { connection.close() }
    }

    /// SQLite copies the bound text (the Swift string's bytes live only for the call).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// One connection and the statements prepared on it; used by one thread at a time.
    final class Connection {
        private var handle: OpaquePointer?
        private var statements: [String: OpaquePointer] = [:]

        init(path: String) throws {
            let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
            guard sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK, handle != nil else {
                let reason = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
                sqlite_nio_sqlite3_close(handle)
                throw ReadError(description: "cannot open \(path) for reading: \(reason)")
            }
            // Reads only, whatever a caller's SQL says; and a reader that meets a checkpoint's lock waits as the
            // driver's connections do.
            guard sqlite_nio_sqlite3_exec(handle, "PRAGMA query_only=ON; PRAGMA busy_timeout=5000", nil, nil, nil) == SQLITE_OK else {
                let failure = error("set up")
                close()
                throw failure
            }
        }

        func statement(_ sql: String) throws -> OpaquePointer {
            if let prepared = statements[sql] { return prepared }
            var prepared: OpaquePointer?
            guard sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil) == SQLITE_OK,
                  let prepared else { throw error("prepare") }
            statements[sql] = prepared
            return prepared
        }

        func error(_ step: String) -> ReadError {
            ReadError(description: "SQLite \(step): " + (handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "closed"))
        }

        func close() {
            for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
            statements = [:]
            sqlite_nio_sqlite3_close(handle)
            handle = nil
        }
    }
}
