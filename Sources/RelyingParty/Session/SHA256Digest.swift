import Crypto

/// SHA-256 of text, for PKCE challenges and the draft owner's mark.
enum SHA256Digest {
    static func bytes(of text: String) -> [UInt8] { Array(SHA256.hash(data: Array(text.utf8))) }
}
