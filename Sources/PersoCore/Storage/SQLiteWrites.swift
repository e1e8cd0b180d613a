import Foundation
import VaporCSQLite

/// The writes made on every request of the hottest endpoint that writes — a refresh token's rotation: its successor
/// inserted and the presented one claimed, on every refresh — as one transaction of statements prepared once, on a
/// connection of its own, run on the caller's thread. Through the driver the rotation was two statements, each
/// prepared anew, each a commit, each crossing to the driver's thread pool and back; the writes and the read before
/// them were most of a refresh's CPU (perf, BENCHMARKS.md).
///
/// The transactions queue in this process's `WriteGate` with the driver's, so within the process nobody waits on
/// SQLite's lock. Another process holding it (the CLI, a second instance on the same file) is waited for without
/// holding a thread: the connection does not sleep in SQLite's busy handler (that would block one of the few threads
/// every task runs on) but answers busy at once, and the transaction is tried again after a short pause, for as long
/// as the driver's busy timeout. A commit may run a WAL checkpoint (every thousand pages or so) on the caller's
/// thread. SQLite only; on PostgreSQL the driver's path stays.
public final class SQLiteWrites: @unchecked Sendable {
    private let path: String
    private let gate: WriteGate
    /// Touched only while `gate` is held, hence by one task at a time.
    private var connection: SQLitePreparedConnection?
    private var closed = false

    /// How long another process's write lock is waited for: the driver's `busy_timeout` unless a test says less.
    let patience: Duration

    init(path: String, gate: WriteGate, patience: Duration = .seconds(5)) {
        self.path = path
        self.gate = gate
        self.patience = patience
    }

    /// What a transaction's work decided.
    public enum Outcome<T> {
        case commit(T)
        /// Undo everything the work wrote (a single-use row another request claimed first).
        case rollBack(T)
    }

    /// The statements of one transaction.
    public struct Transaction {
        fileprivate let connection: SQLitePreparedConnection

        /// Runs a statement; returns the number of rows it inserted, changed or deleted.
        @discardableResult
        public func run(_ sql: String, _ values: [SQLiteValue]) throws -> Int {
            try connection.run(sql, values)
            return connection.changes
        }
    }

    /// Runs `work` in one write transaction, once the lock is taken (`BEGIN IMMEDIATE`, before anything is read, tried
    /// again while another process holds it). A failure in `work`, in its statements or in the commit undoes it all.
    public func transaction<T>(_ work: (Transaction) throws -> Outcome<T>) async throws -> T {
        await gate.enter()
        do {
            let result = try await locked(work)
            await gate.leave()
            return result
        } catch {
            await gate.leave()
            throw error
        }
    }

    private func locked<T>(_ work: (Transaction) throws -> Outcome<T>) async throws -> T {
        guard !closed else { throw SQLiteStatementError(description: "the database is closed", code: SQLITE_MISUSE) }
        let connection = try self.connection ?? open()
        let deadline = ContinuousClock.now + patience
        var pause = Duration.milliseconds(1)
        while true {
            do {
                try connection.run("BEGIN IMMEDIATE", [])
            } catch let busy as SQLiteStatementError where busy.isBusy && ContinuousClock.now < deadline {
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .milliseconds(50))
                continue
            }
            do {
                switch try work(Transaction(connection: connection)) {
                case .commit(let result):
                    try connection.run("COMMIT", [])
                    return result
                case .rollBack(let result):
                    try connection.run("ROLLBACK", [])
                    return result
                }
            } catch {
                // Nothing of a failed transaction stays (a full disk, a constraint); the connection is ready again.
                try? connection.run("ROLLBACK", [])
                throw error
            }
        }
    }

    private func open() throws -> SQLitePreparedConnection {
        // As the driver's connections (foreign keys on, no fsync per commit in WAL mode), except for the busy
        // handler: busy at once, waited for above.
        let opened = try SQLitePreparedConnection(
            path: path, setUp: "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=0"
        )
        connection = opened
        return opened
    }

    /// How often SQLite compiled `sql` again after preparing it (see `SQLiteReads.recompilations`).
    func recompilations(of sql: String) async -> Int {
        await gate.enter()
        let count = connection?.recompilations(of: sql) ?? 0
        await gate.leave()
        return count
    }

    /// Closes the connection (the database shuts down); a write after that is refused.
    func close() async {
        await gate.enter()
        closed = true
        connection?.close()
        connection = nil
        await gate.leave()
    }
}
