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
