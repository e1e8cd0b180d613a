/// A FAS level of assurance as an `acr` value (`urn:be:fedict:iam:fas:Level300`). The relying party compares
/// levels by their number and knows nothing else of the gateway's keys.
public struct AssuranceLevel: Sendable, Comparable, Hashable, Codable {
    public let number: Int

    public static let urnPrefix = "urn:be:fedict:iam:fas:Level"

    public init(_ number: Int) { self.number = number }

    public init?(acr: String) {
        guard acr.hasPrefix(Self.urnPrefix), let number = Int(acr.dropFirst(Self.urnPrefix.count)), number > 0 else { return nil }
        self.number = number
    }

    public var acr: String { "\(Self.urnPrefix)\(number)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.number < rhs.number }
}
