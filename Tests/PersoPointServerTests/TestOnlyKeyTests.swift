import Foundation
@testable import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PersoCore
@testable import PersoPointServer
import Testing

@Suite("A digital key added without touching the gateway")
struct TestOnlyKeyTests {
    @Test("the fixed-code key of the tests is on the chooser in its group, logs Sophie in at Level400, and shows in my keys and my activity")
    func fixedCodeKeyEndToEnd() async throws {
        let gateway = InProcessGateway()
        // PersoSelfService asks for Level400 here: the e-mail code and the token card are too weak, the test key is not.
        try await withProduct(gateway: gateway, extraKeys: [{ FixedCodeKey(services: $0) }], configure: { $0.selfServiceLevel = .level400 }) { app in
            // The demo people get every key that can be given, this one too.
            _ = try await app.gateway.seedDemoData()
            let sophie = DemoData.credentials[0]
            try await app.makeApplication().test(.router) { client in
                gateway.connect(client)
                let browser = Browser(client)
                let chooser = try await browser.follow("/selfservice?lang=en")
                let page = chooser.text
                let tile = try #require(page.range(of: #"id="key-fixedcode" class="key""#), "offered, not greyed out")
                let codeGroup = try #require(page.range(of: "Digital key(s) with security code"))
                let token = try #require(page.range(of: #"id="key-token""#))
                #expect(codeGroup.lowerBound < token.lowerBound && token.lowerBound < tile.lowerBound, "in the security-code group, after the token card")
                #expect(page.contains("LOG IN with the fixed test code"))
                #expect(page.contains(#"id="key-email" class="key disabled""#), "Level350 is too weak for this application")

                let transaction = String(browser.location.split(separator: "tx=").last?.prefix { $0 != "&" } ?? "")
                let form = try await browser.get("/fas/login/fixedcode?tx=\(transaction)")
                let csrf = try #require(form.csrfToken)
                let wrong = try await browser.post("/fas/login/fixedcode", form: ["tx": transaction, "_csrf": csrf, "username": sophie.username, "code": "000000"])
                #expect(wrong.status == .ok && wrong.text.contains("Wrong code"))
                let proven = try await browser.post("/fas/login/fixedcode", form: ["tx": transaction, "_csrf": csrf, "username": sophie.username,
                                                                                  "code": FixedCodeKey.code])
                #expect(proven.status == .seeOther)
                let home = try await browser.follow(try #require(proven.headers[.location]))
                #expect(home.status == .ok && home.text.contains("Sophie"), "PersoSelfService accepted the ID token at Level400")
                let cookie = try #require(browser.session)
                let stored = try await app.sessions.load(token: cookie)
                let sso = try #require(stored?.values["sso"])
                #expect(sso.contains(#""level":400"#) && sso.contains(#""key":"fixedcode""#))

                let keys = try await browser.get("/fas/keys?lang=en")
                #expect(keys.text.contains(#"id="my-key-fixedcode" class="my-key active""#))
                let activity = try await browser.get("/fas/activity?lang=en")
                #expect(activity.text.contains("Fixed test code"))
            }
        }
    }
}
