import Crypto
import Foundation

/// Unguessable values from the system's CSPRNG, for session ids, CSRF tokens and one-time secrets.
public enum SecureRandom {
    /// URL-safe base64 of `bytes` random bytes (32 bytes = 256 bits).
    public static func token(bytes: Int) -> String {
        base64URL(Self.bytes(bytes))
    }

    /// Raw random bytes: keys, salts, authenticator secrets. Eight at a time: the system generator asks the kernel
    /// once per call, and a call per byte made random bytes a visible cost of every anonymous page (perf).
    public static func bytes(_ count: Int) -> Data {
        var generator = SystemRandomNumberGenerator()
        var out = Data(capacity: count + 7)
        while out.count < count {
            withUnsafeBytes(of: generator.next() as UInt64) { out.append(contentsOf: $0.prefix(count - out.count)) }
        }
        return out
    }

    /// A random decimal code of `count` digits, leading zeros kept (security codes people type).
    public static func digits(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String(decoding: (0..<count).map { _ in UInt8(ascii: "0") + UInt8.random(in: 0...9, using: &generator) }, as: UTF8.self)
    }

    /// Hex SHA-256, the form in which tokens are stored.
    public static func digest(_ token: String) -> String {
        hex(SHA256.hash(data: Array(token.utf8)))
    }

    // Written out because they run on every token request: Foundation's base64 plus three replacements, and
    // String(format:) per byte, were measured among the costliest steps of a refresh (bench/gateway.sh).

    private static let base64URLAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// RFC 4648 §5 base64url, without padding.
    public static func base64URL(_ bytes: some Sequence<UInt8>) -> String {
        let bytes = Array(bytes)
        var out = [UInt8]()
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index + 2 < bytes.count {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out.append(base64URLAlphabet[Int(chunk >> 18 & 63)])
            out.append(base64URLAlphabet[Int(chunk >> 12 & 63)])
            out.append(base64URLAlphabet[Int(chunk >> 6 & 63)])
            out.append(base64URLAlphabet[Int(chunk & 63)])
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            let chunk = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
            out.append(base64URLAlphabet[Int(chunk >> 18 & 63)])
            out.append(base64URLAlphabet[Int(chunk >> 12 & 63)])
            if rest == 2 { out.append(base64URLAlphabet[Int(chunk >> 6 & 63)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower-case hexadecimal.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var out = [UInt8]()
        for byte in bytes {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Comparison whose time does not depend on where two secrets first differ.
    public static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let a = Array(a.utf8), b = Array(b.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
