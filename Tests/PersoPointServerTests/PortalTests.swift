import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PersoCore
import Testing
@testable import PersoPointServer

@Suite("A visitor on the access portal")
struct PortalTests {
    static let pages = ["/", "/help", "/help/eid", "/help/itsme", "/help/security-code", "/help/session", "/help/ebox",
                        "/contact"]

    @Test("sees every page in each of the four languages", arguments: PersoCore.Language.allCases)
    func everyPageInEveryLanguage(language: PersoCore.Language) async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                var titles: Set<String> = []
                for path in Self.pages {
                    try await client.execute(uri: "\(path)?lang=\(language.rawValue)", method: .get) { response in
                        #expect(response.status == .ok, "\(path)")
                        #expect(response.htmlLanguage == language.rawValue, "\(path)")
                        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                        let title = response.text.components(separatedBy: "<h1").dropFirst().first ?? ""
                        titles.insert(title)
                    }
                }
                // Each page has its own heading: no page fell back to a shared placeholder.
                #expect(titles.count == Self.pages.count)
            }
        }
    }

    @Test("gets the language of their browser, and keeps the one they pick")
    func languageChoice() async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                try await client.execute(uri: "/", method: .get, headers: [.acceptLanguage: "de-BE,de;q=0.9,en;q=0.5"]) {
                    #expect($0.htmlLanguage == "de")
                }
                let cookie = try await client.execute(uri: "/?lang=nl", method: .get, headers: [.acceptLanguage: "de"]) { response in
                    #expect(response.htmlLanguage == "nl")
                    return response.cookie(LanguageNegotiation.cookieName)
                }
                #expect(cookie == "nl")
                try await client.execute(uri: "/help", method: .get, headers: [.cookie: "\(LanguageNegotiation.cookieName)=nl", .acceptLanguage: "de"]) {
                    #expect($0.htmlLanguage == "nl")
                }
            }
        }
    }

    @Test("who types an unknown address gets the localised 404 page")
    func notFound() async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                try await client.execute(uri: "/does/not/exist?lang=en", method: .get) { response in
                    #expect(response.status == .notFound)
                    #expect(response.text.contains("Page not found"))
                    #expect(response.htmlLanguage == "en")
                }
                try await client.execute(uri: "/help/nothing-here", method: .get, headers: [.acceptLanguage: "nl"]) { response in
                    #expect(response.status == .notFound)
                    #expect(response.text.contains("Pagina niet gevonden"))
                }
            }
        }
    }

    @Test("who posts to a page that only shows gets the localised 405 with Allow")
    func methodNotAllowed() async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                try await client.execute(uri: "/help?lang=de", method: .post, headers: formHeaders, body: form(["a": "b"])) { response in
                    #expect(response.status == .methodNotAllowed)
                    #expect(response.headers[.allow]?.contains("GET") == true)
                    #expect(response.text.contains("Aktion nicht erlaubt"))
                }
            }
        }
    }

    @Test("every response carries the security headers, and the stylesheet is served")
    func securityHeaders() async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                for path in ["/", "/nope", Stylesheet.path] {
                    try await client.execute(uri: path, method: .get) { response in
                        let csp = response.headers[.contentSecurityPolicy] ?? ""
                        #expect(csp.contains("frame-ancestors 'none'"))
                        #expect(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
                        #expect(response.headers[.xContentTypeOptions] == "nosniff")
                        #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                        #expect(response.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false)
                        // HSTS only behind HTTPS; the test product is plain HTTP.
                        #expect(response.headers[.strictTransportSecurity] == nil)
                    }
                }
                try await client.execute(uri: Stylesheet.path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.cacheControl]?.contains("immutable") == true)
                }
            }
        }
    }

    @Test("phone-width layout: the viewport is declared and the stylesheet has a narrow-screen rule")
    func phoneWidth() async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                try await client.execute(uri: "/", method: .get) { response in
                    #expect(response.text.contains("name=\"viewport\" content=\"width=device-width, initial-scale=1\""))
                }
            }
        }
        #expect(Stylesheet.css.contains("@media (max-width:30rem)"))
    }
}

@Suite("When something breaks inside")
struct InternalErrorTests {
    struct DatabaseExploded: Error, CustomStringConvertible {
        var description: String { "secret internals: table people is corrupt at /var/lib/persopoint" }
    }

    @Test("the person sees a localised 500 page with a request id and nothing of the internals")
    func serverErrorPage() async throws {
        try await withProduct { app in
            let router = app.makeRouter()
            router.get("/boom") { _, _ -> Response in throw DatabaseExploded() }
            try await Application(router: router).test(.router) { client in
                try await client.execute(uri: "/boom?lang=de", method: .get) { response in
                    #expect(response.status == .internalServerError)
                    #expect(response.text.contains("Ein Fehler ist aufgetreten"))
                    let requestID = try #require(response.headers[HTTPField.Name("X-Request-Id")!])
                    #expect(response.text.contains(requestID))
                    #expect(!response.text.contains("secret internals"))
                    #expect(!response.text.contains("DatabaseExploded"))
                }
                try await client.execute(uri: "/boom", method: .get, headers: [.accept: "application/json"]) { response in
                    #expect(response.status == .internalServerError)
                    #expect(response.text.contains("\"error\":\"server_error\""))
                    #expect(!response.text.contains("secret"))
                }
            }
        }
    }
}
