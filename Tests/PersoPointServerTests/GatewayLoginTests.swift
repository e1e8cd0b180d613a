import FluentKit
import Foundation
@testable import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PersoCore
import Testing
@testable import PersoPointServer

/// A browser's cookie jar for one visitor, enough for the gateway's session cookies: the stored session's once
/// signed in, the sealed pre-login one before.
final class Visitor: @unchecked Sendable {
    var session: String?
    var preLogin: String?

    var headers: HTTPFields {
        let jar = [session.map { "persopoint_session=\($0)" }, preLogin.map { "persopoint_prelogin=\($0)" }].compactMap { $0 }
        return jar.isEmpty ? [:] : [.cookie: jar.joined(separator: "; ")]
    }

    func remember(_ response: TestResponse) {
        if let value = response.cookie("persopoint_session") { session = value.isEmpty ? nil : value }
        if let value = response.cookie("persopoint_prelogin") { preLogin = value.isEmpty ? nil : value }
    }
}

@Suite("A civil servant logging in through the gateway")
struct GatewayLoginTests {
    static let redirect = "https://app.example.be/callback"

    func registerApp(_ app: PersoPointApp, minimum: LevelOfAssurance = .level200) async throws -> String {
        var registration = ClientRegistry.Registration(clientID: "test-app", name: "Test application", authMethod: .clientSecretBasic, redirectURIs: [Self.redirect])
        registration.minimumLevel = minimum
        return try await app.gateway.clients.add(registration)!
    }

    func authorizeURL(acr: String? = nil) -> String {
        var url = "/fas/oauth2/authorize?response_type=code&client_id=test-app&redirect_uri=\(Self.redirect.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&scope=openid+profile+egovnrn&state=s1&nonce=n1&code_challenge=\(String(repeating: "a", count: 43))&code_challenge_method=S256"
        if let acr { url += "&acr_values=\(acr)" }
        return url
    }

    @Test("with username and password: key chooser, form, then a code for the application; the session id changes")
    func passwordLogin() async throws {
        try await withProduct { app in
            _ = try await app.gateway.seedDemoData()
            _ = try await registerApp(app)
            let sophie = DemoData.credentials[0]
            let visitor = Visitor()
            try await app.makeApplication().test(.router) { client in
                let chooser = try await client.execute(uri: authorizeURL(), method: .get) { response in
                    visitor.remember(response)
                    #expect(response.status == .seeOther)
                    return response.headers[.location]!
                }
                #expect(chooser.hasPrefix("/fas/login?tx="))
                let transaction = String(chooser.dropFirst("/fas/login?tx=".count))
                try await client.execute(uri: chooser + "&lang=en", method: .get, headers: visitor.headers) { response in
                    #expect(response.text.contains("Choose your digital key"))
                    #expect(response.text.contains("id=\"key-password\" class=\"key\""))
                    #expect(response.text.contains("id=\"key-eid\" class=\"key disabled\""))
                }
                let token = try await client.execute(uri: "/fas/login/password?tx=\(transaction)", method: .get, headers: visitor.headers) { response in
                    visitor.remember(response)
                    return response.csrfToken!
                }
                let before = visitor.session
                // A wrong password and an unknown user get the same answer.
                for (user, password) in [(sophie.username, "wrong-password"), ("nobody.here", "whatever")] {
                    try await client.execute(uri: "/fas/login/password?lang=en", method: .post, headers: formHeaders + visitor.headers,
                                             body: form(["username": user, "password": password, "tx": transaction, "_csrf": token])) { response in
                        #expect(response.status == .ok)
                        #expect(response.text.contains("The username or password is incorrect."))
                    }
                }
                try await client.execute(uri: "/fas/login/password", method: .post, headers: formHeaders + visitor.headers,
                                         body: form(["username": sophie.username.uppercased(), "password": sophie.password, "tx": transaction, "_csrf": token])) { response in
                    visitor.remember(response)
                    #expect(response.status == .seeOther)
                    let location = response.headers[.location] ?? ""
                    #expect(location.hasPrefix(Self.redirect + "?code="))
                    #expect(location.contains("state=s1"))
                }
                #expect(visitor.session != nil && visitor.session != before, "the session id is rotated at login")
                // The same visitor asking again gets a code at once (single sign-on)…
                try await client.execute(uri: authorizeURL(), method: .get, headers: visitor.headers) { response in
                    #expect(response.headers[.location]?.hasPrefix(Self.redirect + "?code=") == true)
                }
                // …but a higher level means a stronger key, never a weaker code.
                try await client.execute(uri: authorizeURL(acr: LevelOfAssurance.level400.acr), method: .get, headers: visitor.headers) { response in
                    #expect(response.headers[.location]?.hasPrefix("/fas/login?tx=") == true)
                }
                // Sophie reads her own activity: the failed attempt, the login and the single sign-on.
                try await client.execute(uri: "/fas/activity?lang=en", method: .get, headers: visitor.headers) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains("Failed login"))
                    #expect(response.text.contains("Logged in (existing session)"))
                    #expect(response.text.contains("Test application"), "the application by its name, not its client id")
                }
            }
            let events = try await AuditEvent.query(on: app.database.db).all().map(\.kind)
            #expect(events.filter { $0 == .loginFailed }.count == 2)
            #expect(events.contains(AuditKind.login) && events.contains(AuditKind.sso) && events.contains(AuditKind.stepUp))
        }
    }

    @Test("an unknown application or an unregistered return address gets an error page and is never redirected to")
    func noOpenRedirect() async throws {
        try await withProduct { app in
            _ = try await registerApp(app)
            try await app.makeApplication().test(.router) { client in
                for uri in ["/fas/oauth2/authorize?client_id=who&redirect_uri=https://evil.example/&response_type=code&scope=openid",
                            "/fas/oauth2/authorize?client_id=test-app&redirect_uri=https://evil.example/&response_type=code&scope=openid",
                            "/fas/oauth2/authorize?client_id=test-app&redirect_uri=\(Self.redirect)/../x&response_type=code&scope=openid"] {
                    try await client.execute(uri: uri + "&lang=en", method: .get) { response in
                        #expect(response.status == .badRequest)
                        #expect(response.headers[.location] == nil)
                        #expect(response.text.contains("This login request cannot be accepted"))
                    }
                }
            }
        }
    }

    @Test("an application that requires more than a password shows the password key greyed out with the reason")
    func tooWeakKeyGreyedOut() async throws {
        try await withProduct { app in
            _ = try await registerApp(app, minimum: .level300)
            let visitor = Visitor()
            try await app.makeApplication().test(.router) { client in
                let chooser = try await client.execute(uri: authorizeURL(), method: .get) { response in
                    visitor.remember(response)
                    return response.headers[.location]!
                }
                try await client.execute(uri: chooser + "&lang=nl", method: .get, headers: visitor.headers) { response in
                    #expect(response.text.contains("id=\"key-password\" class=\"key disabled\""))
                }
                // Going to the password page directly, or posting to it, does not get round it: back to the chooser,
                // where the login is still valid and the key greyed out with the reason.
                let transaction = String(chooser.dropFirst("/fas/login?tx=".count))
                try await client.execute(uri: "/fas/login/password?tx=\(transaction)", method: .get, headers: visitor.headers) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.location] == chooser)
                    #expect(!response.text.contains("password-form"))
                }
            }
        }
    }
}

@Suite("The gateway's signing keys")
struct SigningKeyTests {
    @Test("after a rotation the new key signs, and tokens signed by the old one still verify")
    func rotation() async throws {
        try await withProduct { app in
            let before = try await app.gateway.signingKeys.jwksJSON()
            let token = try await app.gateway.signingKeys.sign(IDTokenHint(iss: "i", sub: "s", aud: "a", sid: nil))
            let newKID = try await app.gateway.signingKeys.rotate()
            let after = try await app.gateway.signingKeys.jwksJSON()
            #expect(after.contains(newKID) && !before.contains(newKID))
            #expect(after.components(separatedBy: "\"kid\"").count == 3, "old and new key are both published")
            let verified = try await app.gateway.signingKeys.verify(token, as: IDTokenHint.self)
            #expect(verified.sub == "s")
            let fresh = try await app.gateway.signingKeys.sign(IDTokenHint(iss: "i", sub: "t", aud: "a", sid: nil))
            var header = String(fresh.split(separator: ".")[0]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            while header.count % 4 != 0 { header += "=" }
            let decoded = try #require(Data(base64Encoded: header))
            #expect(String(decoding: decoded, as: UTF8.self).contains("\"kid\":\"\(newKID)\""))
        }
    }
}

@Suite("A hostile application sending people to the gateway")
struct HostileLoginHintTests {
    @Test("a login_hint with quotes, angle brackets and ampersands stays inside the username field's value")
    func loginHintStaysInItsAttribute() async throws {
        try await withProduct { app in
            _ = try await GatewayLoginTests().registerApp(app)
            let visitor = Visitor()
            let hint = #"x" autofocus onfocus="alert(1)" a='<b>&'"#
            try await app.makeApplication().test(.router) { client in
                let encoded = hint.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
                let chooser = try await client.execute(uri: GatewayLoginTests().authorizeURL() + "&login_hint=\(encoded)", method: .get) { response in
                    visitor.remember(response)
                    return response.headers[.location] ?? ""
                }
                let transaction = String(chooser.dropFirst("/fas/login?tx=".count))
                try await client.execute(uri: "/fas/login/password?tx=\(transaction)", method: .get, headers: visitor.headers) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains(#"value="x&quot; autofocus onfocus=&quot;alert(1)&quot; a=&#39;&lt;b&gt;&amp;&#39;""#))
                    #expect(!response.text.contains(#"onfocus="alert"#))
                }
            }
        }
    }
}
