import Foundation

/// How long sessions live and how the cookie is set; the server enforces both limits whatever the browser does.
public struct SessionPolicy: Sendable {
    public var idleTimeout: TimeInterval
    public var absoluteTimeout: TimeInterval
    /// Behind HTTPS the cookie is `Secure` and takes the `__Host-` prefix (no Domain, Path=/).
    public var secureCookies: Bool

    public init(idleTimeout: TimeInterval = 20 * 60, absoluteTimeout: TimeInterval = 12 * 3600, secureCookies: Bool = false) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.secureCookies = secureCookies
    }

    public var cookieName: String { secureCookies ? "__Host-persopoint_session" : "persopoint_session" }
    /// An anonymous visitor's session, sealed in the browser itself (`PreLoginCookie`).
    public var preLoginCookieName: String { secureCookies ? "__Host-persopoint_prelogin" : "persopoint_prelogin" }

    /// Writing `last_seen_at` on every request would make each page view a database write; a tenth of the idle
    /// limit (at most a minute) keeps the idle check accurate to that margin.
    var touchInterval: TimeInterval { min(60, idleTimeout / 10) }
}
