import Foundation

/// Reading a compact JWS (RFC 7515 §7.1) before its signature is checked: only what picks the key to check it with.
public enum CompactJWS {
    /// The `kid` of the protected header, trusting nothing else in it.
    public static func keyID(of token: String) -> String? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Base64URL.decode(String(parts[0])).map({ Data($0) }),
              let object = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else { return nil }
        return object["kid"] as? String
    }
}
