import Foundation
import SQLKit

/// The one way something single-use is used: a code, a refresh token, a login challenge, an eID hand-off. Its row's
/// `used_at` turns from empty to now in one conditional `UPDATE … RETURNING`, so that of two requests racing for the
/// same row exactly one sees it come back and wins — on SQLite and PostgreSQL alike, with no transaction to retry.
public struct SingleUseClaim: Sendable {
    public let table: String

    public init(table: String) {
        self.table = table
    }

    /// True when this call used the row that matches `filters` (and whose `unexpired` column is still in the future);
    /// `also` are columns written in the same statement (a rotated token's sealed successor).
    public func claim(where filters: [(column: String, value: any Encodable & Sendable)], unexpired: String? = nil,
                      also: [(column: String, value: any Encodable & Sendable)] = [], at now: Date, on sql: any SQLDatabase) async throws -> Bool {
        var update = sql.update(table).set("used_at", to: now)
        for (column, value) in also { update = update.set(column, to: value) }
        for (column, value) in filters { update = update.where(column, .equal, value) }
        update = update.where("used_at", .is, SQLLiteral.null)
        if let unexpired { update = update.where(unexpired, .greaterThan, now) }
        return try await !update.returning("id").all().isEmpty
    }

    /// The same claim as SQL to prepare once (`SQLiteWrites`), for the given columns; bind `used_at`'s time, then the
    /// `also` values, then the `filters` values, in order. It used the row when it changed one.
    public func statement(where filters: [String], also: [String] = []) -> String {
        let assignments = (["used_at"] + also).map { "\($0) = ?" }.joined(separator: ", ")
        let conditions = (filters.map { "\($0) = ?" } + ["used_at IS NULL"]).joined(separator: " AND ")
        return "UPDATE \(table) SET \(assignments) WHERE \(conditions)"
    }
}
