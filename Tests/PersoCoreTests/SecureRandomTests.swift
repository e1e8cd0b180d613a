import Foundation
import Testing
@testable import PersoCore

/// Tokens are shown to browsers and clients as base64url and stored as hex SHA-256; both encoders are written
/// out for speed, so they are held to the RFC 4648 vectors and to Foundation's own output.
@Suite struct SecureRandomTests {
    @Test func base64URLMatchesRFC4648Vectors() {
        let vectors = ["": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE", "foobar": "Zm9vYmFy"]
        for (input, expected) in vectors {
            #expect(SecureRandom.base64URL(Array(input.utf8)) == expected)
        }
        #expect(SecureRandom.base64URL([0xfb, 0xff, 0xbf]) == "-_-_", "the URL-safe alphabet, not + and /")
    }

    @Test func base64URLAgreesWithFoundationOnRandomBytes() {
        for length in 0..<70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max) }
            let foundation = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(SecureRandom.base64URL(bytes) == foundation)
        }
    }

    @Test func base64URLDecodesWhatItEncodesAndRefusesTheRest() {
        for length in 0..<70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max) }
            #expect(Base64URL.decode(SecureRandom.base64URL(bytes)) == bytes)
        }
        #expect(SecureRandom.bytes(13).count == 13 && SecureRandom.bytes(32).count == 32 && SecureRandom.bytes(0).isEmpty)
        #expect(Base64URL.decode("Zm9v+A") == nil, "the standard alphabet's + is not base64url")
        #expect(Base64URL.decode("Zm9vYg==") == nil, "no padding")
        #expect(Base64URL.decode("Zm9vY") == nil, "a length no encoding has")
        #expect(Base64URL.decode("Zh") == nil, "unused bits set: another spelling of \"f\"")
        #expect(Base64URL.decode("Zg") == Array("f".utf8))
    }

    @Test func jsonWrittenByHandIsWhatJSONSerializationReads() throws {
        var object = JSONObjectWriter()
        object.add("text", "quote \" backslash \\ line\nfeed \u{1} é 🇧🇪")
        object.add("absent", nil as String?)
        object.add("number", -42)
        object.add("seconds", 1764590000.25)
        object.add("flag", true)
        object.add("list", ["a", "b\"c"])
        object.add("map", ["z": "1", "a": "2"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(object.json.utf8)) as? [String: Any])
        #expect(parsed["text"] as? String == "quote \" backslash \\ line\nfeed \u{1} é 🇧🇪")
        #expect(parsed["absent"] == nil)
        #expect(parsed["number"] as? Int == -42)
        #expect(parsed["seconds"] as? Double == 1764590000.25)
        #expect(parsed["flag"] as? Bool == true)
        #expect(parsed["list"] as? [String] == ["a", "b\"c"])
        #expect(parsed["map"] as? [String: String] == ["z": "1", "a": "2"])
        #expect(JSONObjectWriter().json == "{}")
        #expect(JSONObjectWriter(sorted: ["status": "live", "disk": "ok"]).json == #"{"disk":"ok","status":"live"}"#)
    }

    @Test func optionalWhitespaceAndAuthorizationSchemes() {
        #expect(" \t token \t".trimmingOptionalWhitespace == "token")
        #expect("   ".trimmingOptionalWhitespace.isEmpty)
        #expect(AuthorizationHeader.credentials("bEaReR  abc ", scheme: "Bearer") == "abc")
        #expect(AuthorizationHeader.credentials("Basic abc", scheme: "Bearer") == nil)
        #expect(AuthorizationHeader.credentials("Bearer", scheme: "Bearer") == nil)
    }

    @Test func digestIsLowerCaseHexSHA256() {
        #expect(SecureRandom.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SecureRandom.hex([0x00, 0x0f, 0xf0, 0xff]) == "000ff0ff")
    }

    @Test func tokensHaveTheAskedStrengthAndDiffer() {
        let a = SecureRandom.token(bytes: 32), b = SecureRandom.token(bytes: 32)
        #expect(a.count == 43)
        #expect(a != b)
    }
}
