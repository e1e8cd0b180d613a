import Foundation
import PersoCore

/// The identification token of step 4, typed by hand into the app: as the guide warns, capitals and punctuation
/// matter. Characters people mix up (0/O, 1/l/I) are left out, so that a careful person never types a wrong one.
enum IdentificationToken {
    static let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz")
    static let digits = Array("23456789")
    static let punctuation = Array(".-!?")
    static let length = 10

    /// About 55 bits: enough for a secret that lives 30 minutes, is tied to one phone number and allows five guesses.
    static func make() -> String {
        var characters: [Character] = [random(digits), random(punctuation), random(letters.filter(\.isUppercase)), random(letters.filter(\.isLowercase))]
        let all = letters + digits + punctuation
        while characters.count < length { characters.append(random(all)) }
        // The guaranteed kinds at random places; never punctuation first or last, where people drop it.
        var generator = SystemRandomNumberGenerator()
        repeat { characters.shuffle(using: &generator) } while punctuation.contains(characters.first!) || punctuation.contains(characters.last!)
        return String(characters)
    }

    /// Only spaces around the token are forgiven; anything else is compared exactly.
    static func normalised(_ typed: String) -> String {
        String(typed.trimmingCharacters(in: .whitespacesAndNewlines).prefix(64))
    }

    private static func random(_ set: [Character]) -> Character {
        var generator = SystemRandomNumberGenerator()
        return set.randomElement(using: &generator)!
    }
}
