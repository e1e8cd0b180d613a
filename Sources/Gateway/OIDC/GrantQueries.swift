import FluentKit
import Foundation
import PersoCore
import SQLKit

/// The statements behind every token request and every userinfo call, written as SQL. Fluent's model
/// layer reads a model's properties by reflection on each row and rebuilds the SQL text on each query, and
/// measured it cost more than the query itself (bench/gateway.sh); these few statements skip it. The rows
/// are still encoded and decoded by the driver's own coders, as Fluent does, so both read and write the same
/// values on SQLite and PostgreSQL.
struct GrantQueries: Sendable {
    let database: PersoDatabase

    func grant(_ id: UUID) async throws -> GrantRecord? {
        guard let row = try await database.sql.raw("""
            SELECT id, client_id, person_id, scopes, sid, acr, amr, auth_time, created_at, revoked_at
            FROM oidc_grants WHERE id = \(bind: id)
            """).first() else { return nil }
        return try GrantRecord(row: row)
    }

    /// The refresh token with this hash and its grant, in one query.
    func refreshToken(hash: String) async throws -> (RefreshTokenRecord, GrantRecord)? {
        // Asked on every refresh: on SQLite a statement prepared once, its columns read in `refreshTokenColumns`' order.
        if let reads = database.reads {
            return try reads.first(Self.refreshTokenByHash, [.text(hash)]) { row in try Self.refreshToken(from: row) }
        }
        guard let row = try await database.sql.raw("\(unsafeRaw: Self.refreshTokenColumns) WHERE t.token_hash = \(bind: hash)").first() else { return nil }
        let grant = try GrantRecord(row: row)
        let token = RefreshTokenRecord()
        token.id = try row.decode(column: "token_id", as: UUID.self)
        token.tokenHash = try row.decode(column: "token_hash", as: String.self)
        token.grantID = try grant.requireID()
        token.expiresAt = try row.decode(column: "expires_at", as: Date.self)
        token.usedAt = try row.decode(column: "used_at", as: Date?.self)
        token.successorSealed = try row.decode(column: "successor_sealed", as: String?.self)
        return (token, grant)
    }

    static let refreshTokenColumns = """
        SELECT t.id AS token_id, t.token_hash, t.expires_at, t.used_at, t.successor_sealed,
               g.id, g.client_id, g.person_id, g.scopes, g.sid, g.acr, g.amr, g.auth_time, g.created_at, g.revoked_at
        FROM oidc_refresh_tokens t JOIN oidc_grants g ON g.id = t.grant_id
        """
    /// `COLLATE BINARY` is the column's own collation, so it changes no answer and the index still serves; it is
    /// there because SQLite 3.54 otherwise compares the bound value with the join's terms while planning and marks
    /// the statement to be compiled again whenever a new value is bound — on every refresh, undoing the preparation.
    static let refreshTokenByHash = refreshTokenColumns + " WHERE t.token_hash = ? COLLATE BINARY"
    static let revocationByID = "SELECT revoked_at FROM oidc_grants WHERE id = ?"

    /// A row of the refresh-token query as the driver wrote it; a column that does not read back is a damaged row,
    /// refused as the driver's decoding refuses one.
    private static func refreshToken(from row: SQLiteRow) throws -> (RefreshTokenRecord, GrantRecord) {
        guard let tokenID = row.uuid(0), let tokenHash = row.text(1), let expiresAt = row.date(2),
              let grantID = row.uuid(5), let clientID = row.text(6), let scopes = row.texts(8),
              let acr = row.integer(10).flatMap({ LevelOfAssurance(rawValue: Int($0)) }), let amr = row.texts(11),
              let authTime = row.integer(12), let createdAt = row.date(13),
              row.isNull(7) || row.uuid(7) != nil else {
            throw DamagedRow(table: RefreshTokenRecord.schema)
        }
        let grant = GrantRecord()
        grant.id = grantID
        grant.clientID = clientID
        grant.personID = row.uuid(7)
        grant.scopes = scopes
        grant.sid = row.text(9)
        grant.acr = acr
        grant.amr = amr
        grant.authTime = Int(authTime)
        grant.createdAt = createdAt
        grant.revokedAt = row.date(14)
        let token = RefreshTokenRecord()
        token.id = tokenID
        token.tokenHash = tokenHash
        token.grantID = grantID
        token.expiresAt = expiresAt
        token.usedAt = row.date(3)
        token.successorSealed = row.text(4)
        return (token, grant)
    }

    struct DamagedRow: Error, CustomStringConvertible {
        let table: String
        var description: String { "a row of \(table) does not read back as written" }
    }

    /// A refresh token's rotation: its successor stored, and the presented one (`id`) marked used with the successor
    /// sealed beside it — both or neither. False when another request used it first; then no successor is left.
    static let insertSuccessor = "INSERT INTO oidc_refresh_tokens (id, token_hash, grant_id, expires_at, used_at) VALUES (?, ?, ?, ?, NULL)"
    static let claimRefreshToken = SingleUseClaim(table: RefreshTokenRecord.schema).statement(where: ["id"], also: ["successor_sealed"])

    func rotate(_ id: UUID, successor: RefreshTokenRecord, sealed: String, at now: Date) async throws -> Bool {
        let successorID = successor.id ?? UUID()
        successor.id = successorID
        if let writes = database.writes {
            return try await writes.transaction { transaction in
                try transaction.run(Self.insertSuccessor, [.uuid(successorID), .text(successor.tokenHash), .uuid(successor.grantID), .date(successor.expiresAt)])
                let claimed = try transaction.run(Self.claimRefreshToken, [.date(now), .text(sealed), .uuid(id)]) == 1
                return claimed ? .commit(true) : .rollBack(false)
            }
        }
        try await insert(successor)
        let claimed = try await database.writeStatement { sql in
            try await SingleUseClaim(table: RefreshTokenRecord.schema).claim(where: [("id", id)], also: [("successor_sealed", sealed)], at: now, on: sql)
        }
        if !claimed {
            try await database.writeStatement { sql in try await sql.delete(from: RefreshTokenRecord.schema).where("id", .equal, successorID).run() }
        }
        return claimed
    }

    /// `ifAbsent`: the grant's id is one several requests (and instances) may derive at once; the first makes it.
    func insert(_ grant: GrantRecord, ifAbsent: Bool = false) async throws {
        let id = grant.id ?? UUID()
        try await database.writeStatement { sql in try await sql.raw("""
            INSERT INTO oidc_grants (id, client_id, person_id, scopes, sid, acr, amr, auth_time, created_at, revoked_at)
            VALUES (\(bind: id), \(bind: grant.clientID), \(bind: grant.personID), \(bind: grant.scopes), \(bind: grant.sid),
                    \(bind: grant.acr), \(bind: grant.amr), \(bind: grant.authTime), \(bind: grant.createdAt), \(bind: grant.revokedAt))
            \(unsafeRaw: ifAbsent ? "ON CONFLICT (id) DO NOTHING" : "")
            """).run() }
        grant.id = id
    }

    /// nil when there is no such grant; `.some(nil)` for a live one; the time of its revocation otherwise.
    func revocation(of id: String) async throws -> Date?? {
        guard let id = UUID(uuidString: id) else { return nil }
        return try await revocation(of: id)
    }

    func revocation(of id: UUID) async throws -> Date?? {
        // Asked on every userinfo and client-credentials call: on SQLite a statement prepared once (the id is stored
        // as the driver writes a UUID, its uppercase text; the time as seconds since 1970).
        if let reads = database.reads {
            return try reads.first(Self.revocationByID, [.uuid(id)]) { $0.date(0) }
        }
        guard let row = try await database.sql.raw("SELECT revoked_at FROM oidc_grants WHERE id = \(bind: id)").first() else { return nil }
        return .some(try row.decode(column: "revoked_at", as: Date?.self))
    }

    func insert(_ token: RefreshTokenRecord) async throws {
        let id = token.id ?? UUID()
        try await database.writeStatement { sql in try await sql.raw("""
            INSERT INTO oidc_refresh_tokens (id, token_hash, grant_id, expires_at, used_at)
            VALUES (\(bind: id), \(bind: token.tokenHash), \(bind: token.grantID), \(bind: token.expiresAt), \(bind: token.usedAt))
            """).run() }
        token.id = id
    }
}

extension GrantRecord {
    convenience init(row: any SQLRow) throws {
        self.init()
        id = try row.decode(column: "id", as: UUID.self)
        clientID = try row.decode(column: "client_id", as: String.self)
        personID = try row.decode(column: "person_id", as: UUID?.self)
        scopes = try row.decode(column: "scopes", as: [String].self)
        sid = try row.decode(column: "sid", as: String?.self)
        acr = try row.decode(column: "acr", as: LevelOfAssurance.self)
        amr = try row.decode(column: "amr", as: [String].self)
        authTime = try row.decode(column: "auth_time", as: Int.self)
        createdAt = try row.decode(column: "created_at", as: Date.self)
        revokedAt = try row.decode(column: "revoked_at", as: Date?.self)
    }
}
