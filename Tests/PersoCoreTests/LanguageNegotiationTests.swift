import Testing
@testable import PersoCore

@Suite("Choosing the page language")
struct LanguageNegotiationTests {
    @Test("an explicit choice beats the cookie, which beats the browser")
    func precedence() {
        #expect(LanguageNegotiation.choose(query: "nl", cookie: "de", acceptLanguage: "en") == .nl)
        #expect(LanguageNegotiation.choose(query: nil, cookie: "de", acceptLanguage: "en") == .de)
        #expect(LanguageNegotiation.choose(query: nil, cookie: nil, acceptLanguage: "en") == .en)
        #expect(LanguageNegotiation.choose(query: nil, cookie: nil, acceptLanguage: nil) == .fr)
    }

    @Test("the browser's weights count, and languages we do not speak are skipped")
    func acceptLanguageWeights() {
        #expect(LanguageNegotiation.preferred(acceptLanguage: "es-ES,es;q=0.9,nl-BE;q=0.8,en;q=0.7") == .nl)
        #expect(LanguageNegotiation.preferred(acceptLanguage: "en;q=0.2, de;q=0.9") == .de)
        #expect(LanguageNegotiation.preferred(acceptLanguage: "fr-BE") == .fr)
        #expect(LanguageNegotiation.preferred(acceptLanguage: "de;q=0") == nil)
    }

    @Test("garbage anywhere is ignored", arguments: ["", "xx", "\"><b>", "fr;q=abc;;", "*", "nld", "é", ";;;,,,", "q=1"])
    func garbage(value: String) {
        let chosen = LanguageNegotiation.choose(query: value, cookie: value, acceptLanguage: value)
        #expect(Language.allCases.contains(chosen))
    }
}
