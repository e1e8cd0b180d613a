import Foundation
import PersoCore

/// The keys of this installation, in the chooser's order (group, then each key's own order): what the chooser,
/// "my keys", "my activity", the CLI and the demo data list instead of naming keys themselves.
public struct KeyRegistry: Sendable {
    public let keys: [any DigitalKey]

    init(_ keys: [any DigitalKey]) {
        let identifiers = keys.map(\.profile.identifier)
        precondition(Set(identifiers).count == identifiers.count, "two keys share an identifier: \(identifiers)")
        self.keys = keys.sorted { ($0.profile.group, $0.profile.order) < ($1.profile.group, $1.profile.order) }
    }

    /// What the keys say about themselves (the brute-force guard lifts and unlocks by them).
    public var profiles: [KeyProfile] { keys.map(\.profile) }

    public func key(_ identifier: KeyIdentifier) -> (any DigitalKey)? {
        keys.first { $0.profile.identifier == identifier }
    }

    /// The keys a person can be given outside a login ("my keys", `persopoint key add`, the demo people).
    public var enrollable: [any DigitalKey] {
        keys.filter { $0.isOffered && $0.enrolment != nil }
    }

    /// A key's short name for "my activity"; nil for a key this installation does not know (any more).
    func shortName(_ identifier: KeyIdentifier, in language: Language) -> String? {
        key(identifier)?.profile.names(language).short
    }
}

/// What the gateway lends a key defined outside it (in the tests, or a deployment's own key): who people are,
/// which keys they hold, and the time.
public struct KeyServices: Sendable {
    public let people: PeopleDirectory
    public let personKeys: PersonKeys
    public let clock: @Sendable () -> Date
}
