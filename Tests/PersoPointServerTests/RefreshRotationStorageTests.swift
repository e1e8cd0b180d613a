import FluentKit
import Foundation
@testable import Gateway
@testable import PersoCore
@testable import PersoPointServer
import SQLKit
import Testing

/// A refresh token is looked up and rotated on every refresh: on SQLite through statements prepared once on
/// connections of their own (`SQLiteReads`, `SQLiteWrites`), on PostgreSQL through the driver. Both must store and
/// read back the same rows, and of several requests presenting one token exactly one may rotate it.
@Suite("A refresh token, rotated on every refresh")
struct RefreshRotationStorageTests {
    /// A grant of Sophie's (or of a machine, `person: nil`) and a refresh token of it, stored through the driver.
    static func stored(on database: PersoDatabase, person: UUID? = UUID(), sid: String? = "browser-session-7")
        async throws -> (grant: GrantRecord, token: RefreshTokenRecord) {
        let queries = GrantQueries(database: database)
        let grant = GrantRecord()
        grant.clientID = "perso-self-service"
        grant.personID = person
        grant.scopes = ["openid", "profile", "egovnrn"]
        grant.sid = sid
        grant.acr = .level400
        grant.amr = ["hwk", "pin"]
        grant.authTime = 1_800_000_000
        grant.createdAt = Date(timeIntervalSince1970: 1_800_000_000.5)
        try await queries.insert(grant)
        let token = Self.token(of: try grant.requireID(), hash: SecureRandom.token(bytes: 8))
        try await queries.insert(token)
        return (grant, token)
    }

    static func token(of grant: UUID, hash: String) -> RefreshTokenRecord {
        let token = RefreshTokenRecord()
        token.tokenHash = hash
        token.grantID = grant
        token.expiresAt = Date(timeIntervalSince1970: 1_900_000_000.25)
        return token
    }

    /// The refresh tokens of one grant (the PostgreSQL database is shared by every test and every run).
    static func tokenCount(_ database: PersoDatabase, grant: GrantRecord) async throws -> Int {
        try await RefreshTokenRecord.query(on: database.db).filter(\.$grantID == grant.requireID()).count()
    }

    @Test("a refresh token reads back with its grant exactly as stored, for a person and for a machine",
          arguments: TestDatabases.all)
    func readsBackAsStored(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let queries = GrantQueries(database: app.database)
            for person in [UUID(), nil] {
                let (grant, token) = try await Self.stored(on: app.database, person: person, sid: person == nil ? nil : "sid-1")
                let (readToken, readGrant) = try #require(try await queries.refreshToken(hash: token.tokenHash))
                #expect(readToken.id == token.id && readToken.grantID == grant.id && readToken.tokenHash == token.tokenHash)
                #expect(readToken.expiresAt == token.expiresAt && readToken.usedAt == nil && readToken.successorSealed == nil)
                #expect(readGrant.id == grant.id && readGrant.clientID == "perso-self-service" && readGrant.personID == person)
                #expect(readGrant.scopes == ["openid", "profile", "egovnrn"] && readGrant.amr == ["hwk", "pin"])
                #expect(readGrant.sid == grant.sid && readGrant.acr == .level400 && readGrant.authTime == 1_800_000_000)
                #expect(abs(readGrant.createdAt.timeIntervalSince(grant.createdAt)) < 0.001 && readGrant.revokedAt == nil)
            }
            #expect(try await queries.refreshToken(hash: "' OR 1=1 --") == nil)
        }
    }

    @Test("a rotation stores the successor and marks the token used with the successor sealed beside it",
          arguments: TestDatabases.all)
    func rotationStoresBoth(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let queries = GrantQueries(database: app.database)
            let (grant, token) = try await Self.stored(on: app.database)
            let successorHash = SecureRandom.token(bytes: 8), lateHash = SecureRandom.token(bytes: 8)
            let successor = Self.token(of: try grant.requireID(), hash: successorHash)
            let at = Date(timeIntervalSince1970: 1_800_000_100.5)
            #expect(try await queries.rotate(try token.requireID(), successor: successor, sealed: "sealed-successor", at: at))
            let (used, _) = try #require(try await queries.refreshToken(hash: token.tokenHash))
            #expect(used.usedAt == at && used.successorSealed == "sealed-successor")
            let (next, _) = try #require(try await queries.refreshToken(hash: successorHash))
            #expect(next.id == successor.id && next.usedAt == nil && next.grantID == grant.id)
            #expect(try await !queries.rotate(try token.requireID(), successor: Self.token(of: try grant.requireID(), hash: lateHash),
                                              sealed: "late", at: at), "a used token rotates no more")
            #expect(try await queries.refreshToken(hash: lateHash) == nil, "the loser's successor is not left behind")
            #expect(try await Self.tokenCount(app.database, grant: grant) == 2)
        }
    }

    @Test("of twenty requests rotating one token at once exactly one wins, and no other successor stays",
          arguments: TestDatabases.all)
    func oneOfManyWins(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let queries = GrantQueries(database: app.database)
            let (grant, token) = try await Self.stored(on: app.database)
            let grantID = try grant.requireID(), tokenID = try token.requireID()
            let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
                for attempt in 0..<20 {
                    group.addTask {
                        try await queries.rotate(tokenID, successor: Self.token(of: grantID, hash: SecureRandom.token(bytes: 8)),
                                                 sealed: "sealed-\(attempt)", at: Date())
                    }
                }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(wins == 1)
            #expect(try await Self.tokenCount(app.database, grant: grant) == 2, "the presented token and the one winning successor")
        }
    }

    @Test("on SQLite the statements of a refresh are compiled once, whatever values are bound to them")
    func compiledOnce() async throws {
        try await withProduct { app in
            let queries = GrantQueries(database: app.database)
            let (grant, token) = try await Self.stored(on: app.database)
            var presented = token
            for _ in 0..<5 {
                #expect(try await queries.refreshToken(hash: presented.tokenHash) != nil)
                #expect(try await queries.revocation(of: try grant.requireID()) == .some(nil))
                let successor = Self.token(of: try grant.requireID(), hash: SecureRandom.token(bytes: 8))
                #expect(try await queries.rotate(try presented.requireID(), successor: successor, sealed: "sealed", at: Date()))
                presented = successor
            }
            let reads = try #require(app.database.reads), writes = try #require(app.database.writes)
            #expect(reads.recompilations(of: GrantQueries.refreshTokenByHash) == 0)
            #expect(reads.recompilations(of: GrantQueries.revocationByID) == 0)
            #expect(await writes.recompilations(of: GrantQueries.insertSuccessor) == 0)
            #expect(await writes.recompilations(of: GrantQueries.claimRefreshToken) == 0)
        }
    }

    @Test("the prepared writes undo a rolled-back or failed transaction, keep foreign keys, wait for another process's lock, and close with the database")
    func preparedWritesOnSQLite() async throws {
        let database = try await withProduct { app in
            let writes = try #require(app.database.writes)
            let (grant, _) = try await Self.stored(on: app.database)
            let insert = "INSERT INTO oidc_refresh_tokens (id, token_hash, grant_id, expires_at, used_at) VALUES (?, ?, ?, ?, NULL)"
            func row(_ hash: String, grant: UUID) -> [SQLiteValue] { [.uuid(UUID()), .text(hash), .uuid(grant), .date(Date())] }

            let rolledBack = try await writes.transaction { transaction in
                .rollBack(try transaction.run(insert, row("rolled-back", grant: try grant.requireID())))
            }
            #expect(rolledBack == 1, "the row was written inside the transaction")
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await writes.transaction { transaction -> SQLiteWrites.Outcome<Void> in
                    try transaction.run(insert, row("failed", grant: try grant.requireID()))
                    throw Refused()
                }
            }
            await #expect(throws: SQLiteStatementError.self, "no such grant: the foreign key holds") {
                try await writes.transaction { .commit(try $0.run(insert, row("orphan", grant: UUID()))) }
            }
            #expect(try await Self.tokenCount(app.database, grant: grant) == 1, "only the token stored through the driver")
            try await writes.transaction { .commit(try $0.run(insert, row("kept", grant: try grant.requireID()))) }
            #expect(try await Self.tokenCount(app.database, grant: grant) == 2, "the connection works again after each failure")

            // Another process (the CLI, a second instance on the same file) holds the write lock for a moment.
            guard case .sqlite(let path) = app.database.location else { throw Refused() }
            let other = try SQLitePreparedConnection(path: path, setUp: "PRAGMA busy_timeout=0")
            defer { other.close() }
            try other.run("BEGIN IMMEDIATE", [])
            let impatient = SQLiteWrites(path: path, gate: WriteGate(), patience: .milliseconds(200))
            do {
                _ = try await impatient.transaction { .commit(try $0.run(insert, row("too-early", grant: try grant.requireID()))) }
                Issue.record("a write while another process holds the lock beyond our patience must fail")
            } catch {
                #expect(WriteConflict.isTransient(error), "answered as 'try again shortly' (503), not as a defect")
            }
            let waiting = Task { try await writes.transaction { .commit(try $0.run(insert, row("waited", grant: try grant.requireID()))) } }
            try await Task.sleep(for: .milliseconds(150))
            try other.run("COMMIT", [])
            #expect(try await waiting.value == 1, "written once the other process let go")
            #expect(try await Self.tokenCount(app.database, grant: grant) == 3)
            await impatient.close()
            return app.database
        }
        await #expect(throws: SQLiteStatementError.self) { try await database.preparedWrites?.transaction { _ in .commit(0) } }
    }
}
