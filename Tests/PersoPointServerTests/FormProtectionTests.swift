import Foundation
import Hummingbird
import HummingbirdTesting
import PersoCore
import Testing
@testable import PersoPointServer

@Suite("A form sent to PersoPoint")
struct FormProtectionTests {
    @Test("without a valid CSRF token is refused with 403 and changes nothing")
    func csrfRefused() async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                // No session, no token.
                try await client.execute(uri: "/contact/employer?lang=en", method: .post, headers: formHeaders, body: form(["organisation": "bosa"])) { response in
                    #expect(response.status == .forbidden)
                    #expect(response.text.contains("Nothing was changed"))
                    #expect(response.cookie("persopoint_contact_employer") == nil)
                }
                // A session, but a token from somewhere else.
                let (session, token) = try await client.execute(uri: "/contact", method: .get) { response in
                    (response.cookie("persopoint_prelogin")!, response.csrfToken!)
                }
                try await client.execute(
                    uri: "/contact/employer", method: .post,
                    headers: formHeaders + [.cookie: "persopoint_prelogin=\(session)"],
                    body: form(["organisation": "bosa", "_csrf": String(token.reversed())])
                ) { response in
                    #expect(response.status == .forbidden)
                    #expect(response.cookie("persopoint_contact_employer") == nil)
                }
                // The right token from another visitor's session.
                try await client.execute(
                    uri: "/contact/employer", method: .post, headers: formHeaders, body: form(["organisation": "bosa", "_csrf": token])
                ) { response in
                    #expect(response.status == .forbidden)
                }
                // And the genuine form goes through.
                try await client.execute(
                    uri: "/contact/employer", method: .post,
                    headers: formHeaders + [.cookie: "persopoint_prelogin=\(session)"],
                    body: form(["organisation": "bosa", "_csrf": token])
                ) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.cookie("persopoint_contact_employer") == "bosa")
                }
            }
        }
    }

    @Test("PersoContact remembers where the person works, and can forget it")
    func contactChoiceRemembered() async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                let (session, token) = try await client.execute(uri: "/contact?lang=en", method: .get) { response in
                    #expect(response.text.contains("Which public service do you work for?"))
                    return (response.cookie("persopoint_prelogin")!, response.csrfToken!)
                }
                try await client.execute(uri: "/contact?lang=en", method: .get, headers: [.cookie: "persopoint_contact_employer=other"]) { response in
                    #expect(response.text.contains("You work for another federal public service."))
                    #expect(response.text.contains("id=\"contact-change\""))
                }
                try await client.execute(
                    uri: "/contact/employer", method: .post,
                    headers: formHeaders + [.cookie: "persopoint_prelogin=\(session)"],
                    body: form(["organisation": "ask-again", "_csrf": token])
                ) { response in
                    #expect(response.status == .seeOther)
                    #expect(response.headers[.setCookie]?.contains("Max-Age=0") == true)
                }
                try await client.execute(
                    uri: "/contact/employer", method: .post,
                    headers: formHeaders + [.cookie: "persopoint_prelogin=\(session)"],
                    body: form(["organisation": "everyone", "_csrf": token])
                ) { response in
                    #expect(response.status == .badRequest)
                }
            }
        }
    }

    @Test("that is too large gets 413 before anything is read")
    func oversizedBody() async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: RequestLimits.maxBodyBytes + 1)
                try await client.execute(uri: "/contact/employer?lang=fr", method: .post, headers: formHeaders, body: big) { response in
                    #expect(response.status == .contentTooLarge)
                    #expect(response.text.contains("Envoi trop volumineux"))
                }
            }
        }
    }

    @Test("garbage in every input the shell reads never gives a 500")
    func garbageNeverFails() async throws {
        let nasty = ["", "\u{0}", "%", "%ZZ", "\"><script>alert(1)</script>", String(repeating: "x", count: 4000),
                     "fr;q=abc", "*;q=nan", "é", "nl-BE,,,;q=-1", "../../etc/passwd"]
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                for value in nasty {
                    let query = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                    let headerValue = value.filter { $0.isASCII && $0 != "\u{0}" }
                    var headers: HTTPFields = [.acceptLanguage: headerValue]
                    headers[.cookie] = "persopoint_lang=\(headerValue); persopoint_session=\(headerValue); persopoint_prelogin=\(headerValue); persopoint_contact_employer=\(headerValue)"
                    for path in ["/?lang=\(query)", "/help/\(query)", "/contact?lang=\(query)"] {
                        try await client.execute(uri: path, method: .get, headers: headers) { response in
                            #expect(response.status.code < 500, "\(path) with \(value.prefix(20))")
                            #expect(!response.text.contains("<script>alert"))
                        }
                    }
                    try await client.execute(uri: "/contact/employer", method: .post, headers: formHeaders + headers, body: ByteBuffer(string: value)) { response in
                        #expect(response.status.code < 500)
                    }
                }
                try await client.execute(uri: "/", method: .get, headers: [.contentLength: "-5"]) { response in
                    #expect(response.status == .badRequest)
                }
            }
        }
    }
}

extension HTTPFields {
    static func + (lhs: HTTPFields, rhs: HTTPFields) -> HTTPFields {
        var merged = lhs
        merged.append(contentsOf: rhs)
        return merged
    }
}
