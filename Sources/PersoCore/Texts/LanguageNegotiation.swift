import Foundation

/// Picks the page language: `?lang=` first (an explicit click), then the remembered cookie, then the browser's
/// `Accept-Language`. Garbage in any of them is ignored, never an error.
public enum LanguageNegotiation {
    public static let cookieName = "persopoint_lang"

    public static func choose(query: String?, cookie: String?, acceptLanguage: String?) -> Language {
        if let query, let language = Language(tag: Substring(query)) { return language }
        if let cookie, let language = Language(tag: Substring(cookie)) { return language }
        if let acceptLanguage, let language = preferred(acceptLanguage: acceptLanguage) { return language }
        return .fallback
    }

    /// RFC 9110 §12.5.4: the highest-weighted tag we speak; ties keep the header's order.
    static func preferred(acceptLanguage header: String) -> Language? {
        var best: (language: Language, weight: Double)?
        // A hostile header may be long; 32 entries is more than any browser sends.
        for entry in header.split(separator: ",").prefix(32) {
            let parts = entry.split(separator: ";")
            guard let tag = parts.first?.trimmingOptionalWhitespace,
                  let language = Language(tag: Substring(tag)) else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.trimmingOptionalWhitespace
                if pair.hasPrefix("q="), let q = Double(pair.dropFirst(2)), q.isFinite { weight = min(max(q, 0), 1) }
            }
            if weight > 0, weight > (best?.weight ?? 0) { best = (language, weight) }
        }
        return best?.language
    }
}
