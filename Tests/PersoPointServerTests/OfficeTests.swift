import FluentKit
import Foundation
@testable import Gateway
import HTTPTypes
import HummingbirdTesting
import Messaging
@testable import PersoCore
@testable import PersoPointServer
@testable import RegistrationOffice
import Testing

/// The registration office in process: Nadia books, Emma (a registration officer at BOSA, logged in with a Level450
/// key of the tests) registers her with her passport, and Nadia activates a token card with the letter and the link.
@Suite("The registration office: appointments, registration and activation")
struct OfficeTests {
    let sophie = DemoData.credentials[0]
    let marc = DemoData.credentials[3]
    let emma = DemoData.credentials[4]
    static let strongPassword = "Kw8!meadow-Orbit-Tulip"

    /// The product with its demo data and the tests' Level450 key, which every demo person holds.
    func withOffice(clock: TestClock = TestClock(), _ body: @escaping @Sendable (PersoPointApp, any TestClientProtocol) async throws -> Void) async throws {
        let gateway = InProcessGateway()
        try await withProduct(clock: clock, gateway: gateway, extraKeys: [{ FixedCodeKey.strong(services: $0) }]) { app in
            _ = try await app.seedDemoData()
            try await app.makeApplication().test(.router) { client in
                gateway.connect(client)
                try await body(app, client)
            }
        }
    }

    /// Follows `start` to the key chooser and logs in with the tests' Level450 key; returns the page it leads back to.
    func logInStrongly(_ browser: Browser, as person: DemoData.Credentials, at start: String) async throws -> TestResponse {
        _ = try await browser.follow(start)
        #expect(browser.location.hasPrefix("/fas/login?tx="))
        let transaction = String(browser.location.split(separator: "tx=").last?.prefix { $0 != "&" } ?? "")
        let form = try await browser.get("/fas/login/\(FixedCodeKey.strongIdentifier.rawValue)?tx=\(transaction)")
        let csrf = try #require(form.csrfToken)
        let proven = try await browser.post("/fas/login/\(FixedCodeKey.strongIdentifier.rawValue)",
                                            form: ["tx": transaction, "_csrf": csrf, "username": person.username, "code": FixedCodeKey.code])
        #expect(proven.status == .seeOther)
        return try await browser.follow(try #require(proven.headers[.location]))
    }

    /// Books the first free slot at BOSA's office; the appointment page's address.
    func book(_ browser: Browser, surname: String, email: String) async throws -> (location: String, slot: String) {
        let page = try await browser.get("/office/bosa/book?lang=en")
        let slot = try #require(page.text.firstMatch(of: /name="slot" value="([^"]+)"/)?.1).description
        let booked = try await browser.post("/office/bosa/book", form: [
            "_csrf": try #require(page.csrfToken), "slot": slot, "given_name": "Nadia", "surname": surname, "email": email, "document": "passport",
        ])
        #expect(booked.status == .seeOther)
        return (try #require(booked.headers[.location]), slot)
    }

    /// Registers a person from Emma's desk; the response (the letter, or the form again).
    func register(_ browser: Browser, nrn: String, surname: String, email: String, expiry: String, appointment: String? = nil) async throws -> TestResponse {
        let form = try await browser.get("/office/desk/register" + (appointment.map { "?appointment=\($0)" } ?? ""))
        var fields = ["_csrf": try #require(form.csrfToken), "nrn": nrn, "given_name": "Nadia", "surname": surname, "language": "en",
                      "email": email, "organisation": "bosa", "document_type": "passport", "document_number": "EM123456", "document_country": "FR",
                      "document_expiry": expiry, "key_token": "1"]
        if let appointment { fields["appointment"] = appointment }
        return try await browser.post("/office/desk/register", form: fields)
    }

    func activationLink(_ app: PersoPointApp, to email: String) async throws -> String {
        let mail = try #require(try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == email)
            .filter(\.$idempotencyKey ~~ "office-activation:").sort(\.$createdAt, .descending).first())
        return String(try #require(mail.textBody.firstMatch(of: /\/office\/activate\/[A-Za-z0-9_-]+/)?.0))
    }

    func code(of letter: TestResponse) throws -> String {
        String(try #require(letter.text.firstMatch(of: /id="activation-code">([A-Z0-9-]+)</)?.1))
    }

    static let nadia = NationalRegisterNumber.make(year: 1994, month: 2, day: 11, serial: 123).digits
    static let farid = NationalRegisterNumber.make(year: 1988, month: 9, day: 3, serial: 61).digits

    func inAYear(_ clock: TestClock) -> String { FederalCalendar.Day(clock.now.addingTimeInterval(365 * 86_400)).description }

    @Test("Nadia books; Emma registers her with a passport (an expired one is refused) and prints the letter; the code and the e-mailed link activate her token card once")
    func bookRegisterActivate() async throws {
        let clock = TestClock()
        try await withOffice(clock: clock) { app, client in
            let nadiaBrowser = Browser(client)
            let (appointmentPage, slot) = try await book(nadiaBrowser, surname: "Haddad", email: "nadia.haddad@example.be")
            let confirmation = try await nadiaBrowser.follow(appointmentPage)
            #expect(confirmation.text.contains("id=\"calendar\""))
            let mail = try #require(try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == "nadia.haddad@example.be").first())
            #expect(mail.attachments.first?.filename == "appointment.ics")
            #expect(String(decoding: mail.attachments[0].content, as: UTF8.self).contains("BEGIN:VEVENT"))

            let emmaBrowser = Browser(client)
            let day = String(slot.prefix(10))
            let agenda = try await logInStrongly(emmaBrowser, as: emma, at: "/office/desk?day=\(day)&lang=en")
            #expect(agenda.status == .ok)
            #expect(agenda.text.contains("Nadia Haddad"))
            let appointment = String(try #require(agenda.text.firstMatch(of: /data-appointment="([0-9A-F-]+)"[^<]*<td[^>]*>[^<]*<\/td><td[^>]*>Nadia Haddad/)?.1))

            let expired = try await register(emmaBrowser, nrn: Self.nadia, surname: "Haddad", email: "nadia.haddad@example.be",
                                             expiry: FederalCalendar.Day(clock.now).adding(days: -1).description, appointment: appointment)
            #expect(expired.status == .unprocessableContent)
            #expect(expired.text.contains("This document has expired"))
            #expect(expired.text.contains("value=\"Haddad\""), "what the officer typed is kept")

            let letter = try await register(emmaBrowser, nrn: Self.nadia, surname: "Haddad", email: "nadia.haddad@example.be", expiry: inAYear(clock),
                                            appointment: appointment)
            #expect(letter.status == .ok)
            let code = try code(of: letter)
            let again = try await register(emmaBrowser, nrn: Self.nadia, surname: "Haddad", email: "nadia.haddad@example.be", expiry: inAYear(clock))
            #expect(again.status == .unprocessableContent && again.text.contains("id=\"existing-person\""), "registered once")

            let link = try await activationLink(app, to: "nadia.haddad@example.be")
            let activation = try await nadiaBrowser.get(link + "?lang=en")
            #expect(activation.status == .ok)
            // The link is a secret in the address: no Referer leaves with it, said once (the page's own and the shell's).
            #expect(activation.headers[values: HTTPField.Name("Referrer-Policy")!] == ["no-referrer"])
            let csrf = try #require(activation.csrfToken)
            let wrong = try await nadiaBrowser.post(link, form: ["_csrf": csrf, "code": "AAAA-BBBB-CCCC", "username": "nadia.haddad",
                                                                 "password": Self.strongPassword, "password_again": Self.strongPassword])
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("4 more tries"))
            let weak = try await nadiaBrowser.post(link, form: ["_csrf": csrf, "code": code.lowercased().replacingOccurrences(of: "-", with: " "),
                                                                "username": "nadia.haddad", "password": "password1234", "password_again": "password1234"])
            #expect(weak.status == .unprocessableContent, "the gateway's password rules hold; the letter is not spent")
            let done = try await nadiaBrowser.post(link, form: ["_csrf": csrf, "code": code, "username": "nadia.haddad",
                                                                "password": Self.strongPassword, "password_again": Self.strongPassword])
            #expect(done.status == .ok)
            #expect(done.text.contains("id=\"activated\""))
            #expect(done.text.matches(of: /class="token-code"/).count == 24)
            let used = try await nadiaBrowser.post(link, form: ["_csrf": csrf, "code": code, "username": "nadia.haddad",
                                                                "password": Self.strongPassword, "password_again": Self.strongPassword])
            #expect(used.status == .gone && used.text.contains("id=\"activation-gone\""))

            let person = try #require(try await app.gateway.registrationAuthority.person(nrn: NationalRegisterNumber(Self.nadia)))
            let personID = try person.requireID()
            #expect(try await app.gateway.personKeys.holdsActive(.token, personID: personID))
            #expect(try await app.gateway.registrationAuthority.username(of: personID) == "nadia.haddad")

            // The officer's actions, with her name and office, in the audit log and in Nadia's own activity.
            let emmaID = try #require(try await app.gateway.registrationAuthority.person(nrn: NationalRegisterNumber(emma.nrn))?.id)
            let registered = try #require(try await AuditEvent.query(on: app.database.db).filter(\.$personID == personID)
                .filter(\.$kind == .personRegistered).first())
            #expect(registered.performedBy == .office(code: "bosa", name: "BOSA – Bureau d’enregistrement / Registratiekantoor", officer: emmaID))
            let activity = try await app.gateway.registrationAuthority.activity(of: personID, language: .en)
            #expect(activity.contains { $0.what == "Registered by the registration office BOSA – Bureau d’enregistrement / Registratiekantoor" })
            #expect(activity.contains { $0.what.hasPrefix("Keys activated with the activation code") })
            let personPage = try await emmaBrowser.get("/office/desk/people/\(personID.uuidString.lowercased())?lang=en")
            #expect(personPage.text.contains("Passport EM123456 (FR)"))
            #expect(personPage.text.contains("id=\"activity\""))
            let attended = try await emmaBrowser.get("/office/desk?day=\(day)&lang=en")
            #expect(attended.text.contains("Registered"))
        }
    }

    @Test("the back-office is for registration officers at Level450: a visitor is sent to log in, a token-card session to a stronger login, Marc is refused")
    func onlyOfficers() async throws {
        try await withOffice { _, client in
            let visitor = try await Browser(client).get("/office/desk")
            #expect(visitor.status == .seeOther && visitor.headers[.location]?.hasPrefix("/fas/login?tx=") == true)

            let sophieBrowser = Browser(client)
            _ = try await sophieBrowser.logIn(as: sophie, at: "/selfservice")
            let weaker = try await sophieBrowser.get("/office/desk")
            #expect(weaker.status == .seeOther && weaker.headers[.location]?.hasPrefix("/fas/login?tx=") == true, "a token card is not enough")
            let chooser = try await sophieBrowser.follow(try #require(weaker.headers[.location]))
            #expect(chooser.text.contains("id=\"key-token\" class=\"key disabled\""), "only eID, itsme (and the tests' strong key) are offered")

            let marcBrowser = Browser(client)
            let refused = try await logInStrongly(marcBrowser, as: marc, at: "/office/desk?lang=en")
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("id=\"not-officer\""))
            let csrf = try #require(try await marcBrowser.get("/office/bosa/book").csrfToken)
            let post = try await marcBrowser.post("/office/desk/register", form: ["_csrf": csrf, "nrn": Self.nadia])
            #expect(post.status == .forbidden, "nor can he post the form")
        }
    }

    @Test("an activation letter is refused after 14 days, with another person's link, and after five guesses; a new letter replaces the old")
    func activationMisuse() async throws {
        let clock = TestClock()
        try await withOffice(clock: clock) { app, client in
            let emmaBrowser = Browser(client)
            _ = try await logInStrongly(emmaBrowser, as: emma, at: "/office/desk")
            let nadiaCode = try code(of: try await register(emmaBrowser, nrn: Self.nadia, surname: "Haddad", email: "nadia@example.be", expiry: inAYear(clock)))
            let faridLetter = try await register(emmaBrowser, nrn: Self.farid, surname: "Benali", email: "farid@example.be", expiry: inAYear(clock))
            _ = try code(of: faridLetter)
            let nadiaLink = try await activationLink(app, to: "nadia@example.be")
            let faridLink = try await activationLink(app, to: "farid@example.be")
            let visitor = Browser(client)
            let csrf = try #require(try await visitor.get(faridLink).csrfToken)
            func attempt(_ link: String, _ code: String) async throws -> TestResponse {
                try await visitor.post(link, form: ["_csrf": csrf, "code": code, "username": "someone", "password": Self.strongPassword,
                                                    "password_again": Self.strongPassword])
            }
            #expect(try await attempt(faridLink, nadiaCode).status == .unprocessableContent, "Nadia's code does not open Farid's link")
            for _ in 0..<3 { #expect(try await attempt(faridLink, "ZZZZ-ZZZZ-ZZZZ").status == .unprocessableContent) }
            let blocked = try await attempt(faridLink, "ZZZZ-ZZZZ-ZZZZ")
            #expect(blocked.status == .gone, "the fifth wrong code blocks the letter")
            #expect(try await visitor.get(faridLink).status == .gone)

            // Nadia's letter, fifteen days later: too old. The office prints her a new one, which works; the old link stays dead.
            clock.advance(by: 15 * 86_400)
            let tooOld = try await visitor.get(nadiaLink + "?lang=en")
            #expect(tooOld.status == .gone && tooOld.text.contains("valid for 14 days"))
            let nadiaID = try #require(try await app.gateway.registrationAuthority.person(nrn: NationalRegisterNumber(Self.nadia))?.id)
            _ = try await logInStrongly(emmaBrowser, as: emma, at: "/office/desk")
            let page = try await emmaBrowser.get("/office/desk/people/\(nadiaID.uuidString.lowercased())")
            let reissued = try await emmaBrowser.post("/office/desk/people/\(nadiaID.uuidString.lowercased())/activation",
                                                      form: ["_csrf": try #require(page.csrfToken), "key_email": "1"])
            let newCode = try code(of: reissued)
            let newLink = try await activationLink(app, to: "nadia@example.be")
            #expect(newLink != nadiaLink)
            let fresh = try #require(try await visitor.get(newLink).csrfToken)
            let done = try await visitor.post(newLink, form: ["_csrf": fresh, "code": newCode, "username": "nadia", "password": Self.strongPassword,
                                                              "password_again": Self.strongPassword])
            #expect(done.status == .ok)
            #expect(try await app.gateway.personKeys.holdsActive(.email, personID: nadiaID))
        }
    }

    @Test("Emma, administrator of BOSA's office, closes a day and makes Marc an officer: the day is no longer offered, Marc opens the agenda but not the settings")
    func administratorSettings() async throws {
        try await withOffice { app, client in
            let emmaBrowser = Browser(client)
            let settings = try await logInStrongly(emmaBrowser, as: emma, at: "/office/desk/settings?lang=en")
            #expect(settings.status == .ok && settings.text.contains("id=\"settings-form\""))
            let closed = FederalCalendar.workingDay(1, after: FederalCalendar.Day(Date()))
            var fields = ["_csrf": try #require(settings.csrfToken), "name": "BOSA – Registration office", "address": "Boulevard Simon Bolivar 30, 1000 Brussels",
                          "language_fr": "1", "language_nl": "1", "closed_days": closed.description, "slot_minutes": "30", "capacity": "2"]
            for day in 0..<5 { fields["day_\(day)"] = "09:00-12:00" }
            let unreadable = try await emmaBrowser.post("/office/desk/settings", form: fields.merging(["day_0": "9h-noon"]) { $1 })
            #expect(unreadable.status == .unprocessableContent && unreadable.text.contains("value=\"9h-noon\""))
            let saved = try await emmaBrowser.post("/office/desk/settings", form: fields)
            #expect(saved.headers[.location] == "/office/desk/settings?done=saved")
            let booking = try await Browser(client).get("/office/bosa/book")
            #expect(!booking.text.contains("value=\"\(closed.description)T"), "the closed day offers no time")
            #expect(!booking.text.contains("T13:00\""), "afternoons are closed now")

            let staff = try await emmaBrowser.post("/office/desk/settings/staff", form: ["_csrf": try #require(settings.csrfToken), "nrn": marc.nrn])
            #expect(staff.headers[.location] == "/office/desk/settings?done=added")
            let marcBrowser = Browser(client)
            let agenda = try await logInStrongly(marcBrowser, as: marc, at: "/office/desk?lang=en")
            #expect(agenda.status == .ok, "Marc now holds the role and works at the office")
            #expect(try await marcBrowser.get("/office/desk/settings").status == .forbidden, "but does not administer it")
            let marcID = try #require(try await app.gateway.registrationAuthority.person(nrn: NationalRegisterNumber(marc.nrn))?.id)
            #expect(try await AuditEvent.query(on: app.database.db).filter(\.$personID == marcID).filter(\.$kind == .roleGranted).count() == 1)
            // Taken off the staff again: the role goes with the office, and Marc is refused at the desk.
            let emmaPage = try await emmaBrowser.get("/office/desk/settings")
            let removed = try await emmaBrowser.post("/office/desk/settings/staff", form: ["_csrf": try #require(emmaPage.csrfToken), "nrn": marc.nrn,
                                                                                         "action": "remove"])
            #expect(removed.headers[.location] == "/office/desk/settings?done=removed")
            #expect(try await !app.gateway.registrationAuthority.roles(of: marcID).contains { $0.role == .registrationOfficer })
            #expect(try await AuditEvent.query(on: app.database.db).filter(\.$personID == marcID).filter(\.$kind == .roleRevoked).count() == 1)
            #expect(try await marcBrowser.get("/office/desk").status == .forbidden)
        }
    }
}
