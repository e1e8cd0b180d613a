/// The FAS assurance levels, as `acr` values: the vocabulary every part shares (the gateway issues them, relying
/// parties require them). A request's `acr_values` is a minimum; a token never claims more
/// than the key that was used.
public enum LevelOfAssurance: Int, Comparable, CaseIterable, Sendable, Codable {
    case level100 = 100
    case level200 = 200
    case level300 = 300
    case level350 = 350
    case level400 = 400
    case level450 = 450
    case level500 = 500

    public static let urnPrefix = "urn:be:fedict:iam:fas:Level"

    public var acr: String { "\(Self.urnPrefix)\(rawValue)" }

    public init?(acr: String) {
        guard acr.hasPrefix(Self.urnPrefix), let number = Int(acr.dropFirst(Self.urnPrefix.count)),
              let level = LevelOfAssurance(rawValue: number) else { return nil }
        self = level
    }

    /// The lowest of the known levels among space-separated `acr_values`; unknown values are ignored, as OIDC allows.
    public static func minimum(acrValues: String?) -> LevelOfAssurance? {
        acrValues?.split(separator: " ").compactMap { LevelOfAssurance(acr: String($0)) }.min()
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
