import Foundation
@testable import PersoCore
import Testing

@Suite("Form fields and JSON text, read and written by hand on the hot paths")
struct FormFieldsTests {
    @Test("a form body decodes as Foundation decodes it: + is a space, %XY a byte, and the bytes must be UTF-8",
          arguments: ["a+b", "caf%C3%A9", "100%25", "%2B%26%3D", "plain", "", "%e2%82%AC+%E2%82%ac", "%F0%9F%87%A7%F0%9F%87%AA"])
    func decodesLikeFoundation(component: String) {
        let expected = component.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        #expect(FormFields.decode(Substring(component)) == expected)
    }

    @Test("a broken escape or bytes that are not UTF-8 make the body unreadable, as before",
          arguments: ["%", "%4", "%G1", "abc%", "%C3", "%FF%FE", "%C3%28"])
    func refusesBrokenEscapes(component: String) {
        #expect(FormFields.decode(Substring(component)) == nil)
        #expect(FormFields(encoded: "ok=1&bad=\(component)") == nil)
    }

    @Test("JSON strings written by hand read back as the same text", arguments: [
        "eyJhbGciOiJFUzI1NiJ9.e30.sig", "openid profile", "quote \" and \\ backslash", "line\nbreak\ttab\r", "\u{01}\u{1f}", "é €",
    ])
    func jsonText(text: String) throws {
        let written = JSONText.string(text)
        let read = try JSONSerialization.jsonObject(with: Data("[\(written)]".utf8)) as? [String]
        #expect(read == [text])
    }
}
