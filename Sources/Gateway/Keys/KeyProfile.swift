import PersoCore

/// What a digital key says about itself, so that the chooser, "my keys", "my activity", the tokens and the CLI
/// need to know nothing else about it.
public struct KeyProfile: Sendable {
    public let identifier: KeyIdentifier
    /// What a login with this key proves; a token never claims more.
    public let level: LevelOfAssurance
    /// `amr` values in ID tokens (RFC 8176 where one fits).
    public let amr: [String]
    public let group: KeyGroup
    /// Place within the group on the chooser and in "my keys", lowest first.
    public let order: Int
    public let names: @Sendable (PersoCore.Language) -> KeyNames

    public init(identifier: KeyIdentifier, level: LevelOfAssurance, amr: [String], group: KeyGroup, order: Int,
                names: @escaping @Sendable (PersoCore.Language) -> KeyNames) {
        self.identifier = identifier
        self.level = level
        self.amr = amr
        self.group = group
        self.order = order
        self.names = names
    }
}

/// The chooser's two groups, in the guide's order.
public enum KeyGroup: Int, Sendable, CaseIterable, Comparable {
    /// "With eID or digital identity".
    case identity
    /// "With a security code and username + password".
    case securityCode

    public static func < (lhs: KeyGroup, rhs: KeyGroup) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A key's names in one language; each key writes them for the four languages in a `switch`, so the compiler
/// checks that none is missing.
public struct KeyNames: Sendable {
    /// On the chooser, "my keys" and the key's own pages: "LOG IN with a security code sent by e-mail".
    public let full: String
    /// In "my activity": "Security code by e-mail".
    public let short: String
    /// Asked before the key is removed from "my keys".
    public let removeQuestion: String

    public init(full: String, short: String, removeQuestion: String) {
        self.full = full
        self.short = short
        self.removeQuestion = removeQuestion
    }
}
