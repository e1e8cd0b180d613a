@testable import DevelopmentPKI
import FluentKit
import Foundation
@testable import Gateway
import HTTPTypes
import HummingbirdTesting
@testable import Messaging
import PersoCore
@testable import PersoPointServer
import Testing

/// "My password": Emma, who holds an eID card and a token card, creates her username and password after an eID
/// login, logs in with them, changes her password after a fresh code login, and is told why a weak one is refused.
/// The eID login is the real one behind a reverse proxy: a development-PKI card forwarded in the proxy's header
/// from a trusted address, over a live connection.
@Suite(.serialized) struct MyPasswordTests {
    static let english = AccountTexts.english
    let emma = DemoData.credentials[4]

    /// A product on a live port, with a development PKI that knows Emma's card, and that card's PEM.
    func withEIDProduct(clock: TestClock, _ body: @Sendable (PersoPointApp, any TestClientProtocol, String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("persopoint-password-\(UUID().uuidString)")
        let pki = DevelopmentPKI(dataDirectory: directory.path)
        try pki.initialise()
        // The responder named in the card is closed: soft-fail lets the card in, as a deployment may choose.
        let card = try pki.issueCard(nrn: emma.nrn, givenName: emma.givenName, surname: emma.surname, ocspURL: "http://127.0.0.1:9/pki/ocsp")
        let pem = try String(contentsOfFile: card.certificate, encoding: .utf8)
        try await withProduct(clock: clock, configure: { configuration in
            configuration.dataDirectory = directory.path
            configuration.cardReader.port = nil
            configuration.cardReader.trustedProxies = ["127.0.0.1", "::1"]
            configuration.cardReader.revocationHardFail = false
        }) { app in
            _ = try await app.gateway.seedDemoData()
            try await app.makeApplication().test(.live) { client in
                try await body(app, client, pem)
            }
        }
    }

    /// Follows `start` to the key chooser, presents the card through the proxy, and follows the way back.
    func eIDLogin(_ browser: Browser, from start: String, pem: String) async throws -> TestResponse {
        _ = try await browser.follow(start)
        let transaction = String(browser.location.dropFirst("/fas/login?tx=".count).prefix { $0 != "&" })
        let insert = try await browser.get("/fas/login/eid?tx=\(transaction)")
        let marker = try #require(insert.text.range(of: "/eid/identify?attempt="))
        let attempt = String(insert.text[marker.upperBound...].prefix { $0 != "\"" && $0 != "&" })
        let escaped = try #require(pem.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let identified = try await browser.get("/eid/identify?attempt=\(attempt)", headers: [HTTPField.Name("X-SSL-Client-Cert")!: escaped])
        return try await browser.follow(try #require(identified.headers[.location]))
    }

    /// A login with the token card at a transaction the browser was sent to; returns the gateway's answer.
    func tokenLogin(_ browser: Browser, transaction: String, username: String, password: String) async throws -> TestResponse {
        let form = try await browser.get("/fas/login/token?tx=\(transaction)&lang=en")
        let csrf = try #require(form.csrfToken)
        let codePage = try await browser.post("/fas/login/token?lang=en", form: ["username": username, "password": password, "tx": transaction, "_csrf": csrf])
        let marker = try #require(codePage.text.range(of: "id=\"token-position\">"), "\(codePage.formError ?? codePage.text)")
        let position = try #require(Int(codePage.text[marker.upperBound...].prefix { $0.isNumber }))
        return try await browser.post("/fas/login/token?lang=en", form: ["step": "code", "code": emma.tokenCard[position - 1], "tx": transaction, "_csrf": csrf])
    }

    func setPassword(_ browser: Browser, username: String, password: String) async throws -> TestResponse {
        let page = try await browser.get("/fas/password?lang=en")
        return try await browser.post("/fas/password/set?lang=en", form: ["username": username, "password": password, "_csrf": page.csrfToken ?? ""])
    }

    @Test("after an eID login Emma chooses a username and password, is refused weak ones with the reason, and logs in with the new one and her token card")
    func createAfterEID() async throws {
        let clock = TestClock()
        try await withEIDProduct(clock: clock) { app, client, pem in
            // Emma was registered without a username and password: her eID is her only way in.
            let personID = try #require(try await PeopleDirectory(database: app.database).personID(username: emma.username))
            try await PasswordCredential.query(on: app.database.db).filter(\.$person.$id == personID).delete()
            let browser = Browser(client)
            let page = try await eIDLogin(browser, from: "/fas/password/strong-login", pem: pem)
            #expect(browser.location == "/fas/password")
            #expect(page.text.contains("id=\"set-password-form\"") && !page.text.contains("id=\"change-password-form\""))

            let refusals: [(String, PasswordPolicy.Refusal)] = [
                ("Password2024", .dictionaryWord), ("sunshine-2024", .dictionaryWord), ("Peeters-fietst-graag", .personalData),
                ("fiets-rood7", .tooShort), ("Zomer-\(emma.nrn)", .personalData), ("aaaaaaaaaaaaaaaa", .tooSimple),
            ]
            for (password, reason) in refusals {
                let refused = try await setPassword(browser, username: "Emma.P", password: password)
                #expect(refused.formError == Self.english.refusal(reason), "\(password)")
                #expect(refused.text.contains("value=\"Emma.P\"") && !refused.text.contains(password), "the username is kept, never the password")
            }
            #expect(try await setPassword(browser, username: "a", password: "Zomer-in-Gent-2024").formError == Self.english.usernameInvalid)
            #expect(try await setPassword(browser, username: "sophie.dubois", password: "Zomer-in-Gent-2024").formError == Self.english.usernameTaken)
            #expect(try await setPassword(browser, username: "x\" onfocus=\"alert(1)", password: "Zomer-in-Gent-2024").text.contains("value=\"x&quot; onfocus"))

            let saved = try await setPassword(browser, username: "Emma.P", password: "Zomer-in-Gent-2024")
            #expect(saved.status == .seeOther && saved.headers[.location] == "/fas/password?done=created")
            // The new username and password open her account, with her token card.
            let other = Browser(client)
            let back = try await tokenLogin(other, transaction: try await chooser(other, "/fas/password"), username: "emma.p", password: "Zomer-in-Gent-2024")
            #expect(back.headers[.location] == "/fas/password")
            let events = try await AuditEvent.query(on: app.database.db).filter(\.$kind == AuditKind.passwordCreated).all()
            #expect(events.count == 1 && events[0].success && events[0].personID == personID)
            let mail = try #require(try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == emma.email).first())
            #expect(mail.textBody.contains("emma.p"))
        }
    }

    @Test("a change needs her current password and a code login of the last 5 minutes; it is in her activity and announced by e-mail")
    func changeNeedsFreshCodeLogin() async throws {
        let clock = TestClock()
        try await withEIDProduct(clock: clock) { app, client, _ in
            let browser = Browser(client)
            let back = try await tokenLogin(browser, transaction: try await chooser(browser, "/fas/password"), username: emma.username, password: emma.password)
            #expect(back.headers[.location] == "/fas/password")
            let page = try await browser.get("/fas/password?lang=en")
            #expect(page.text.contains("id=\"change-password-form\""))
            // A code login is not enough to reset: the page offers the eID or itsme for that.
            #expect(page.text.contains("id=\"password-strong-login\"") && !page.text.contains("id=\"set-password-form\""))
            let forged = try await browser.post("/fas/password/set?lang=en", form: ["username": "emma.p", "password": "Zomer-in-Gent-2024", "_csrf": try #require(page.csrfToken)])
            #expect(forged.formError == Self.english.setNeedsStrongLogin, "posting the reset form anyway changes nothing")
            #expect(page.text.contains("src=\"/fas/password.js\"") && page.text.contains("data-toggles=\"changed-password\""))
            let csrf = try #require(page.csrfToken)
            let wrong = try await browser.post("/fas/password/change?lang=en", form: ["current": "not-my-password", "password": "Zomer-in-Gent-2024", "_csrf": csrf])
            #expect(wrong.formError == Self.english.wrongCurrentPassword)
            let same = try await browser.post("/fas/password/change?lang=en", form: ["current": emma.password, "password": emma.password, "_csrf": csrf])
            #expect(same.formError == Self.english.refusal(.sameAsOld))

            // Six minutes later the login is no longer fresh: the page asks for a new code login first.
            clock.advance(by: 6 * 60)
            let stale = try await browser.post("/fas/password/change?lang=en", form: ["current": emma.password, "password": "Zomer-in-Gent-2024", "_csrf": csrf])
            #expect(stale.formError == Self.english.loginTooOld)
            #expect(stale.text.contains("href=\"/fas/password/code-login\"") && !stale.text.contains("id=\"change-password-form\""))
            let again = try await tokenLogin(browser, transaction: try await chooser(browser, "/fas/password/code-login"), username: emma.username, password: emma.password)
            #expect(again.headers[.location] == "/fas/password")
            let fresh = try await browser.get("/fas/password?lang=en")
            let changed = try await browser.post("/fas/password/change?lang=en", form: [
                "current": emma.password, "password": "Zomer-in-Gent-2024", "_csrf": try #require(fresh.csrfToken),
            ])
            #expect(changed.headers[.location] == "/fas/password?done=changed")
            #expect(try await browser.get("/fas/password?done=changed&lang=en").text.contains(Self.english.changedNotice))

            let personID = try #require(try await PeopleDirectory(database: app.database).personID(username: emma.username))
            let events = try await AuditEvent.query(on: app.database.db).filter(\.$personID == personID).all()
            #expect(events.contains { $0.kind == .passwordChanged && $0.success })
            #expect(events.contains { $0.kind == .passwordChanged && !$0.success }, "the wrong current password is recorded too")
            let activity = try await browser.get("/fas/activity?lang=en")
            #expect(activity.text.contains(Self.english.passwordChangedEvent))
            let person = try #require(try await Person.find(personID, on: app.database.db))
            let mail = PasswordChangeMail.texts(for: person.preferredLanguage)
            let messages = try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == emma.email).all()
            #expect(messages.count == 1 && messages.first?.subject == mail.subject)
            #expect(messages.first?.textBody.contains(mail.notYou) == true)
            // The new password works, the old one no longer does.
            let next = Browser(client)
            let retry = try await tokenLogin(next, transaction: try await chooser(next, "/fas/password"), username: emma.username, password: "Zomer-in-Gent-2024")
            #expect(retry.headers[.location] == "/fas/password")
        }
    }

    @Test("a stranger guessing her username elsewhere does not stop Emma, logged in with a fresh code, from changing her password")
    func strangerDoesNotBlockTheChange() async throws {
        try await withEIDProduct(clock: TestClock()) { app, client, _ in
            let browser = Browser(client)
            _ = try await tokenLogin(browser, transaction: try await chooser(browser, "/fas/password"), username: emma.username, password: emma.password)
            let subject = BruteForceGuard.passwordSubject(username: emma.username)
            for _ in 0..<BruteForceGuard.lockAfter { try await app.gateway.guardian.recordFailure(subject: subject, ip: "203.0.113.66") }
            #expect(try await app.gateway.guardian.verdict(subject: subject, ip: nil) == .locked, "the username is locked for the world")
            let page = try await browser.get("/fas/password?lang=en")
            let changed = try await browser.post("/fas/password/change?lang=en", form: [
                "current": emma.password, "password": "Zomer-in-Gent-2024", "_csrf": try #require(page.csrfToken),
            ])
            #expect(changed.headers[.location] == "/fas/password?done=changed")
        }
    }

    @Test("removing a key asks first, on a page of its own; Keep goes back, Remove removes")
    func keyRemovalAsksFirst() async throws {
        let clock = TestClock()
        try await withEIDProduct(clock: clock) { app, client, _ in
            let browser = Browser(client)
            _ = try await tokenLogin(browser, transaction: try await chooser(browser, "/fas/keys"), username: emma.username, password: emma.password)
            let keys = try await browser.get("/fas/keys?lang=en")
            #expect(keys.text.contains("href=\"/fas/password\""), "My digital keys links to My password")
            let question = try await browser.get("/fas/keys/remove?kind=totp&lang=en")
            #expect(question.text.contains(TOTPMethod.profile.names(.en).removeQuestion))
            #expect(question.text.contains("id=\"remove-key-keep\" class=\"button secondary\" href=\"/fas/keys\""))
            let personID = try #require(try await PeopleDirectory(database: app.database).personID(username: emma.username))
            #expect(try await app.gateway.personKeys.keys(of: personID)[.totp] != nil, "asking removes nothing")
            let removed = try await browser.post("/fas/keys/remove", form: ["kind": "totp", "_csrf": try #require(question.csrfToken)])
            #expect(removed.headers[.location] == "/fas/keys?done=removed")
            #expect(try await app.gateway.personKeys.keys(of: personID)[.totp] == nil)
            #expect(try await browser.get("/fas/keys/remove?kind=nonsense&lang=en").status == .badRequest)
        }
    }

    /// Opens a gateway page that needs a login and returns the login transaction it started.
    func chooser(_ browser: Browser, _ path: String) async throws -> String {
        _ = try await browser.follow(path)
        #expect(browser.location.hasPrefix("/fas/login?tx="))
        return String(browser.location.dropFirst("/fas/login?tx=".count).prefix { $0 != "&" })
    }

    @Test("the policy's own checks: length in code points, names without accents, the birth date, a dictionary word behind digits")
    func policy() {
        let owner = PasswordPolicy.Owner(username: "emma.p", givenName: "Émilie", surname: "Van den Berg", nrn: "01051729670")
        #expect(PasswordPolicy.check("ééééé-ààààà", old: nil, owner: owner) == .tooShort, "11 code points, 21 bytes")
        #expect(PasswordPolicy.check("Brücke-über-die-Maas", old: nil, owner: owner) == nil)
        #expect(PasswordPolicy.check("velo-rouge-namur", old: nil, owner: owner) == nil)
        #expect(PasswordPolicy.check("emilie-aime-le-velo", old: nil, owner: owner) == .personalData)
        #expect(PasswordPolicy.check("vandenberg-is-mijn-naam", old: nil, owner: owner) == .personalData)
        #expect(PasswordPolicy.check("geboren-010517-gent", old: nil, owner: owner) == .personalData)
        #expect(PasswordPolicy.check("football2024!!", old: nil, owner: owner) == .dictionaryWord)
        #expect(PasswordPolicy.check("correct horse battery staple", old: nil, owner: owner) == nil)
        #expect(PasswordPolicy.check(String(repeating: "ab-cd ", count: 22), old: nil, owner: owner) == .tooLong)
        #expect(PasswordPolicy.check("tab\there-is-long", old: nil, owner: owner) == .unusableCharacters)
    }
}
