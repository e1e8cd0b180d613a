import Crypto
import Foundation
import PersoCore

/// Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA-1, 6 digits, 30-second steps, the form
/// every authenticator app reads from an `otpauth://` URI.
struct TOTP: Sendable {
    let secret: Data
    var digits = 6
    var period: TimeInterval = 30

    static let secretBytes = 20

    static func newSecret() -> Data {
        SecureRandom.bytes(secretBytes)
    }

    func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / period).rounded(.down))
    }

    /// RFC 4226 §5.3: the HMAC of the counter, dynamically truncated, as a zero-padded decimal string.
    func code(step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let value = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        let modulus = (0..<digits).reduce(UInt32(1)) { result, _ in result * 10 }
        return String(format: "%0\(digits)u", value % modulus)
    }

    /// The step whose code this is, looking one step either side of now for clocks that drift; nil if none.
    func matchingStep(for code: String, at date: Date) -> Int64? {
        let now = step(at: date)
        return [now, now - 1, now + 1].first { SecureRandom.constantTimeEquals(self.code(step: $0), code) }
    }

    /// The URI an authenticator app scans (Google's Key Uri Format, understood by every app in use).
    func provisioningURI(account: String, issuer: String) -> String {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let label = "\(issuer):\(account)".addingPercentEncoding(withAllowedCharacters: allowed.union(CharacterSet(charactersIn: ":")))!
        let issuerParameter = issuer.addingPercentEncoding(withAllowedCharacters: allowed)!
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(issuerParameter)&algorithm=SHA1&digits=\(digits)&period=\(Int(period))"
    }
}

/// RFC 4648 base32 without padding, as authenticator apps show and accept secrets.
enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    static func encode(_ data: Data) -> String {
        var output: [UInt8] = []
        var buffer = 0, bits = 0
        for byte in data {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Accepts lower case, spaces and padding, as people copy secrets; nil for anything else.
    static func decode(_ text: String) -> Data? {
        var output = Data()
        var buffer = 0, bits = 0
        for character in text.uppercased().utf8 where character != UInt8(ascii: " ") && character != UInt8(ascii: "=") {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = ((buffer << 5) | value) & 0xFFFF
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> (bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        return output
    }
}
