/// The four languages of the federal administration's portals; every page exists in each.
public enum Language: String, CaseIterable, Sendable, Codable {
    case fr, nl, de, en

    /// The language a first visit gets when nothing in the request names one of ours.
    public static let fallback: Language = .fr

    /// Accepts `fr`, `FR`, `fr-BE`, `nl_BE`…; anything else is not one of ours.
    public init?(tag: Substring) {
        let primary = tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? ""
        guard primary.count == 2, let language = Language(rawValue: primary.lowercased()) else { return nil }
        self = language
    }

    /// The language's own name, as the language selector shows it.
    public var nativeName: String {
        switch self {
        case .fr: "Français"
        case .nl: "Nederlands"
        case .de: "Deutsch"
        case .en: "English"
        }
    }
}
