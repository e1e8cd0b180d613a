/// The language selector's links: the same address in another language. Every other query parameter stays, so
/// a login in progress (`tx`) or a filled-in search survives the switch.
public enum LanguageLink {
    /// `address` with its `lang` parameter replaced; a relative `?lang=` (same path) when there is no address.
    public static func href(to address: String?, in language: Language) -> String {
        let choice = "lang=\(language.rawValue)"
        guard let address else { return "?" + choice }
        let (path, query) = split(address)
        let kept = withoutLanguage(query)
        return path + "?" + (kept.isEmpty ? choice : kept + "&" + choice)
    }

    /// A request's path and query as an address for `href`, without its `lang` parameter.
    public static func address(path: String, query: String?) -> String {
        let kept = withoutLanguage(query ?? "")
        return kept.isEmpty ? path : path + "?" + kept
    }

    private static func split(_ address: String) -> (path: String, query: String) {
        guard let mark = address.firstIndex(of: "?") else { return (address, "") }
        return (String(address[..<mark]), String(address[address.index(after: mark)...]))
    }

    private static func withoutLanguage(_ query: String) -> String {
        query.split(separator: "&", omittingEmptySubsequences: true)
            .filter { $0 != "lang" && !$0.hasPrefix("lang=") }
            .joined(separator: "&")
    }
}
