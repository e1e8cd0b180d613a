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
            _ = try await app.gateway.seedDemoData()
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
                    #expect(refused.text.contains("Too many failed attempts. Try again in 30 seconds."),
                            "the same answer whether or not the account exists, and even with the right password")
                }
                clock.advance(by: BruteForceGuard.firstWait + 1)
                let accepted = try await attempt(sophie.username, sophie.password)
                #expect(accepted.status == .seeOther)
                #expect(accepted.headers[.location]?.hasPrefix(GatewayLoginTests.redirect + "?code=") == true)
            }
            let kinds = try await AuditEvent.query(on: app.database.db).all().map(\.kind)
            #expect(kinds.filter { $0 == .loginFailed }.count == 2 * BruteForceGuard.freeFailures)
            #expect(kinds.filter { $0 == AuditKind.loginThrottled }.count == 2)
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

    @Test("one address failing on many usernames is slowed to the allowed rate, not shut out, and its failures slide out of the window",
          arguments: TestDatabases.all)
    func addressLimit(database: DatabaseLocation) async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withProduct(database: database, clock: clock) { app in
            let guardian = app.gateway.guardian
            let fresh = BruteForceGuard.passwordSubject(username: "someone.else")
            // 99 failures spread over ten minutes: typos of many people behind one address, still allowed.
            for index in 0..<(AddressThrottle.allowance - 1) {
                try await guardian.recordFailure(subject: BruteForceGuard.passwordSubject(username: "user\(index)"), ip: "192.0.2.7")
                clock.advance(by: 6)
            }
            #expect(try await guardian.verdict(subject: fresh, ip: "192.0.2.7") == .allowed)
            try await guardian.recordFailure(subject: BruteForceGuard.passwordSubject(username: "one.more"), ip: "192.0.2.7")
            // Over the allowance: the next try waits the allowed spacing after the last failure, no longer.
            #expect(try await guardian.verdict(subject: fresh, ip: "192.0.2.7") == .wait(AddressThrottle.spacing.rounded()))
            #expect(try await guardian.verdict(subject: fresh, ip: "198.51.100.1") == .allowed, "other addresses are not affected")
            clock.advance(by: AddressThrottle.spacing + 1)
            #expect(try await guardian.verdict(subject: fresh, ip: "192.0.2.7") == .allowed, "slowed, not blocked")
            // Five quiet minutes later the first minute's failures have slid out: under the allowance again, at once.
            try await guardian.recordFailure(subject: fresh, ip: "192.0.2.7")
            clock.advance(by: 5 * 60)
            #expect(try await guardian.verdict(subject: fresh, ip: "192.0.2.7") == .allowed)
            try await guardian.recordFailure(subject: BruteForceGuard.passwordSubject(username: "again"), ip: "192.0.2.7")
            #expect(try await guardian.verdict(subject: fresh, ip: "192.0.2.7") == .allowed, "no wait of a quarter of an hour for anyone")
        }
    }

    @Test("the X-Forwarded-For address counts only from a trusted proxy, read from the right")
    func forwardedAddresses() {
        let proxies = TrustedProxies(["10.0.0.2", "::1"])
        #expect(proxies.clientAddress(peer: "203.0.113.9", forwardedFor: ["198.51.100.1"]) == "203.0.113.9", "forged by a client")
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["198.51.100.1"]) == "198.51.100.1")
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["6.6.6.6, 198.51.100.1"]) == "198.51.100.1",
                "the left part is what the client wrote")
        #expect(proxies.clientAddress(peer: "::1", forwardedFor: ["198.51.100.1, 10.0.0.2"]) == "198.51.100.1", "two proxies")
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["not-an-address"]) == "10.0.0.2")
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: []) == "10.0.0.2")
        #expect(proxies.clientAddress(peer: "10.0.0.2", forwardedFor: ["6.6.6.6,\t198.51.100.1 "]) == "198.51.100.1", "tabs and spaces around hops")
    }

    @Test("a stranger's wrong passwords never keep the owner out of a browser they logged in with before", arguments: TestDatabases.all)
    func trustedBrowser(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            _ = try await app.gateway.seedDemoData()
            var registration = ClientRegistry.Registration(clientID: "trust-app", name: "Trust", authMethod: .clientSecretBasic,
                                                           redirectURIs: ["https://app.example.be/cb"])
            registration.minimumLevel = .level200
            try await app.gateway.clients.add(registration)
            let sophie = DemoData.credentials[0]
            let authorize = "/fas/oauth2/authorize?response_type=code&client_id=trust-app&redirect_uri=https%3A%2F%2Fapp.example.be%2Fcb"
                + "&scope=openid&state=s&code_challenge=\(String(repeating: "a", count: 43))&code_challenge_method=S256&prompt=login"
            try await app.makeApplication().test(.router) { client in
                func attempt(_ browser: Browser, password: String) async throws -> TestResponse {
                    _ = try await browser.follow(authorize)
                    let tx = String(browser.location.dropFirst("/fas/login?tx=".count).prefix { $0 != "&" })
                    let page = try await browser.get("/fas/login/password?tx=\(tx)")
                    return try await browser.post("/fas/login/password", form: [
                        "username": sophie.username, "password": password, "tx": tx, "_csrf": page.csrfToken ?? "",
                    ])
                }
                let owner = Browser(client)
                #expect(try await attempt(owner, password: sophie.password).status == .seeOther)
                #expect(!owner.cookies.isEmpty, "the browser is now trusted for Sophie's username")

                let stranger = Browser(client)
                for _ in 0..<BruteForceGuard.lockAfter { _ = try await attempt(stranger, password: "guess-guess") }
                let lockedOut = try await attempt(stranger, password: sophie.password)
                #expect(lockedOut.status == .ok, "from an unknown browser the lock holds, even with the right password")

                let back = try await attempt(owner, password: sophie.password)
                #expect(back.status == .seeOther, "the owner's browser still gets in")
                #expect(back.headers[.location]?.hasPrefix("https://app.example.be/cb?code=") == true)
            }
        }
    }
}
