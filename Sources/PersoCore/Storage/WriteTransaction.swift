import FluentKit
import Foundation
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit

/// The one way a store writes several statements together. A plain fluent transaction is not enough under
/// concurrent writers:
/// - on SQLite, `BEGIN` is deferred: the first read takes a snapshot, and the first write then fails at once with
///   `SQLITE_BUSY_SNAPSHOT` if anyone committed since — `busy_timeout` never waits for it, because waiting cannot help.
///   Taking the write lock before the first read (what `BEGIN IMMEDIATE` does) makes writers queue in the busy
///   handler instead;
/// - on PostgreSQL, two transactions that lock rows in opposite orders deadlock and one is aborted (`40P01`), and a
///   serializable one may fail to serialize (`40001`): the whole transaction is then run again.
/// A transaction that still meets one of these (a writer holding the lock beyond `busy_timeout`) is run again a few
/// times after a short random pause, so the person sees a slower answer, never an error.
extension PersoDatabase {
    /// Runs `work` in one write transaction, again from the start on a transient conflict. `work` must touch nothing
    /// but the database, since it may run more than once. Inside an enclosing transaction — handed over as `on:`, or
    /// simply the one this task is already in — it joins it (the enclosing one owns the retries).
    public func write<T: Sendable>(on enclosing: (any Database)? = nil,
                                   _ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if let joined = enclosing ?? currentTransaction, joined.inTransaction { return try await work(joined) }
        // SQLite has one writer at a time anyway: this process's writers queue here, in order, rather than in the
        // busy handler, which sleeps on one of the few threads every SQLite call runs on — the writer holding the lock
        // then waits for a thread while the waiters sleep on them all, and after `busy_timeout` everyone fails.
        await writeGate?.enter()
        do {
            let result = try await attempts(work)
            await writeGate?.leave()
            return result
        } catch {
            await writeGate?.leave()
            throw error
        }
    }

    /// Runs one statement that is atomic on its own (a conditional UPDATE, an INSERT, a DELETE … RETURNING) queued
    /// with this process's write transactions and run again on a transient conflict, without the cost of a
    /// transaction around it: what the hot token paths use. Inside a write transaction it joins it.
    public func writeStatement<T: Sendable>(_ statement: @escaping @Sendable (any Database & SQLDatabase) async throws -> T) async throws -> T {
        if let joined = currentTransaction { return try await statement(joined as! any Database & SQLDatabase) }
        await writeGate?.enter()
        do {
            var attempt = 1
            while true {
                do {
                    let result = try await statement(db as! any Database & SQLDatabase)
                    await writeGate?.leave()
                    return result
                } catch where attempt < WriteConflict.attempts && WriteConflict.isTransient(error) {
                    try await Task.sleep(for: WriteConflict.pause(before: attempt + 1))
                    attempt += 1
                }
            }
        } catch {
            await writeGate?.leave()
            throw error
        }
    }

    /// The write transaction this task is running for this database, if any. Whatever runs inside a write's work —
    /// a store called without the `db` it was given, an audit line — must use that transaction's connection: asking
    /// the pool for another would wait for the lock the transaction holds (SQLite) or for a connection it holds.
    var currentTransaction: (any Database)? {
        guard let running = Self.runningTransaction, running.owner == ObjectIdentifier(self) else { return nil }
        return running.db
    }

    private struct RunningTransaction: Sendable {
        let owner: ObjectIdentifier
        let db: any Database
    }

    @TaskLocal private static var runningTransaction: RunningTransaction?

    private func attempts<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        var attempt = 1
        let owner = ObjectIdentifier(self)
        while true {
            do {
                return try await pooled.transaction { [location] db in
                    if case .sqlite = location {
                        // A write that changes nothing still takes the write lock, through the busy handler, before
                        // anything is read: `BEGIN IMMEDIATE`, which fluent's `transaction` cannot be asked for.
                        try await (db as! any SQLDatabase).raw("DELETE FROM write_lock WHERE 0").run()
                    }
                    return try await Self.$runningTransaction.withValue(RunningTransaction(owner: owner, db: db)) {
                        try await work(db)
                    }
                }
            } catch where attempt < WriteConflict.attempts && WriteConflict.isTransient(error) {
                try await Task.sleep(for: WriteConflict.pause(before: attempt + 1))
                attempt += 1
            }
        }
    }
}

/// The queue of this process's write transactions on SQLite, first come first served.
actor WriteGate {
    private var taken = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard taken else {
            taken = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func leave() {
        if waiting.isEmpty { taken = false } else { waiting.removeFirst().resume() }
    }
}

/// Which database errors mean "another writer was in the way, try again", and how long to wait before trying.
public enum WriteConflict {
    /// With a 5-second busy timeout per attempt on SQLite, this bounds one write at about 20 s before it fails.
    static let attempts = 4

    public static func isTransient(_ error: any Error) -> Bool {
        if let error = error as? SQLiteError {
            switch error.reason {
            case .busy, .locked, .busyInSnapshot, .busyTimeout, .busyInRecovery, .lockedBySharedCache: return true
            default: return false
            }
        }
        if let error = error as? SQLiteStatementError { return error.isBusy }
        if let error = error as? PSQLError, let state = error.serverInfo?[.sqlState] {
            return state == "40001" || state == "40P01"  // serialization_failure, deadlock_detected
        }
        return false
    }

    /// 10–40 ms, doubling: long enough for the other writer to commit, random so that two retries do not collide again.
    static func pause(before attempt: Int) -> Duration {
        let base = 10 << (attempt - 2)
        return .milliseconds(Int.random(in: base...(base * 4)))
    }
}

/// The empty table whose `DELETE … WHERE 0` takes SQLite's write lock (see `PersoDatabase.write`); PostgreSQL's
/// row locks need no such thing.
struct CreateWriteLock: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard (database as? any SQLDatabase)?.dialect.name == "sqlite" else { return }
        try await database.schema("write_lock").field("id", .int, .identifier(auto: false)).create()
    }

    func revert(on database: any Database) async throws {
        guard (database as? any SQLDatabase)?.dialect.name == "sqlite" else { return }
        try await database.schema("write_lock").delete()
    }
}
