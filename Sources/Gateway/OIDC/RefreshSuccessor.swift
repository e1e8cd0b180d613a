import Crypto
import Foundation

/// The refresh token that replaced a used one, sealed (AES-GCM) with a key derived from the used token. The
/// database keeps tokens only as hashes; this lets the holder of the used token — and no one else, not even
/// someone reading the database — get the same successor back when it retries a refresh whose answer it never
/// received.
enum RefreshSuccessor {
    static func seal(_ successor: String, with used: String) throws -> String {
        try AES.GCM.seal(Data(successor.utf8), using: key(from: used)).combined!.base64EncodedString()
    }

    static func open(_ sealed: String, with used: String) -> String? {
        guard let data = Data(base64Encoded: sealed), let box = try? AES.GCM.SealedBox(combined: data),
              let plain = try? AES.GCM.open(box, using: key(from: used)) else { return nil }
        return String(data: plain, encoding: .utf8)
    }

    private static func key(from token: String) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: Data(token.utf8)),
                               info: Data("persopoint refresh successor".utf8), outputByteCount: 32)
    }
}
