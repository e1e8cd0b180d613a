import Foundation
import HTTPTypes
import Hummingbird

/// The site's Content-Security-Policy: no inline script or style, no framing, forms posting to this origin only —
/// except where a page names the other origins its form submission may end on. Chromium applies `form-action`
/// to the redirects that follow a form POST, so the last form of a login must allow the application it returns
/// to (and the logout confirmation the address it returns to), on that response alone.
public struct ContentSecurityPolicy: Sendable, Equatable {
    /// Source expressions (`https://app.example.be`, `be.example.app:`) a form of this page may be redirected to.
    public var formRedirectSources: [String]

    public init(formRedirectSources: [String] = []) {
        self.formRedirectSources = formRedirectSources
    }

    public static let site = ContentSecurityPolicy()

    public var headerValue: String {
        let formAction = (["'self'"] + formRedirectSources.filter { $0 != "'self'" }).joined(separator: " ")
        return [
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
            "object-src 'none'", "base-uri 'none'", "form-action \(formAction)", "frame-ancestors 'none'",
        ].joined(separator: "; ")
    }

    /// The source expression naming where `uri` lives: its origin for a URL with a host, its scheme for a native
    /// application's private-use URI (RFC 8252 §7.1). Nil for anything that could not be written safely into a
    /// header (it then stays `'self'` only, which fails closed).
    public static func source(of uri: String) -> String? {
        guard let components = URLComponents(string: uri), let scheme = components.scheme?.lowercased(),
              scheme.first?.isLetter == true,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }) else { return nil }
        guard let host = components.host, !host.isEmpty else {
            return ["http", "https"].contains(scheme) ? nil : "\(scheme):"
        }
        let hostAllowed = host.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) }
        guard hostAllowed else { return nil }
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let port = components.port.map { ":\($0)" } ?? ""
        return "\(scheme)://\(bracketed.lowercased())\(port)"
    }
}

extension Response {
    /// Lets this page's forms end on `uris` (see `ContentSecurityPolicy`); the rest of the site keeps `'self'`.
    public mutating func allowFormRedirects(to uris: [String]) {
        let sources = uris.compactMap(ContentSecurityPolicy.source(of:))
        guard !sources.isEmpty else { return }
        headers[.contentSecurityPolicy] = ContentSecurityPolicy(formRedirectSources: Array(Set(sources)).sorted()).headerValue
    }
}
