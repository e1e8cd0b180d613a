import FluentKit
import Foundation
import PersoCore
import SQLKit

/// Slows down one address that fails too often, whoever it tries — without turning logins off for everyone behind
/// it. Failures are counted over a sliding window of `window` (one row per address and minute, summed), so an
/// address's old failures fall out minute by minute instead of all at once after a quiet quarter of an hour, and
/// the typos of many honest people behind one address never add up to a block. Over `allowance` failures in the
/// window, the address may try again only `spacing` after its last failure: held to the allowed rate, not shut out.
struct AddressThrottle: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    static let window: TimeInterval = 15 * 60
    static let allowance = 100
    /// The allowed average rate: `allowance` failures per `window`.
    static var spacing: TimeInterval { window / Double(allowance) }

    /// How long this address must wait before its next try (0: it may try now).
    func wait(address: String) async throws -> TimeInterval {
        let now = clock()
        guard let row = try await database.sql.raw("""
            SELECT CAST(SUM(failures) AS BIGINT) AS failures, MAX(last_at) AS last_at FROM address_failures
            WHERE address = \(bind: address) AND minute > \(bind: Self.minute(now.addingTimeInterval(-Self.window)))
            """).first(),
            let failures = try row.decode(column: "failures", as: Int?.self), failures >= Self.allowance,
            let last = try row.decode(column: "last_at", as: Date?.self) else { return 0 }
        return max(0, last.addingTimeInterval(Self.spacing).timeIntervalSince(now))
    }

    /// Counts a failure from this address in the current minute, in one statement (concurrent failures all count).
    func recordFailure(address: String) async throws {
        let now = clock()
        try await database.write { db in try await (db as! any SQLDatabase).raw("""
            INSERT INTO address_failures (id, address, minute, failures, last_at)
            VALUES (\(bind: UUID()), \(bind: address), \(bind: Self.minute(now)), 1, \(bind: now))
            ON CONFLICT (address, minute) DO UPDATE SET failures = address_failures.failures + 1, last_at = excluded.last_at
            """).run() }
    }

    /// Minutes that have left every window.
    func purge() async throws {
        let minute = Self.minute(clock().addingTimeInterval(-Self.window))
        try await database.write { db in
            try await (db as! any SQLDatabase).raw("DELETE FROM address_failures WHERE minute <= \(bind: minute)").run()
        }
    }

    private static func minute(_ date: Date) -> Int { Int(date.timeIntervalSince1970 / 60) }
}

struct CreateAddressFailures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("address_failures")
            .id()
            .field("address", .string, .required)
            .field("minute", .int64, .required)
            .field("failures", .int, .required)
            .field("last_at", .datetime, .required)
            .unique(on: "address", "minute")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("address_failures").delete()
    }
}
