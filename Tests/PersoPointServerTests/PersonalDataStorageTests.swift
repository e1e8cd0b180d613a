import FluentKit
import Foundation
@testable import Messaging
@testable import Gateway
import HTTPTypes
@testable import PersoCore
@testable import PersoPointServer
@testable import SelfService
import Testing

/// Runs on SQLite, and on PostgreSQL too when the test command provides one (`--filter Storage`).
@Suite("PersoSelfService's personal data Storage", .serialized)
struct PersonalDataStorageTests {
    func fields(_ values: [String: String]) -> PersonalDataForm {
        PersonalDataForm(fields: FormFields(values))
    }

    @Test("changes are kept with their history; a new e-mail waits for its own link", arguments: TestDatabases.all)
    func historyAndConfirmation(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock) { app in
            let me = "person-\(UUID().uuidString)", someoneElse = "person-\(UUID().uuidString)"
            let store = PersonalDataStore(database: app.database, outbox: app.messaging.outbox, clock: { clock.now })
            // The link goes by e-mail, through the outbox, in the same transaction as the pending address.
            func apply(_ form: PersonalDataForm) async throws -> PersonalDataStore.Outcome {
                try await store.apply(form, subject: me, mails: .init(
                    confirmation: { address, token in
                        EmailConfirmationMail.texts(for: .fr).message(to: address, name: "Sophie Dubois", link: "https://persopoint.example.be/confirm?token=" + token, language: .fr)
                    },
                    paymentChange: { address, date, iban in
                        PaymentChangeNotice.texts(for: .fr).message(to: address, name: "Sophie Dubois", at: date, iban: iban, language: .fr)
                    },
                    workEmail: "sophie.dubois@bosa.example.be"))
            }
            let first = fields(["street": "Rue de la Loi 16", "postal_code": "1000", "municipality": "Bruxelles",
                                "phone": "+32 2 740 74 74", "iban": "be68 5390 0754 7034", "private_email": "Me@Example.be"])
            #expect(first.isValid)
            let outcome = try await apply(first)
            #expect(Set(outcome.applied) == [.street, .postalCode, .municipality, .country, .phone, .iban])
            let token = try #require(outcome.confirmationToken)
            let mails = try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == "me@example.be").all()
            #expect(mails.count == 1 && mails.first?.textBody.contains("https://persopoint.example.be/confirm?token=" + token) == true)
            // A new bank account is told to the work address (the private one is not confirmed yet), by its end only.
            let notices = try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == "sophie.dubois@bosa.example.be").all()
            #expect(notices.count == 1 && notices.first?.textBody.contains("7034") == true)
            #expect(notices.first?.textBody.contains("BE68539007547034") == false)
            var details = try #require(try await store.details(of: me))
            #expect(details.iban == "BE68539007547034" && details.country == "BE" && details.privateEmail == nil)
            #expect(try await store.pendingEmail(of: me) == "me@example.be")

            // The same form again changes nothing and sends no second link.
            clock.advance(by: 60)
            let again = try await apply(first)
            #expect(again.applied.isEmpty && again.confirmationToken == nil)
            #expect(try await store.history(of: me).count == 6)

            // Someone else's session cannot use my link; mine can, once.
            #expect(try await store.confirmEmail(token: token, subject: someoneElse) == nil)
            #expect(try await store.confirmEmail(token: token, subject: me) == "me@example.be")
            #expect(try await store.confirmEmail(token: token, subject: me) == nil)
            details = try #require(try await store.details(of: me))
            #expect(details.privateEmail == "me@example.be")

            clock.advance(by: 60)
            _ = try await apply(fields(["street": "Rue de la Loi 16", "postal_code": "1000", "municipality": "Bruxelles",
                                        "phone": "", "iban": "BE68539007547034", "private_email": "me@example.be"]))
            let history = try await store.history(of: me)
            #expect(history.first?.field == "phone" && history.first?.oldValue == "+32 2 740 74 74" && history.first?.newValue == nil)
            #expect(history.count == 8)

            // An expired link is worth nothing and is purged.
            let late = try #require(try await apply(fields(["private_email": "new@example.be", "street": "Rue de la Loi 16",
                                                             "postal_code": "1000", "municipality": "Bruxelles", "iban": "BE68539007547034"])).confirmationToken)
            clock.advance(by: PersonalDataStore.confirmationLifetime + 1)
            #expect(try await store.confirmEmail(token: late, subject: me) == nil)
            #expect(try await store.purgeExpired() >= 1)
        }
    }

    @Test("going back to no private address withdraws the link still waiting for a new one", arguments: TestDatabases.all)
    func withdrawnConfirmation(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let me = "person-\(UUID().uuidString)"
            let store = PersonalDataStore(database: app.database, outbox: app.messaging.outbox, clock: { Date() })
            let mail: @Sendable (String, String) -> EmailMessage = { address, token in
                EmailConfirmationMail.texts(for: .en).message(to: address, name: "Sophie Dubois", link: "https://persopoint.example.be/c?token=" + token, language: .en)
            }
            let token = try #require(try await store.apply(fields(["private_email": "new@example.be"]), subject: me, mails: .init(confirmation: mail, paymentChange: { _, _, _ in fatalError("no payment change here") }, workEmail: nil)).confirmationToken)
            #expect(try await store.pendingEmail(of: me) == "new@example.be")
            _ = try await store.apply(fields(["private_email": ""]), subject: me, mails: .init(confirmation: mail, paymentChange: { _, _, _ in fatalError("no payment change here") }, workEmail: nil))
            #expect(try await store.pendingEmail(of: me) == nil)
            #expect(try await store.confirmEmail(token: token, subject: me) == nil, "the withdrawn link no longer works")
        }
    }

    @Test("what a person types is checked: address parts together, Belgian postal codes, phone, e-mail, IBAN check digits")
    func validation() {
        #expect(fields(["street": "Rue Haute 1"]).problems == [.postalCode: .requiredForAddress, .municipality: .requiredForAddress])
        #expect(fields(["street": "Rue Haute 1", "postal_code": "100", "municipality": "Bruxelles"]).problems == [.postalCode: .postalCode])
        #expect(fields(["street": "Damrak 1", "postal_code": "1012 LG", "municipality": "Amsterdam", "country": "nl"]).isValid)
        #expect(fields(["phone": "02 740 74 74"]).isValid)
        #expect(fields(["phone": "12+34"]).problems == [.phone: .phone])
        #expect(fields(["private_email": "not an address"]).problems == [.privateEmail: .email])
        #expect(fields(["iban": "BE68 5390 0754 7035"]).problems == [.iban: .iban])
        #expect(fields(["iban": "NL91 ABNA 0417 1643 00"]).isValid)
        #expect(fields(["iban": "BE68 5390 0754 703"]).problems == [.iban: .iban], "a Belgian IBAN has 16 characters")
        #expect(fields(["street": String(repeating: "a", count: 121), "postal_code": "1000", "municipality": "X"]).problems[.street] == .tooLong)
        #expect(IBAN("be68539007547034")?.printed == "BE68 5390 0754 7034")
    }
}

@Suite("Sophie keeping her personal data up to date")
struct PersonalDataPageTests {
    @Test("a wrong IBAN is explained in her language; a sound change is saved, shown in the history, and the e-mail waits for its link")
    func changeThroughThePage() async throws {
        try await withSelfService { app, client in
            let browser = Browser(client)
            let page = try await browser.logIn(as: DemoData.credentials[0], at: "/selfservice/personal?lang=fr")
            #expect(page.text.contains("Aucune modification pour l’instant."))
            let token = try #require(page.csrfToken)
            let wrong = try await browser.post("/selfservice/personal", form: ["_csrf": token, "iban": "BE68 5390 0754 7035"])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("Cet IBAN n’est pas valable"))
            #expect(wrong.text.contains("aria-invalid=\"true\""))
            #expect(wrong.text.contains("value=\"BE68 5390 0754 7035\""), "what she typed is kept")
            // (A new bank account asks for a fresh stronger login first: PaymentChangeTests.)
            let sound = try await browser.post("/selfservice/personal", form: ["_csrf": token, "phone": "+32 2 740 74 74", "private_email": "sophie@prive.be"])
            #expect(sound.headers[.location] == "/selfservice/personal?done=saved")
            let after = try await browser.get("/selfservice/personal?done=saved")
            #expect(after.text.contains("Vos modifications ont été enregistrées."))
            #expect(after.text.contains("<td>+32 2 740 74 74</td>"))
            #expect(after.text.contains("La nouvelle adresse sophie@prive.be attend votre confirmation"))
            // Without a token the form is refused, whatever it holds.
            let forged = try await browser.post("/selfservice/personal", form: ["iban": "BE68 5390 0754 7034"])
            #expect(forged.status == .forbidden)
        }
    }
}
