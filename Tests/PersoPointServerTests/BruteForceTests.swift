import FluentKit
import Foundation
@testable import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PersoCore
import Testing
@testable import PersoPointServer

@Suite("Someone guessing passwords is slowed down, then stopped")
struct BruteForceTests {
    @Test("after five wrong passwords the next try waits, for a real account and an unknown one alike; then the right password works")
    func waitAfterRepeatedFailures() async throws {
        let clock = TestClock()
        try await withProduct(clock: clock) { app in
            _ = try await DemoData.seed(on: app.database.db)
            _ = try await GatewayLoginTests().registerApp(app)
            let sophie = DemoData.credentials[0]
            let visitor = Visitor()
            try await app.makeApplication().test(.router) { client in
                let chooser = try await client.execute(uri: GatewayLoginTests().authorizeURL(), method: .get) { response in
                    visitor.remember(response)
                    return response.headers[.location]!
                }
                let transaction = String(chooser.dropFirst("/fas/login?tx=".count))
                let token = try await client.execute(uri: "/fas/login/password?tx=\(transaction)", method: .get, headers: visitor.headers) { response in
                    visitor.remember(response)
                    return response.csrfToken!
                }
                func attempt(_ username: String, _ password: String) async throws -> TestResponse {
                    try await client.execute(uri: "/fas/login/password?lang=en", method: .post, headers: formHeaders + visitor.headers,
                                             body: form(["username": username, "password": password, "tx": transaction, "_csrf": token])) { $0 }
                }
                for username in [sophie.username, "nobody.here"] {
                    for _ in 0..<BruteForceGuard.freeFailures {
                        #expect(try await attempt(username, "wrong-password").text.contains("The username or password is incorrect."))
                    }
                    let refused = try await attempt(username, sophie.password)
                    #expect(refused.status == .ok)
                    #expect(refused.text.contains("Too many failed attempts. Try again in 1 minute."),
                            "the same answer whether or not the account exists, and even with the right password")
                }
                clock.advance(by: BruteForceGuard.firstWait + 1)
                let accepted = try await attempt(sophie.username, sophie.password)
                #expect(accepted.status == .seeOther)
                #expect(accepted.headers[.location]?.hasPrefix(GatewayLoginTests.redirect + "?code=") == true)
            }
            let kinds = try await AuditEvent.query(on: app.database.db).all().map(\.kind)
            #expect(kinds.filter { $0 == AuditKind.loginFailed.rawValue }.count == 2 * BruteForceGuard.freeFailures)
            #expect(kinds.filter { $0 == AuditKind.loginThrottled.rawValue }.count == 2)
        }
    }
}

/// Runs on SQLite, and on PostgreSQL too when the test command provides one (`--filter Storage`).
@Suite("Brute-force counters behave the same on every database", .serialized)
struct BruteForceGuardStorageTests {
    @Test("waits double up to an hour, 100 consecutive failures lock until the registration office unlocks", arguments: TestDatabases.all)
    func waitsAndLock(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock) { app in
            let guardian = app.gateway.guardian
            let subject = BruteForceGuard.passwordSubject(username: "Sophie.Dubois")
            var waits: [TimeInterval] = []
            for failure in 1...BruteForceGuard.lockAfter {
                try await guardian.recordFailure(subject: subject, ip: nil)
                let verdict = try await guardian.verdict(subject: subject, ip: nil)
                if failure < BruteForceGuard.freeFailures { #expect(verdict == .allowed) }
                if case .wait(let seconds) = verdict { waits.append(seconds) }
                if failure == BruteForceGuard.lockAfter { #expect(verdict == .locked) }
                clock.advance(by: BruteForceGuard.longestWait + 1)
            }
            #expect(Array(waits.prefix(4)) == [30, 60, 120, 240])
            #expect(waits.max() == BruteForceGuard.longestWait)
            clock.advance(by: 30 * 86_400)
            #expect(try await guardian.verdict(subject: subject, ip: nil) == .locked, "a lock does not wear off")
            #expect(try await app.gateway.unlock(username: "sophie.dubois"))
            #expect(try await guardian.verdict(subject: subject, ip: nil) == .allowed)
        }
    }

    @Test("one address failing on many usernames is blocked for a quarter of an hour", arguments: TestDatabases.all)
    func addressLimit(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock) { app in
            let guardian = app.gateway.guardian
            for index in 0...BruteForceGuard.ipFailuresPerWindow {
                try await guardian.recordFailure(subject: BruteForceGuard.passwordSubject(username: "user\(index)"), ip: "192.0.2.7")
            }
            let fresh = BruteForceGuard.passwordSubject(username: "someone.else")
            #expect(try await guardian.verdict(subject: fresh, ip: "192.0.2.7") == .wait(BruteForceGuard.ipWindow))
            #expect(try await guardian.verdict(subject: fresh, ip: "198.51.100.1") == .allowed, "other addresses are not affected")
            clock.advance(by: BruteForceGuard.ipWindow + 1)
            #expect(try await guardian.verdict(subject: fresh, ip: "192.0.2.7") == .allowed)
        }
    }
}
