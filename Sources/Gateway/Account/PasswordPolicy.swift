import Foundation
import PasswordHashing
import PersoCore

/// Which passwords a person may choose, after NIST SP 800-63B §5.1.1.2: a minimum length, no composition rules
/// (digits, capitals…), and a check against a dictionary and against words from the person's own context.
/// The dictionary and repetition checks are Debian's libpwquality (cracklib's dictionary, as pam_pwquality uses).
struct PasswordPolicy: Sendable {
    /// NIST's 8 is the floor for any memorised secret; 12 is OWASP ASVS level 2's minimum and what CSAM-class
    /// portals ask, because this one password, with a second factor, opens a person's HR and payroll data.
    static let minimumLength = 12
    /// NIST asks to allow at least 64; 128 leaves room for passphrases while bounding the hashing work.
    static let maximumLength = 128
    /// Words of a name shorter than this are too common inside other words to refuse ("van", "de").
    static let shortestNamePart = 4

    /// Why a password is refused; each has its own sentence in the person's language (libpwquality's English never shows).
    enum Refusal: Equatable, Sendable {
        case tooShort
        case tooLong
        /// Control characters: they cannot be typed the same way twice, and C libraries stop at a NUL.
        case unusableCharacters
        case dictionaryWord
        /// Contains the person's name, username or national register number (or birth date).
        case personalData
        case sameAsOld
        /// Repetitions, sequences, palindromes, too few different characters.
        case tooSimple
        /// The dictionary could not be read: the server is misconfigured; nothing is accepted unchecked.
        case checkUnavailable
    }

    /// What the password must not contain.
    struct Owner: Sendable {
        let username: String
        let givenName: String
        let surname: String
        let nrn: String
    }

    /// Checks off the event loop: cracklib opens its dictionary files on every check.
    func refusal(for password: String, old: String?, owner: Owner) async throws -> Refusal? {
        try await HashingThreads.run { Self.check(password, old: old, owner: owner) }
    }

    static func check(_ password: String, old: String?, owner: Owner) -> Refusal? {
        // NIST counts each Unicode code point as one character.
        let length = password.unicodeScalars.count
        if length < minimumLength { return .tooShort }
        if length > maximumLength { return .tooLong }
        if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { return .unusableCharacters }
        // Before the personal-data check: the current password may well contain a name, and "the same" is the reason.
        if let old, old == password { return .sameAsOld }
        if containsPersonalData(password, owner: owner) { return .personalData }
        if let refusal = Libpwquality.check(password, old: old, user: owner.username.lowercased(), minimumLength: minimumLength) { return refusal }
        // cracklib does not see "sunshine2024" as the dictionary word it is: check the word without the digits
        // and signs around it too.
        let core = password.trimmingCharacters(in: CharacterSet.letters.inverted)
        if core != password, core.unicodeScalars.count >= 6,
           Libpwquality.check(core, old: nil, user: nil, minimumLength: 6) == .dictionaryWord {
            return .dictionaryWord
        }
        return nil
    }

    /// The person's names (each word of four letters or more), username, national register number and birth date
    /// (its first six digits), compared without case or accents.
    static func containsPersonalData(_ password: String, owner: Owner) -> Bool {
        let fold: (String) -> String = { $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        let text = fold(password)
        let squeezed = text.filter { $0.isLetter || $0.isNumber }
        let separators = CharacterSet.letters.inverted
        var words = (owner.givenName + " " + owner.surname).components(separatedBy: separators).filter { $0.count >= shortestNamePart }.map(fold)
        // "Van den Berg" is also typed "vandenberg".
        for name in [owner.givenName, owner.surname] {
            let joined = fold(name).filter(\.isLetter)
            if joined.count >= 3 { words.append(joined) }
        }
        if !owner.username.isEmpty { words.append(fold(owner.username)) }
        if words.contains(where: { text.contains($0) || squeezed.contains($0.filter { $0.isLetter || $0.isNumber }) }) { return true }
        let digits = password.filter(\.isASCII).filter(\.isNumber)
        return owner.nrn.count == 11 && (digits.contains(owner.nrn) || password.contains(owner.nrn.prefix(6)))
    }
}
