import Crypto
import FluentKit
import Foundation
@testable import Gateway
import Hummingbird
import HummingbirdTesting
@testable import PersoCore
import PasswordHashing
import SQLKit
import Testing
@testable import PersoPointServer

/// Runs on SQLite, and on PostgreSQL too when the test command provides one (`--filter Storage`).
@Suite("Storage behaves the same on every database", .serialized)
struct StorageTests {
    @Test("an anonymous visitor's session lives while used and is refused by the server past its idle limit, with no row written",
          arguments: TestDatabases.all)
    func sessionIdleLimit(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock, idle: 600, absolute: 3600) { app in
            let rowsBefore = try await SessionRecord.query(on: app.database.db).count()
            try await app.makeApplication().test(.router) { client in
                var (session, token) = try await client.execute(uri: "/contact", method: .get) { response in
                    (response.cookie("persopoint_prelogin")!, response.csrfToken!)
                }
                // Activity within the limit keeps the session alive: the browser keeps the cookie re-sealed with it…
                for _ in 0..<2 {
                    clock.advance(by: 500)
                    try await client.execute(uri: "/contact", method: .get, headers: [.cookie: "persopoint_prelogin=\(session)"]) { response in
                        #expect(response.csrfToken == token)
                        session = response.cookie("persopoint_prelogin") ?? session
                    }
                }
                // …but after the idle limit the server no longer takes it, whatever the browser sends.
                clock.advance(by: 601)
                try await client.execute(
                    uri: "/contact/employer", method: .post,
                    headers: formHeaders + [.cookie: "persopoint_prelogin=\(session)"],
                    body: form(["organisation": "bosa", "_csrf": token])
                ) { response in
                    #expect(response.status == .forbidden)
                }
            }
            #expect(try await SessionRecord.query(on: app.database.db).count() == rowsBefore)
        }
    }

    @Test("a pre-login cookie that was tampered with, or sealed under another cookie's name, is not a session", arguments: TestDatabases.all)
    func tamperedPreLoginCookie(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let session = Session.detached
            session["who"] = "sophie"
            guard case .sealed(let text) = try await app.sessions.save(session, loaded: nil, activity: true) else {
                Issue.record("an anonymous session must be sealed in a cookie"); return
            }
            #expect(try await app.sessions.open(preLogin: text)?.values["who"] == "sophie")
            var bytes = Array(text.utf8)
            bytes[bytes.count / 2] = bytes[bytes.count / 2] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            #expect(try await app.sessions.open(preLogin: String(decoding: bytes, as: UTF8.self)) == nil)
            let elsewhere = PreLoginCookie(key: SymmetricKey(size: .bits256), cookieName: "persopoint_prelogin")
            let forged = elsewhere.seal(.init(values: ["who": "mallory"], createdAt: Date(), lastSeenAt: Date()))!
            #expect(try await app.sessions.open(preLogin: forged) == nil)
        }
    }

    @Test("logging in turns the pre-login session into a stored one that keeps its values and its start", arguments: TestDatabases.all)
    func loginStoresTheSession(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock, idle: 600, absolute: 1800) { app in
            let anonymous = Session.detached
            anonymous["tx"] = "login in progress"
            guard case .sealed(let text) = try await app.sessions.save(anonymous, loaded: nil, activity: true) else {
                Issue.record("an anonymous session must be sealed in a cookie"); return
            }
            clock.advance(by: 300)
            let sealed = try #require(try await app.sessions.open(preLogin: text))
            let session = Session(values: sealed.values, storedKey: nil, sealed: true)
            session.rotate()
            guard case .set(let token) = try await app.sessions.save(session, loaded: nil, sealed: sealed, activity: true) else {
                Issue.record("a login must store the session"); return
            }
            let stored = try #require(try await app.sessions.load(token: token))
            #expect(stored.values["tx"] == "login in progress")
            // The absolute limit counts from the visit's start, not from the login.
            #expect(abs(stored.record.expiresAt.timeIntervalSince(sealed.createdAt.addingTimeInterval(1800))) < 1)
        }
    }

    @Test("many people saving at once, each reading then writing, all succeed and none is lost", arguments: TestDatabases.all)
    func concurrentReadThenWrite(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            // A table of the test's own (PostgreSQL's database is shared by the storage tests).
            let table = "test_tally_\(UUID().uuidString.prefix(8).lowercased())"
            try await app.database.sql.raw("CREATE TABLE \(unsafeRaw: table) (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)").run()
            try await app.database.sql.raw("INSERT INTO \(unsafeRaw: table) (id, n) VALUES (1, 0)").run()
            let saves = 48
            // PostgreSQL (read committed) needs the row locked for a read-then-write not to lose an update; SQLite's
            // write lock, taken before the read, already serialises them.
            let lock = database.kind == "sqlite" ? "" : " FOR UPDATE"
            // The shape of every form's save: read the current row, then write what follows from it, in one
            // transaction. On SQLite a deferred transaction fails outright here ("database is locked") whenever
            // another connection committed between the read and the write.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<saves {
                    group.addTask {
                        try await app.database.write { db in
                            let sql = db as! any SQLDatabase
                            let n = try await sql.raw("SELECT n FROM \(unsafeRaw: table) WHERE id = 1\(unsafeRaw: lock)").first()!.decode(column: "n", as: Int.self)
                            try await sql.raw("UPDATE \(unsafeRaw: table) SET n = \(bind: n + 1) WHERE id = 1").run()
                        }
                    }
                }
                try await group.waitForAll()
            }
            let total = try await app.database.sql.raw("SELECT n FROM \(unsafeRaw: table) WHERE id = 1").first()!.decode(column: "n", as: Int.self)
            try await app.database.sql.raw("DROP TABLE \(unsafeRaw: table)").run()
            #expect(total == saves)
        }
    }

    @Test("a person's 51st login to one application revokes their oldest grant with it at once", arguments: TestDatabases.all)
    func grantBoundAtLogin(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            _ = try await app.gateway.seedDemoData()
            let clientID = "bound-\(UUID().uuidString.prefix(8))"
            let person = try #require(try await Person.query(on: app.database.db).first())
            let sso = SSOSession(personID: try person.requireID(), level: .level200, amr: ["pwd"], key: .password, authTime: 1_800_000_000, sid: "sid-\(clientID)")
            let transaction = LoginTransaction(id: "t", clientID: clientID, clientName: "Bound", redirectURI: "https://a.example/cb",
                                               state: nil, nonce: "n", scopes: ["openid"], codeChallenge: nil,
                                               requiredLevel: .level200, loginHint: nil, returnTo: nil, createdAt: Date())
            for _ in 0..<(TokenService.liveGrantsPerPersonAndClient + 1) {
                _ = try await app.gateway.tokens.issueCode(for: transaction, sso: sso)
            }
            let grants = try await GrantRecord.query(on: app.database.db).filter(\.$clientID == clientID).all()
            #expect(grants.count == TokenService.liveGrantsPerPersonAndClient + 1)
            #expect(grants.filter { $0.revokedAt == nil }.count == TokenService.liveGrantsPerPersonAndClient)
            let revoked = try #require(grants.first { $0.revokedAt != nil })
            #expect(grants.allSatisfy { $0.createdAt >= revoked.createdAt }, "the oldest is the one revoked")
        }
    }

    @Test("a session is refused past its absolute limit even when used all along", arguments: TestDatabases.all)
    func sessionAbsoluteLimit(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock, idle: 600, absolute: 1800) { app in
            let session = Session.detached
            session["who"] = "sophie"
            session.rotate()  // signed in: stored
            guard case .set(let token) = try await app.sessions.save(session, loaded: nil, activity: true) else {
                Issue.record("a new session with values must get a cookie"); return
            }
            for _ in 0..<5 {
                clock.advance(by: 350)
                let loaded = try await app.sessions.load(token: token)
                #expect(loaded?.values["who"] == "sophie")
                _ = try await app.sessions.save(Session(values: loaded!.values, storedKey: loaded!.record.id), loaded: loaded!.record, activity: true)
            }
            clock.advance(by: 100)
            #expect(try await app.sessions.load(token: token) == nil)
        }
    }

    @Test("rotating a session gives a new id, keeps the values, and kills the old id", arguments: TestDatabases.all)
    func sessionRotation(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let first = Session.detached
            first["step"] = "1"
            first.rotate()  // signed in: stored
            guard case .set(let oldToken) = try await app.sessions.save(first, loaded: nil, activity: true),
                  let loaded = try await app.sessions.load(token: oldToken) else {
                Issue.record("session not stored"); return
            }
            let session = Session(values: loaded.values, storedKey: loaded.record.id)
            session.rotate()
            guard case .set(let newToken) = try await app.sessions.save(session, loaded: loaded.record, activity: true) else {
                Issue.record("rotation must set a new cookie"); return
            }
            #expect(newToken != oldToken)
            #expect(try await app.sessions.load(token: oldToken) == nil)
            #expect(try await app.sessions.load(token: newToken)?.values["step"] == "1")
        }
    }

    @Test("expired sessions are purged, live ones kept", arguments: TestDatabases.all)
    func purge(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock, idle: 600, absolute: 3600) { app in
            let old = Session.detached
            old["n"] = "old"
            old.rotate()  // signed in: stored
            guard case .set(let oldToken) = try await app.sessions.save(old, loaded: nil, activity: true) else { return }
            clock.advance(by: 700)
            let fresh = Session.detached
            fresh["n"] = "fresh"
            fresh.rotate()
            guard case .set(let freshToken) = try await app.sessions.save(fresh, loaded: nil, activity: true) else { return }
            #expect(try await app.sessions.purgeExpired() >= 1)
            #expect(try await app.sessions.load(token: oldToken) == nil)
            #expect(try await app.sessions.load(token: freshToken)?.values["n"] == "fresh")
        }
    }

    @Test("demo data can be seeded twice without duplicates", arguments: TestDatabases.all)
    func demoDataIsIdempotent(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            _ = try await app.gateway.seedDemoData()
            let people = try await Person.query(on: app.database.db).count()
            let memberships = try await Membership.query(on: app.database.db).count()
            #expect(try await app.gateway.seedDemoData() == 0)
            #expect(try await Person.query(on: app.database.db).count() == people)
            #expect(try await Membership.query(on: app.database.db).count() == memberships)
            #expect(people >= 5)
            let bosa = try await Organisation.query(on: app.database.db).filter(\.$code == "bosa").first()
            #expect(bosa?.nameEN == "FPS Policy and Support (BOSA)")
        }
    }

    @Test("maintenance windows are shared through the database", arguments: TestDatabases.all)
    func maintenanceIsStored(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock) { app in
            try await app.maintenance.end(cancelUpcoming: true)
            try await app.maintenance.announce(from: clock.now.addingTimeInterval(-60), until: clock.now.addingTimeInterval(3600))
            // A second instance on the same database sees it.
            let other = MaintenanceSchedule(database: app.database, clock: { clock.now })
            #expect(try await other.notice()?.isActive == true)
            try await app.maintenance.end(cancelUpcoming: true)
            let third = MaintenanceSchedule(database: app.database, clock: { clock.now })
            #expect(try await third.notice() == nil)
        }
    }
}

@Suite("Gateway storage behaves the same on every database", .serialized)
struct GatewayStorageTests {
    @Test("clients keep their lists, codes are single-use and a replay revokes the grant", arguments: TestDatabases.all)
    func clientsAndGrants(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            _ = try await app.gateway.seedDemoData()
            let clientID = "storage-\(UUID().uuidString.prefix(8))"
            var registration = ClientRegistry.Registration(clientID: clientID, name: "Storage", authMethod: .clientSecretPost,
                                                           redirectURIs: ["https://a.example/cb", "https://b.example/cb"])
            registration.postLogoutURIs = ["https://a.example/bye"]
            #expect(try await app.gateway.clients.add(registration) != nil)
            await #expect(throws: ClientRegistry.Problem.self) { try await app.gateway.clients.add(registration) }
            let stored = try #require(try await app.gateway.clients.list().first { $0.clientID == clientID })
            #expect(stored.redirectURIs == ["https://a.example/cb", "https://b.example/cb"])
            #expect(stored.scopes.contains("egovnrn"))

            let person = try #require(try await Person.query(on: app.database.db).first())
            let sso = SSOSession(personID: try person.requireID(), level: .level200, amr: ["pwd"], key: .password, authTime: 1_800_000_000, sid: "sid-\(clientID)")
            let transaction = LoginTransaction(id: "t", clientID: clientID, clientName: "Storage", redirectURI: "https://a.example/cb",
                                               state: nil, nonce: "n", scopes: ["openid", "profile"], codeChallenge: nil,
                                               requiredLevel: .level200, loginHint: nil, returnTo: nil, createdAt: Date())
            let code = try await app.gateway.tokens.issueCode(for: transaction, sso: sso)
            let tokens = try await app.gateway.tokens.exchange(code: code, client: stored, redirectURI: "https://a.example/cb", verifier: nil)
            let access = tokens.access_token
            #expect(await app.gateway.tokens.verifyAccessToken(access) != nil)
            await #expect(throws: OAuthError.self) {
                try await app.gateway.tokens.exchange(code: code, client: stored, redirectURI: "https://a.example/cb", verifier: nil)
            }
            #expect(await app.gateway.tokens.verifyAccessToken(access) == nil, "the replay revoked the first exchange's tokens")
            #expect(try await app.gateway.clients.remove(clientID))
        }
    }
}

@Suite("Key storage behaves the same on every database", .serialized)
struct KeyStorageTests {
    @Test("a key activated by several requests at once (a double-clicked button) is one active row, and no request fails",
          arguments: TestDatabases.all)
    func concurrentActivation(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let personID = try await newPerson(in: app)
            let keys = app.gateway.personKeys
            let firsts = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await keys.activate(.email, personID: personID); return false }
                    group.addTask { try await keys.recordLogin(.eid, personID: personID) }
                }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(firsts == 1, "exactly one first eID login links the card")
            let rows = try await keys.list(personID: personID)
            #expect(rows.filter { $0.kind == "email" }.map(\.status) == ["active"])
            #expect(rows.filter { $0.kind == "eid" }.count == 1)
        }
    }
}

@Suite("Password storage behaves the same on every database", .serialized)
struct PasswordStorageTests {
    @Test("two usernames created at once for one person (two tabs) leave one: the second write is refused, for 'my password' to turn into an update",
          arguments: TestDatabases.all)
    func oneCredentialPerPerson(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let personID = try await newPerson(in: app)
            let credentials = PasswordCredentials(database: app.database)
            let written = await withTaskGroup(of: Bool.self) { group in
                for name in (1...4).map({ "person.\(personID.uuidString.prefix(8)).\($0)" }) {
                    group.addTask {
                        (try? await credentials.set(username: name, phc: PasswordHasher.decoy, for: personID, replacing: nil, at: Date()) { _ in }) != nil
                    }
                }
                return await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(written == 1)
            #expect(try await PasswordCredential.query(on: app.database.db).filter(\.$person.$id == personID).count() == 1)
        }
    }
}

/// A person of their own for a test that changes keys or passwords, so that the PostgreSQL database the storage tests
/// share keeps the demo people as the other tests expect them.
func newPerson(in app: PersoPointApp) async throws -> UUID {
    let nrn = NationalRegisterNumber.make(year: 1960 + Int.random(in: 0...39), month: Int.random(in: 1...12), day: Int.random(in: 1...28),
                                          serial: Int.random(in: 1...997))
    let person = Person(nrn: nrn, givenName: "Test", surname: "Person", preferredLanguage: .en, email: "test.\(UUID().uuidString.prefix(8))@example.be")
    try await person.create(on: app.database.db)
    return try person.requireID()
}
