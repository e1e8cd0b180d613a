import FluentKit
import Foundation
@testable import Gateway
import HTTPTypes
import HummingbirdTesting
@testable import Messaging
@testable import PersoCore
@testable import PersoPointServer
import Testing

@Suite("A civil servant changing the bank account her salary is paid into")
struct PaymentChangeTests {
    let sophie = DemoData.credentials[0]

    @Test("after a token-card login she is asked for a fresh stronger login, comes back to what she typed, and every address is told")
    func stepUpKeepsWhatWasTyped() async throws {
        let clock = TestClock()
        try await withSelfService(clock: clock) { app, client in
            let browser = Browser(client)
            _ = try await browser.logIn(as: sophie)
            let page = try await browser.get("/selfservice/personal")
            let csrf = try #require(page.csrfToken)
            let typed = ["iban": "BE71 0961 2345 6769", "phone": "+32 2 740 74 74", "_csrf": csrf]
            let sent = try await browser.post("/selfservice/personal", form: typed)
            #expect(sent.status == .seeOther)
            let authorize = try #require(sent.headers[.location])
            #expect(authorize.contains("acr_values=urn:be:fedict:iam:fas:Level400"))
            #expect(authorize.contains("max_age=300"))
            #expect(try await OutboxMessage.query(on: app.database.db).count() == 0, "nothing changed yet")

            // At the gateway: the token card is too weak now; the authenticator app is not.
            let chooser = try await browser.follow(authorize)
            #expect(chooser.text.contains("id=\"key-token\" class=\"key disabled\""))
            let tx = String(browser.location.dropFirst("/fas/login?tx=".count).prefix { $0 != "&" })
            let form = try await browser.get("/fas/login/totp?tx=\(tx)")
            _ = try await browser.post("/fas/login/totp", form: ["username": sophie.username, "password": sophie.password, "tx": tx,
                                                                 "_csrf": form.csrfToken ?? ""])
            let secret = try #require(Base32.decode(sophie.totpSecret))
            let totp = TOTP(secret: secret)
            let done = try await browser.post("/fas/login/totp", form: [
                "step": "code", "code": totp.code(step: totp.step(at: clock.now)), "tx": tx, "_csrf": form.csrfToken ?? "",
            ])
            let back = try await browser.follow(try #require(done.headers[.location]))
            #expect(browser.location == "/selfservice/personal?resume=1")
            #expect(back.text.contains("id=\"resumed\""))
            #expect(back.text.contains("BE71 0961 2345 6769"), "the account she typed is in the form again")

            let saved = try await browser.post("/selfservice/personal", form: [
                "iban": "BE71 0961 2345 6769", "phone": "+32 2 740 74 74", "_csrf": back.csrfToken ?? "",
            ])
            #expect(saved.headers[.location] == "/selfservice/personal?done=saved")
            let notices = try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == "sophie.dubois@example.be").all()
            #expect(notices.count == 1, "one address known: her work address")
            #expect(notices.first?.textBody.contains("6769") == true)

            // Five minutes later another change asks again.
            clock.advance(by: 6 * 60)
            let later = try await browser.get("/selfservice/personal")
            let again = try await browser.post("/selfservice/personal", form: [
                "iban": "BE68 5390 0754 7034", "_csrf": later.csrfToken ?? "",
            ])
            #expect(again.headers[.location]?.contains("max_age=300") == true)
        }
    }
}
