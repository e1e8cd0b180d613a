import Foundation
import PersoCore

/// Who may do what with keys, and for how long an unused token card stays valid.
public struct KeyPolicy: Sendable {
    /// The level of the session from which a person activates or replaces a key (the real rule: eID or itsme).
    public var activationLevel: LevelOfAssurance
    /// A token card unused for this long is deactivated at its next use.
    public var tokenCardInactivity: TimeInterval
    /// Removing a key needs a login at most this old.
    public var freshLogin: TimeInterval = 300

    public init(activationLevel: LevelOfAssurance = .level450, tokenCardInactivity: TimeInterval = 365 * 86_400) {
        self.activationLevel = activationLevel
        self.tokenCardInactivity = tokenCardInactivity
    }

    func isExpired(_ key: PersonKey, now: Date) -> Bool {
        let lastSign = key.lastUsedAt ?? key.activatedAt ?? key.createdAt
        return now.timeIntervalSince(lastSign) > tokenCardInactivity
    }
}
