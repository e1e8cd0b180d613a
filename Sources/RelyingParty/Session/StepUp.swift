import Foundation
import PersoCore

/// What a sensitive change asks of the login behind it: at least this level, proven within the last `maxAge`
/// seconds (OIDC `acr_values` and `max_age`). The salary account, for one, is not changed on the strength of a
/// token-card login of this morning.
public struct StepUp: Codable, Sendable, Equatable {
    public let level: LevelOfAssurance
    public let maxAge: Int

    public init(level: LevelOfAssurance, maxAge: Int) {
        self.level = level
        self.maxAge = maxAge
    }

    /// Does this person's login already satisfy it?
    public func isSatisfied(by person: SignedInPerson, now: Date) -> Bool {
        person.level >= level && now.timeIntervalSince(person.provenAt) <= TimeInterval(maxAge)
    }
}
