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
    /// but the database it is given, since it may run more than once. Inside an enclosing transaction it simply
    /// joins it (the enclosing one owns the retries).
    public func write<T: Sendable>(on enclosing: (any Database)? = nil,
                                   _ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if let enclosing, enclosing.inTransaction { return try await work(enclosing) }
        // SQLite has one writer at a time anyway: this process's writers queue here, in order, rather than in the
        // busy handler, whose growing sleeps let a writer that just finished take the lock again and again while
        // another starves. A write begun inside another one's work (not joining it) must not wait for itself.
        let gate = writeGate != nil && !Self.insideWrite ? writeGate : nil
        await gate?.enter()
        do {
            let result = try await Self.$insideWrite.withValue(true) { try await attempts(work) }
            await gate?.leave()
            return result
        } catch {
            await gate?.leave()
            throw error
        }
    }

    @TaskLocal private static var insideWrite = false

    private func attempts<T: Sendable>(_ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await db.transaction { [location] db in
                    if case .sqlite = location {
                        // A write that changes nothing still takes the write lock, through the busy handler, before
                        // anything is read: `BEGIN IMMEDIATE`, which fluent's `transaction` cannot be asked for.
                        try await (db as! any SQLDatabase).raw("DELETE FROM write_lock WHERE 0").run()
                    }
                    return try await work(db)
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
