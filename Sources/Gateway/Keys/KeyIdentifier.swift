/// A digital key's name in addresses (`/fas/login/email`), the audit log, the brute-force counters and the
/// `person_keys` table. Each key declares its own beside its code (`extension KeyIdentifier { static let … }`),
/// so a new key adds a name without touching a list.
public struct KeyIdentifier: RawRepresentable, Hashable, Codable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        rawValue = value
    }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
}
