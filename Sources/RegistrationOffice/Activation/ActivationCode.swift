import Foundation
import PersoCore

/// The code printed on the activation letter: 12 characters in three groups, from an alphabet without the letters
/// and digits people confuse (I, O, 0, 1), about 60 bits; typed back in any case, with or without spaces and dashes.
enum ActivationCode {
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    static let length = 12

    static func make() -> String {
        let bytes = SecureRandom.bytes(length)
        // 256 is a multiple of 32: every character is equally likely.
        let characters = bytes.map { alphabet[Int($0) % alphabet.count] }
        return stride(from: 0, to: length, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// What the person typed, as the code is stored: upper case, separators gone; nil when it cannot be a code.
    static func normalised(_ typed: String) -> String? {
        let kept = typed.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        guard kept.count == length, kept.allSatisfy({ alphabet.contains($0) }) else { return nil }
        return kept
    }

    static func hash(_ code: String, link: String) -> String {
        SecureRandom.digest(link + ":" + (normalised(code) ?? code))
    }
}
