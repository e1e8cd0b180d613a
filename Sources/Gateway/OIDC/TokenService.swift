import Crypto
import FluentKit
import Foundation
import PersoCore
import SQLKit

/// Issues and checks what the provider hands out: codes, ID tokens, JWT access tokens, rotating refresh
/// tokens. Every token belongs to a grant; revoking the grant ends them all.
public struct TokenService: Sendable {
    let database: PersoDatabase
    let keys: SigningKeys
    let settings: ProviderSettings
    let clock: @Sendable () -> Date
    let personClaims = PersonClaimsCache()
    let verifiedTokens = VerifiedTokenCache()
    let standingGrantInserts = SingleFlight<UUID>()
    var queries: GrantQueries { GrantQueries(database: database) }

    // MARK: Codes

    /// A new grant for this login and a single-use code for it.
    func issueCode(for transaction: LoginTransaction, sso: SSOSession) async throws -> String {
        let code = SecureRandom.token(bytes: 32)
        let now = clock()
        // The records are made inside the transaction: one run again after a conflict needs records not yet created.
        try await database.write { [settings] db in
            let grant = GrantRecord()
            grant.clientID = transaction.clientID
            grant.personID = sso.personID
            grant.scopes = transaction.scopes
            grant.sid = sso.sid
            grant.acr = sso.level
            grant.amr = sso.amr
            grant.authTime = sso.authTime
            grant.createdAt = now
            try await grant.create(on: db)
            let record = AuthorizationCodeRecord()
            record.codeHash = SecureRandom.digest(code)
            record.redirectURI = transaction.redirectURI
            record.codeChallenge = transaction.codeChallenge
            record.nonce = transaction.nonce
            record.expiresAt = now.addingTimeInterval(settings.codeLifetime)
            record.grantID = try grant.requireID()
            try await record.create(on: db)
            try await Self.revokeBeyondBound(personID: sso.personID, clientID: transaction.clientID, at: now, on: db as! any SQLDatabase)
        }
        return code
    }

    /// RFC 6749 §4.1.3 with PKCE (RFC 7636). A code presented twice revokes everything issued from it.
    func exchange(code: String, client: RegisteredClient, redirectURI: String?, verifier: String?) async throws -> TokenResponse {
        guard code.count <= 100, let record = try await AuthorizationCodeRecord.query(on: database.db)
            .filter(\.$codeHash == SecureRandom.digest(code))
            .join(GrantRecord.self, on: \AuthorizationCodeRecord.$grantID == \GrantRecord.$id).first() else {
            throw OAuthError.invalidGrant("unknown authorization code")
        }
        let grant = try record.joined(GrantRecord.self)
        guard grant.clientID == client.clientID else { throw OAuthError.invalidGrant("code was issued to another client") }
        guard record.usedAt == nil, try await markUsed(AuthorizationCodeRecord.schema, id: record.requireID()) else {
            try await revoke(grantID: record.grantID)
            var error = OAuthError.invalidGrant("authorization code already used; the tokens issued from it are revoked")
            error.replay = .codeReplay
            throw error
        }
        guard record.expiresAt > clock() else { throw OAuthError.invalidGrant("authorization code expired") }
        guard grant.revokedAt == nil else { throw OAuthError.invalidGrant("authorization revoked") }
        guard redirectURI == record.redirectURI else { throw OAuthError.invalidGrant("redirect_uri does not match the authorization request") }
        if let challenge = record.codeChallenge {
            guard let verifier, Self.isValidVerifier(verifier), Self.challenge(for: verifier) == challenge else {
                throw OAuthError.invalidGrant("PKCE verification failed")
            }
        } else if verifier != nil {
            throw OAuthError.invalidGrant("code_verifier sent but no code_challenge was")
        }
        return try await tokenResponse(grant: grant, client: client, nonce: record.nonce, withIDToken: grant.scopes.contains("openid"))
    }

    /// Marks a code or refresh token used: of two concurrent requests presenting the same one, exactly one wins.
    private func markUsed(_ table: String, id: UUID) async throws -> Bool {
        let now = clock()
        return try await database.writeStatement { sql in try await SingleUseClaim(table: table).claim(where: [("id", id)], at: now, on: sql) }
    }

    // MARK: Refresh

    /// Rotation with reuse detection (OAuth 2.0 Security BCP §4.14): a used token presented again revokes the family
    /// — except within `refreshRetryInterval` of its use and while its successor is unused, when it is the client
    /// retrying a refresh whose answer was lost (a time-out, a proxy, a crash), and gets that same successor again.
    func refresh(token: String, client: RegisteredClient, scope: String?) async throws -> TokenResponse {
        guard var (record, grant) = try await refreshToken(token) else {
            throw OAuthError.invalidGrant("unknown refresh token")
        }
        guard grant.clientID == client.clientID else { throw OAuthError.invalidGrant("refresh token was issued to another client") }
        guard grant.revokedAt == nil else { throw OAuthError.invalidGrant("authorization revoked") }
        if let scope {
            let asked = Set(scope.split(separator: " ").map(String.init))
            guard asked.isSubset(of: Set(grant.scopes)) else { throw OAuthError.invalidScope("a refresh cannot widen the scope") }
        }
        if record.usedAt == nil {
            guard record.expiresAt > clock() else { throw OAuthError.invalidGrant("refresh token expired") }
            let successor = SecureRandom.token(bytes: 32)
            let stored = refreshTokenRecord(successor, grantID: try grant.requireID())
            let sealed = try RefreshSuccessor.seal(successor, with: token)
            if try await queries.rotate(record.requireID(), successor: stored, sealed: sealed, at: clock()) {
                return try await tokenResponse(grant: grant, client: client, nonce: nil, withIDToken: grant.scopes.contains("openid"),
                                               refreshToken: successor)
            }
            // Another request used it first (the same client retrying at once): answer as that retry.
            guard let current = try await refreshToken(token) else { throw OAuthError.invalidGrant("unknown refresh token") }
            (record, grant) = current
        }
        if let usedAt = record.usedAt, clock().timeIntervalSince(usedAt) <= settings.refreshRetryInterval, grant.revokedAt == nil,
           let sealed = record.successorSealed, let successor = RefreshSuccessor.open(sealed, with: token),
           let (next, _) = try await refreshToken(successor), next.usedAt == nil {
            return try await tokenResponse(grant: grant, client: client, nonce: nil, withIDToken: grant.scopes.contains("openid"),
                                           refreshToken: successor)
        }
        try await revoke(grantID: grant.requireID())
        var error = OAuthError.invalidGrant("refresh token already used; the session's tokens are revoked")
        error.replay = .refreshReuse
        throw error
    }

    private func newRefreshToken(grantID: UUID) async throws -> String {
        let token = SecureRandom.token(bytes: 32)
        try await queries.insert(refreshTokenRecord(token, grantID: grantID))
        return token
    }

    private func refreshTokenRecord(_ token: String, grantID: UUID) -> RefreshTokenRecord {
        let record = RefreshTokenRecord()
        record.tokenHash = SecureRandom.digest(token)
        record.grantID = grantID
        record.expiresAt = clock().addingTimeInterval(settings.refreshTokenLifetime)
        return record
    }

    // MARK: Client credentials

    func clientCredentials(client: RegisteredClient, scope: String?) async throws -> TokenResponse {
        let asked = scope.map { Set($0.split(separator: " ").map(String.init)) } ?? []
        guard asked.isSubset(of: Set(client.scopes)), !asked.contains("openid") else {
            throw OAuthError.invalidScope("scope not allowed for this client")
        }
        let grant = try await standingGrant(for: client, scopes: Array(asked).sorted())
        return try await tokenResponse(grant: grant, client: client, nonce: nil, withIDToken: false)
    }

    /// How long the client-credentials tokens of one client and scope share a grant.
    static let standingGrantWindow: TimeInterval = 300

    /// The grant behind a client's client-credentials tokens: one per client, scopes and 5-minute window, whose id
    /// every instance derives alike, instead of one row per token — a machine asking for a token every second made
    /// 86,400 rows a day, and each was a database write. Revoking one of these tokens revokes the window's grant,
    /// hence the client's other tokens of that scope from the same window (RFC 7009 §2.1 lets a server revoke the
    /// tokens of the same grant); tokens asked for after that share the next grant of the window.
    private func standingGrant(for client: RegisteredClient, scopes: [String]) async throws -> GrantRecord {
        let now = clock()
        let windowStart = (now.timeIntervalSince1970 / Self.standingGrantWindow).rounded(.down) * Self.standingGrantWindow
        let grant = GrantRecord()
        grant.clientID = client.clientID
        grant.personID = nil
        grant.scopes = scopes
        grant.acr = .level100
        grant.amr = []
        grant.authTime = Int(windowStart)
        grant.createdAt = Date(timeIntervalSince1970: windowStart)
        // A revoked window grant is followed by the next id of its chain, which every instance derives alike too.
        var id = Self.standingGrantID(of: "client_credentials\u{0}\(client.clientID)\u{0}\(scopes.joined(separator: " "))\u{0}\(Int(windowStart))")
        while true {
            switch try await queries.revocation(of: id) {
            case .none:
                grant.id = id
                let queries = queries
                try await standingGrantInserts.run(id) { try await queries.insert(grant, ifAbsent: true) }
                return grant
            case .some(nil):
                grant.id = id
                return grant
            case .some(.some):
                id = Self.standingGrantID(of: id.uuidString)
            }
        }
    }

    static func standingGrantID(of text: String) -> UUID {
        var bytes = Array(SHA256.hash(data: Array(text.utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x80  // RFC 9562 version 8: an id made by the application's own rule
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    // MARK: Responses

    /// The answer of a token request; `refreshToken` is the successor already made by a refresh, otherwise a new
    /// refresh token is issued when the client may refresh.
    private func tokenResponse(grant: GrantRecord, client: RegisteredClient, nonce: String?, withIDToken: Bool,
                               refreshToken: String? = nil) async throws -> TokenResponse {
        let now = Int(clock().timeIntervalSince1970)
        let grantID = try grant.requireID()
        let subject = grant.personID?.uuidString ?? client.clientID
        let level = grant.acr
        let access = AccessTokenClaims(
            iss: settings.issuer, sub: subject, aud: client.clientID, client_id: client.clientID,
            exp: now + Int(settings.accessTokenLifetime), iat: now, jti: SecureRandom.token(bytes: 16),
            scope: grant.scopes.joined(separator: " "), acr: level.acr, gid: grantID.uuidString
        )
        var body = TokenResponse(
            access_token: try await keys.sign(json: access.json, type: "at+jwt"), expires_in: Int(settings.accessTokenLifetime),
            scope: grant.scopes.joined(separator: " ")
        )
        if withIDToken, let personID = grant.personID, let identity = try await identity(of: personID, scopes: Set(grant.scopes)) {
            var claims = IDTokenClaims(
                iss: settings.issuer, sub: subject, aud: client.clientID, exp: now + Int(settings.accessTokenLifetime),
                iat: now, auth_time: grant.authTime, nonce: nonce, acr: level.acr, amr: grant.amr, sid: grant.sid,
                azp: client.clientID
            )
            claims.identity = identity
            claims.at_hash = Self.accessTokenHash(body.access_token)
            body.id_token = try await keys.sign(json: claims.json)
        }
        if let refreshToken {
            body.refresh_token = refreshToken
        } else if client.grantTypes.contains("refresh_token"), grant.personID != nil {
            body.refresh_token = try await newRefreshToken(grantID: grantID)
        }
        return body
    }

    /// What these scopes allow to be said about the person; nil if the person no longer exists.
    func identity(of personID: UUID, scopes: Set<String>) async throws -> PersonClaims? {
        try await personClaims.claims(for: personID, now: clock()) {
            guard let person = try await Person.find(personID, on: database.db) else { return nil }
            let memberships = try await Membership.query(on: database.db).filter(\.$person.$id == personID)
                .join(Organisation.self, on: \Membership.$organisation.$id == \Organisation.$id).all()
            let roles = try memberships.map { "\(try $0.joined(Organisation.self).code):\($0.role)" }.sorted()
            return PersonClaims(person: person, roles: roles)
        }?.limited(to: scopes)
    }

    // MARK: Checking and revoking

    /// A valid access token of a live grant, or nil (bad signature, foreign key, expired, revoked).
    func verifyAccessToken(_ token: String) async -> (claims: AccessTokenClaims, grant: GrantRecord)? {
        let now = Int(clock().timeIntervalSince1970)
        guard token.utf8.count <= 4096 else { return nil }
        if let known = verifiedTokens.entry(of: token, now: now) {
            // Only the revocation can have changed since: one column of one row, read on every call.
            guard case .some(nil) = try? await queries.revocation(of: known.claims.gid) else { return nil }  // live: no error, a row, no revocation
            return (known.claims, known.grant)
        }
        guard let claims = try? await keys.verify(token, as: AccessTokenClaims.self), claims.iss == settings.issuer, claims.exp > now,
              let grantID = UUID(uuidString: claims.gid), let grant = try? await queries.grant(grantID), grant.revokedAt == nil else { return nil }
        verifiedTokens.remember(claims, grant: grant, of: token, now: now)
        return (claims, grant)
    }

    /// The stored refresh token and its grant, whatever their state (callers check used, expired, revoked).
    func refreshToken(_ token: String) async throws -> (RefreshTokenRecord, GrantRecord)? {
        guard token.count <= 100 else { return nil }
        return try await queries.refreshToken(hash: SecureRandom.digest(token))
    }

    /// Deletes codes and refresh tokens past their lifetime, then the grants nothing can use any more; returns how
    /// many rows went.
    func purgeExpired() async throws -> Int {
        let now = clock()
        return try await database.write { db in
            var count = 0
            for table in ["oidc_codes", "oidc_refresh_tokens"] {
                count += try await (db as! any SQLDatabase)
                    .raw("DELETE FROM \(unsafeRaw: table) WHERE expires_at < \(bind: now) RETURNING id").all().count
            }
            return count + (try await purgeSpentGrants())
        }
    }

    /// Revokes the oldest live grants past the bound: of one person with one application at each login, of everybody
    /// at each purge (which also catches grants made before the bound existed).
    private static func revokeBeyondBound(personID: UUID? = nil, clientID: String? = nil, at now: Date, on sql: any SQLDatabase) async throws {
        var scope: SQLQueryString = ""
        if let personID, let clientID { scope = " AND person_id = \(bind: personID) AND client_id = \(bind: clientID)" }
        try await sql.raw("""
            UPDATE oidc_grants SET revoked_at = \(bind: now) WHERE id IN (
              SELECT id FROM (
                SELECT id, ROW_NUMBER() OVER (PARTITION BY person_id, client_id ORDER BY created_at DESC, id) AS position
                FROM oidc_grants WHERE person_id IS NOT NULL AND revoked_at IS NULL\(scope)
              ) ranked WHERE position > \(bind: liveGrantsPerPersonAndClient))
            """).run()
    }

    /// The most live grants one person keeps with one application (a login each: phones, browsers, tabs); past it
    /// the oldest are revoked, so that no loop of logins can grow the table without bound.
    static let liveGrantsPerPersonAndClient = 50

    /// Deletes grants nothing can use any more: those with no code and no refresh token left made longer ago than an
    /// access token lives, so every access token issued from them has expired (a revoked grant's codes and refresh
    /// tokens go at once: they could only be refused). A missing grant refuses a token as a revoked one does.
    /// Without this the table grows by one row per login, for ever.
    @discardableResult
    func purgeSpentGrants() async throws -> Int {
        try await database.write { db in try await spentGrantsPurged(on: db as! any SQLDatabase) }
    }

    private func spentGrantsPurged(on sql: any SQLDatabase) async throws -> Int {
        let now = clock()
        try await Self.revokeBeyondBound(at: now, on: sql)
        var count = 0
        for table in ["oidc_codes", "oidc_refresh_tokens"] {
            count += try await sql.raw("""
                DELETE FROM \(unsafeRaw: table) WHERE grant_id IN (SELECT id FROM oidc_grants WHERE revoked_at IS NOT NULL)
                RETURNING id
                """).all().count
        }
        // A client-credentials grant is dated from its window's start and issues tokens until the window's end.
        let cutoff = now.addingTimeInterval(-(settings.accessTokenLifetime + Self.standingGrantWindow + 60))
        // A revoked grant stays until its access tokens have expired too: a client-credentials grant's id is derived
        // again by the next request of its window, and a deleted one would come back to life with its old tokens.
        let rows = try await sql.raw("""
            DELETE FROM oidc_grants WHERE created_at < \(bind: cutoff)
              AND NOT EXISTS (SELECT 1 FROM oidc_codes c WHERE c.grant_id = oidc_grants.id)
              AND NOT EXISTS (SELECT 1 FROM oidc_refresh_tokens r WHERE r.grant_id = oidc_grants.id)
            RETURNING id
            """).all()
        return count + rows.count
    }

    func revoke(grantID: UUID) async throws {
        let now = clock()
        try await database.write { db in
            try await GrantRecord.query(on: db).filter(\.$id == grantID).filter(\.$revokedAt == nil).set(\.$revokedAt, to: now).update()
        }
    }

    /// Logout: every grant made from this SSO session ends, in every application.
    func revokeSession(sid: String) async throws {
        let now = clock()
        try await database.write { db in
            try await GrantRecord.query(on: db).filter(\.$sid == sid).filter(\.$revokedAt == nil).set(\.$revokedAt, to: now).update()
        }
    }

    /// OIDC Core §3.1.3.6 `at_hash`: the left half of the SHA-256 of the access token, base64url (ES256 hashes with SHA-256).
    static func accessTokenHash(_ accessToken: String) -> String {
        SecureRandom.base64URL(Array(SHA256.hash(data: Array(accessToken.utf8))).prefix(16))
    }

    // MARK: PKCE

    static func challenge(for verifier: String) -> String {
        SecureRandom.base64URL(SHA256.hash(data: Array(verifier.utf8)))
    }

    /// RFC 7636 §4.1: 43–128 characters of [A-Z a-z 0-9 - . _ ~].
    static func isValidVerifier(_ verifier: String) -> Bool {
        (43...128).contains(verifier.count) && verifier.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._~".contains($0)) }
    }
}
