import Foundation
// sqlite-nio's own copy of SQLite, the one the driver writes with: a second copy in the same process would release
// the other's POSIX locks on the same file when it closes it, and corrupt the database.
import VaporCSQLite

/// A value bound to a prepared statement's `?`, stored as the driver stores it: a UUID as its uppercase text, a date
/// as seconds since 1970 (a real).
public enum SQLiteValue: Sendable {
    case text(String)
    case real(Double)
    case null

    public static func uuid(_ id: UUID) -> SQLiteValue { .text(id.uuidString) }
    public static func date(_ date: Date?) -> SQLiteValue { date.map { .real($0.timeIntervalSince1970) } ?? .null }
    public static func text(_ text: String?) -> SQLiteValue { text.map { .text($0) } ?? .null }
}

/// One row's columns, valid only inside the closure that receives it.
public struct SQLiteRow {
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
    public func uuid(_ column: Int32) -> UUID? { text(column).flatMap(UUID.init(uuidString:)) }
    /// A list of texts as the driver writes one: a JSON array.
    public func texts(_ column: Int32) -> [String]? {
        guard let text = text(column) else { return nil }
        return try? JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}

public struct SQLiteStatementError: Error, CustomStringConvertible {
    public let description: String
    /// SQLite's primary result code.
    let code: Int32

    /// Another connection holds the lock this statement needed (another process, beyond our patience).
    var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
}

/// One connection of our own to the database file and the statements prepared on it, used by one thread at a time
/// (see `SQLiteReads` and `SQLiteWrites` for why the hot paths bypass the driver).
final class SQLitePreparedConnection {
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    /// `setUp`: the connection's own settings (pragmas are per connection).
    init(path: String, setUp: String) throws {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        guard sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK, handle != nil else {
            let reason = handle.map { String(cString: sqlite_nio_sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite_nio_sqlite3_close(handle)
            throw SQLiteStatementError(description: "cannot open \(path): \(reason)", code: SQLITE_CANTOPEN)
        }
        guard sqlite_nio_sqlite3_exec(handle, setUp, nil, nil, nil) == SQLITE_OK else {
            let failure = error("set up")
            close()
            throw failure
        }
    }

    /// Steps `sql` with `values` bound to its `?`s in order and hands each row to `row` until it returns false or the
    /// rows end; the statement is reset after, so the next use starts afresh (and, outside a transaction, in a new
    /// snapshot that sees every commit made before it).
    func run(_ sql: String, _ values: [SQLiteValue], row: (SQLiteRow) throws -> Bool = { _ in false }) throws {
        let statement = try statement(sql)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            let bound = switch value {
            case .text(let text): sqlite_nio_sqlite3_bind_text(statement, position, text, -1, Self.transient)
            case .real(let number): sqlite_nio_sqlite3_bind_double(statement, position, number)
            case .null: sqlite_nio_sqlite3_bind_null(statement, position)
            }
            guard bound == SQLITE_OK else { throw error("bind") }
        }
        while true {
            switch sqlite_nio_sqlite3_step(statement) {
            case SQLITE_ROW: guard try row(SQLiteRow(statement: statement)) else { return }
            case SQLITE_DONE: return
            default: throw error("step")
            }
        }
    }

    /// How often SQLite compiled `sql` again after its first preparation (0 when it was never prepared here).
    func recompilations(of sql: String) -> Int {
        statements[sql].map { Int(sqlite_nio_sqlite3_stmt_status($0, Int32(SQLITE_STMTSTATUS_REPREPARE), 0)) } ?? 0
    }

    /// Rows inserted, changed or deleted by the last statement.
    var changes: Int { Int(sqlite_nio_sqlite3_changes(handle)) }

    private func statement(_ sql: String) throws -> OpaquePointer {
        if let prepared = statements[sql] { return prepared }
        var prepared: OpaquePointer?
        guard sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &prepared, nil) == SQLITE_OK,
              let prepared else { throw error("prepare") }
        statements[sql] = prepared
        return prepared
    }

    func error(_ step: String) -> SQLiteStatementError {
        guard let handle else { return SQLiteStatementError(description: "SQLite \(step): closed", code: SQLITE_MISUSE) }
        return SQLiteStatementError(description: "SQLite \(step): " + String(cString: sqlite_nio_sqlite3_errmsg(handle)),
                                    code: sqlite_nio_sqlite3_errcode(handle) & 0xFF)
    }

    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements = [:]
        sqlite_nio_sqlite3_close(handle)
        handle = nil
    }

    /// SQLite copies the bound text (the Swift string's bytes live only for the call).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
