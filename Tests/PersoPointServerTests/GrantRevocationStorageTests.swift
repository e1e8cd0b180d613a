import FluentKit
import Foundation
@testable import Gateway
@testable import PersoCore
@testable import PersoPointServer
import SQLKit
import Testing

/// Whether a token's grant was revoked is asked on every userinfo and client-credentials call; on SQLite through
/// statements prepared once on connections of their own (`SQLiteReads`), on PostgreSQL through the driver.
@Suite("A token's grant, asked on every call")
struct GrantRevocationStorageTests {
    static func grant() -> GrantRecord {
        let grant = GrantRecord()
        grant.id = UUID()
        grant.clientID = "batch-job"
        grant.personID = nil
        grant.scopes = ["roles"]
        grant.acr = .level100
        grant.amr = []
        grant.authTime = 0
        grant.createdAt = Date()
        return grant
    }

    @Test("a grant is unknown, then live, then revoked the moment the revocation commits; two hundred lookups at once agree",
          arguments: TestDatabases.all)
    func revocationIsSeenAtOnce(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let queries = GrantQueries(database: app.database)
            let grant = Self.grant()
            let id = try grant.requireID()
            #expect(try await queries.revocation(of: id) == nil, "no such grant")
            try await queries.insert(grant)
            #expect(try await queries.revocation(of: id) == .some(nil), "live")
            // Revoked through the driver, as logout and RFC 7009 revocation do: the very next lookup sees it.
            let at = Date(timeIntervalSince1970: 1_800_000_000.25)
            try await app.database.writeStatement { sql in
                try await sql.raw("UPDATE oidc_grants SET revoked_at = \(bind: at) WHERE id = \(bind: id)").run()
            }
            #expect(try await queries.revocation(of: id) == .some(at))
            let answers = try await withThrowingTaskGroup(of: Date??.self) { group in
                for lookup in 0..<200 { group.addTask { try await queries.revocation(of: lookup.isMultiple(of: 2) ? id : UUID()) } }
                return try await group.reduce(into: [Date??]()) { $0.append($1) }
            }
            #expect(answers.filter { $0 == .some(at) }.count == 100)
            #expect(answers.filter { $0 == nil }.count == 100)
            #expect(try await queries.revocation(of: "' OR 1=1 --") == nil, "not an id: no lookup at all")
        }
    }

    @Test("the prepared reads bind values (no injection), refuse to write, step aside inside a write transaction, and close with the database")
    func preparedReadsOnSQLite() async throws {
        let database = try await withProduct { app in
            let reads = try #require(app.database.reads)
            let grant = Self.grant()
            try await GrantQueries(database: app.database).insert(grant)
            let id = try grant.requireID().uuidString
            let clientOf = "SELECT client_id FROM oidc_grants WHERE id = ?"
            #expect(try reads.first(clientOf, [.text(id)]) { $0.text(0) } == "batch-job")
            #expect(try reads.first(clientOf, [.text("x' OR '1'='1")]) { $0.text(0) } == nil)
            let columns = "SELECT revoked_at, auth_time, created_at FROM oidc_grants WHERE id = ?"
            #expect(try reads.first(columns, [.text(id)]) { $0.isNull(0) && $0.date(0) == nil } == true)
            #expect(try reads.first(columns, [.text(id)]) { $0.integer(1) } == 0)
            let created = try #require(try reads.first(columns, [.text(id)]) { $0.date(2) } ?? nil)
            #expect(abs(created.timeIntervalSince(grant.createdAt)) < 0.001, "a date as the driver wrote it")
            #expect(throws: SQLiteStatementError.self) { try reads.first("DELETE FROM oidc_grants", []) { _ in 0 } }
            #expect(try await GrantRecord.query(on: app.database.db).count() == 1, "nothing was deleted")
            try await app.database.write { _ in
                #expect(app.database.reads == nil, "a transaction's own writes are not visible to another connection")
            }
            return app.database
        }
        #expect(throws: SQLiteStatementError.self) { try database.preparedReads?.first("SELECT 1", []) { $0.integer(0) } }
    }
}
