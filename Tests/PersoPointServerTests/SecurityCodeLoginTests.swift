import FluentKit
import Foundation
@testable import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import Messaging
@testable import PersoCore
import Testing
@testable import PersoPointServer

/// One visitor walking through a security-code login: the password step, then the code step.
struct CodeLoginWalk {
    let client: any TestClientProtocol
    let visitor = Visitor()
    let key: KeyProfile
    var transaction = ""
    var csrf = ""

    init(client: any TestClientProtocol, key: KeyProfile) {
        self.client = client
        self.key = key
    }

    /// Starts at the application's authorisation request and passes the password step; returns the code page.
    mutating func passPassword(as person: DemoData.Credentials, password: String? = nil) async throws -> TestResponse {
        let visitor = self.visitor
        let chooser = try await client.execute(uri: GatewayLoginTests().authorizeURL(acr: key.level.acr), method: .get) { response in
            visitor.remember(response)
            return response.headers[.location] ?? ""
        }
        transaction = String(chooser.dropFirst("/fas/login?tx=".count))
        csrf = try await client.execute(uri: "/fas/login/\(key.identifier)?tx=\(transaction)", method: .get, headers: visitor.headers) { response in
            visitor.remember(response)
            return response.csrfToken ?? ""
        }
        return try await post(["username": person.username, "password": password ?? person.password])
    }

    func submitCode(_ code: String) async throws -> TestResponse {
        try await post(["step": "code", "code": code])
    }

    func post(_ fields: [String: String]) async throws -> TestResponse {
        let visitor = self.visitor
        var all = fields
        all["tx"] = transaction
        all["_csrf"] = csrf
        return try await client.execute(uri: "/fas/login/\(key.identifier)?lang=en", method: .post, headers: formHeaders + visitor.headers, body: form(all)) { response in
            visitor.remember(response)
            return response
        }
    }
}

extension TestResponse {
    var isRedirectToApplication: Bool {
        status == .seeOther && (headers[.location] ?? "").hasPrefix(GatewayLoginTests.redirect + "?code=")
    }

    /// The text of the page's `.form-error`, if any.
    var formError: String? {
        guard let range = text.range(of: "class=\"form-error\" role=\"alert\">") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "<" })
    }
}

@Suite("A civil servant logging in with a security code")
struct SecurityCodeLoginTests {
    /// The newest e-mail code sent to this address, read from the outbox the way the mail server would get it.
    func latestCode(to address: String, in app: PersoPointApp) async throws -> String {
        let message = try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == address).sort(\.$createdAt, .descending).first()
        let text = try #require(message?.textBody)
        let code = text.split(whereSeparator: { !$0.isNumber }).first { $0.count == 6 }
        return String(try #require(code))
    }

    @Test("by e-mail: the code goes through the outbox in her language; a typo is forgiven, the right code logs her in at Level350")
    func emailCode() async throws {
        try await withProduct { app in
            _ = try await app.gateway.seedDemoData()
            _ = try await GatewayLoginTests().registerApp(app, minimum: .level350)
            let sophie = DemoData.credentials[0]
            try await app.makeApplication().test(.router) { client in
                var walk = CodeLoginWalk(client: client, key: EmailCodeMethod.profile)
                // The application wants Level350: the token card and the password are offered greyed out.
                let codePage = try await walk.passPassword(as: sophie)
                #expect(codePage.text.contains("id=\"code-form\""))
                #expect(codePage.text.contains("s••••••@example.be"), "the address is shown masked")
                let mail = try #require(try await OutboxMessage.query(on: app.database.db).first())
                #expect(mail.subject == "Votre code de sécurité PersoPoint" && mail.language == "fr" && mail.status == "pending")
                #expect(mail.htmlBody?.contains("<!DOCTYPE html>") == true)
                let code = try await latestCode(to: sophie.email, in: app)
                let wrong = code == "000000" ? "111111" : "000000"
                #expect(try await walk.submitCode(wrong).formError == "The security code is incorrect.")
                #expect(try await walk.submitCode(code).isRedirectToApplication)
                // Single use: the same code cannot open a second login.
                var second = CodeLoginWalk(client: client, key: EmailCodeMethod.profile)
                _ = try await second.passPassword(as: sophie)
                #expect(try await second.submitCode(code).formError == "The security code is incorrect.")
            }
            let events = try await AuditEvent.query(on: app.database.db).all()
            #expect(events.contains { $0.kind == .login && $0.key == .email })
            #expect(events.contains { $0.kind == .loginFailed && $0.key == .email && $0.personID != nil })
        }
    }

    @Test("by e-mail: a code expires after 10 minutes, five wrong tries spend it, and asking again at once is refused")
    func emailCodeLimits() async throws {
        let clock = TestClock()
        try await withProduct(clock: clock) { app in
            _ = try await app.gateway.seedDemoData()
            _ = try await GatewayLoginTests().registerApp(app, minimum: .level350)
            let pieter = DemoData.credentials[1]
            try await app.makeApplication().test(.router) { client in
                var walk = CodeLoginWalk(client: client, key: EmailCodeMethod.profile)
                _ = try await walk.passPassword(as: pieter)
                let first = try await latestCode(to: pieter.email, in: app)
                let tooSoon = try await walk.post(["step": "resend"]).formError
                #expect(tooSoon == "You can ask for a new code in 60 seconds.")
                clock.advance(by: 11 * 60)
                #expect(try await walk.submitCode(first).formError == "This security code has expired. Ask for a new code.")
                let resent = try await walk.post(["step": "resend"])
                #expect(resent.text.contains("A new code has been sent. Only the newest code is valid."))
                let second = try await latestCode(to: pieter.email, in: app)
                let wrong = second == "000000" ? "111111" : "000000"
                for _ in 0..<4 { _ = try await walk.submitCode(wrong) }
                #expect(try await walk.submitCode(wrong).formError == "Too many wrong codes: this code no longer works. Ask for a new code.")
                // The guard now imposes a wait, and even the right code is not checked while it runs.
                #expect(try await walk.submitCode(second).formError == "Too many failed attempts. Try again in 30 seconds.")
                clock.advance(by: 61)
                #expect(try await walk.submitCode(second).formError == "Too many wrong codes: this code no longer works. Ask for a new code.")
            }
            #expect(try await OutboxMessage.query(on: app.database.db).count() == 2, "one message per send, never more")
        }
    }

    @Test("with an authenticator app: a valid code logs her in at Level400; the same code, or an older one, never works again")
    func authenticatorApp() async throws {
        let clock = TestClock(Date(timeIntervalSince1970: 1_800_000_000))
        try await withProduct(clock: clock) { app in
            _ = try await app.gateway.seedDemoData()
            _ = try await GatewayLoginTests().registerApp(app, minimum: .level400)
            let lena = DemoData.credentials[2]
            let totp = TOTP(secret: try #require(Base32.decode(lena.totpSecret)))
            let now = totp.step(at: clock.now)
            try await app.makeApplication().test(.router) { client in
                var walk = CodeLoginWalk(client: client, key: TOTPMethod.profile)
                _ = try await walk.passPassword(as: lena)
                #expect(try await walk.submitCode(totp.code(step: now - 3)).formError == "The security code is incorrect.")
                // One step of drift is accepted.
                #expect(try await walk.submitCode(totp.code(step: now - 1)).isRedirectToApplication)
                var again = CodeLoginWalk(client: client, key: TOTPMethod.profile)
                _ = try await again.passPassword(as: lena)
                #expect(try await again.submitCode(totp.code(step: now - 1)).formError == "This code has already been used. Wait for the next code in your app.")
                #expect(try await again.submitCode(totp.code(step: now)).isRedirectToApplication)
            }
            #expect(try await AuditEvent.query(on: app.database.db).filter(\.$kind == .codeReplay).count() == 1)
        }
    }

    @Test("with a token card: one position at random, never the same twice in a row; the right code logs in at Level300")
    func tokenCard() async throws {
        try await withProduct { app in
            _ = try await app.gateway.seedDemoData()
            _ = try await GatewayLoginTests().registerApp(app, minimum: .level300)
            let emma = DemoData.credentials[4]
            try await app.makeApplication().test(.router) { client in
                var last: Int?
                for _ in 0..<4 {
                    var walk = CodeLoginWalk(client: client, key: TokenCardMethod.profile)
                    let page = try await walk.passPassword(as: emma)
                    let position = try #require(Int(page.text.components(separatedBy: "id=\"token-position\">").last?.prefix { $0.isNumber } ?? ""))
                    #expect((1...24).contains(position) && position != last)
                    let other = emma.tokenCard[position % 24]
                    if other != emma.tokenCard[position - 1] {
                        #expect(try await walk.submitCode(other).formError == "The security code is incorrect.")
                    }
                    #expect(try await walk.submitCode(emma.tokenCard[position - 1]).isRedirectToApplication)
                    last = position
                }
            }
            let hashes = try await TokenCardCode.query(on: app.database.db).all().map(\.codeHash)
            #expect(!hashes.contains { hash in DemoData.credentials.contains { $0.tokenCard.contains(hash) } }, "codes are stored hashed")
        }
    }

    @Test("a key the person does not hold is refused after the password; an unused token card is deactivated after the configured time")
    func keyNotHeld() async throws {
        let clock = TestClock()
        try await withProduct(clock: clock) { app in
            _ = try await app.gateway.seedDemoData()
            _ = try await GatewayLoginTests().registerApp(app, minimum: .level300)
            let marc = DemoData.credentials[3]
            let personID = try #require(try await PeopleDirectory(database: app.database).personID(username: marc.username))
            #expect(try await app.gateway.personKeys.remove(.totp, personID: personID))
            try await app.makeApplication().test(.router) { client in
                var walk = CodeLoginWalk(client: client, key: TOTPMethod.profile)
                let refused = try await walk.passPassword(as: marc).formError ?? ""
                #expect(refused.hasPrefix("This digital key is not activated for your account."))
                clock.advance(by: 366 * 86_400)
                var card = CodeLoginWalk(client: client, key: TokenCardMethod.profile)
                let deactivated = try await card.passPassword(as: marc).formError ?? ""
                #expect(deactivated.hasPrefix("Your token card has been deactivated"))
            }
            #expect(try await app.gateway.personKeys.list(personID: personID).first { $0.kind == "token" }?.status == "deactivated")
        }
    }
}

extension SecurityCodeLoginTests {
    @Test("activating e-mail codes without an e-mail address on record says so on the page, and records nothing")
    func emailKeyWithoutAddress() async throws {
        try await withProduct(configure: { $0.keyActivationLevel = .level300 }) { app in
            _ = try await app.gateway.seedDemoData()
            _ = try await GatewayLoginTests().registerApp(app, minimum: .level300)
            let marc = DemoData.credentials[3]
            let person = try #require(try await Person.query(on: app.database.db).filter(\.$nrn == marc.nrn).first())
            person.email = nil
            try await person.update(on: app.database.db)
            try await app.makeApplication().test(.router) { client in
                var walk = CodeLoginWalk(client: client, key: TokenCardMethod.profile)
                let page = try await walk.passPassword(as: marc)
                let position = try #require(Int(page.text.components(separatedBy: "id=\"token-position\">").last?.prefix { $0.isNumber } ?? ""))
                #expect(try await walk.submitCode(marc.tokenCard[position - 1]).isRedirectToApplication)
                let visitor = walk.visitor
                let csrf = try await client.execute(uri: "/fas/keys?lang=en", method: .get, headers: visitor.headers) { response in
                    visitor.remember(response)
                    return response.csrfToken ?? ""
                }
                let refused = try await client.execute(uri: "/fas/keys/email?lang=en", method: .post, headers: formHeaders + visitor.headers,
                                                       body: form(["_csrf": csrf])) { $0 }
                #expect(refused.status == .ok)
                #expect(refused.formError?.hasPrefix("No e-mail address is registered for your account.") == true)
            }
            let activated = try await AuditEvent.query(on: app.database.db).filter(\.$kind == AuditKind.keyActivated).count()
            #expect(activated == 0)
        }
    }
}

@Suite("Authenticator codes follow RFC 6238")
struct TOTPTests {
    /// RFC 6238 Appendix B, SHA-1 column: the 20-byte ASCII secret "12345678901234567890", 8 digits.
    @Test("the RFC's test vectors", arguments: [
        (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ])
    func vectors(time: TimeInterval, expected: String) {
        let totp = TOTP(secret: Data("12345678901234567890".utf8), digits: 8)
        #expect(totp.code(step: totp.step(at: Date(timeIntervalSince1970: time))) == expected)
        // Six digits are the last six of the same number, zero-padded.
        let six = TOTP(secret: Data("12345678901234567890".utf8))
        #expect(six.code(step: six.step(at: Date(timeIntervalSince1970: time))) == String(expected.suffix(6)))
    }

    @Test("base32 round trip, as apps show secrets (RFC 4648 vectors)")
    func base32() {
        #expect(Base32.encode(Data("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.encode(Data("f".utf8)) == "MY")
        #expect(Base32.decode("mzxw 6ytb oi======") == Data("foobar".utf8))
        #expect(Base32.decode("MZXW1") == nil)
    }

    @Test("the provisioning URI carries the secret, issuer and parameters, and fits a QR code")
    func provisioning() throws {
        let totp = TOTP(secret: Data("12345678901234567890".utf8))
        let uri = totp.provisioningURI(account: "sophie.dubois", issuer: "PersoPoint")
        #expect(uri == "otpauth://totp/PersoPoint:sophie.dubois?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=PersoPoint&algorithm=SHA1&digits=6&period=30")
        let qr = try #require(QRCode(uri))
        #expect(qr.width >= 21 && qr.dark.contains(true))
        #expect(qr.svg(title: "QR <code>").contains("<title id=\"qr-title\">QR &lt;code&gt;</title>"))
    }
}
