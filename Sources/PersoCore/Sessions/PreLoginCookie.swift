import Crypto
import Foundation

/// What an anonymous visitor's session holds — a form's CSRF token, a login in progress, the page they came from —
/// kept in the visitor's own browser, sealed with AES-GCM under a key every instance shares, instead of in a table:
/// a visitor who only looks costs no database write, and any instance can take the next request. It can be neither
/// read nor forged nor moved to another cookie name; what it cannot be is revoked, which is why the session becomes
/// a stored row the moment it is worth revoking — at login (`Session.rotate()`) — or grows past what a cookie holds.
struct PreLoginCookie: Sendable {
    struct Content: Codable, Equatable {
        var values: [String: String]
        var createdAt: Date
        var lastSeenAt: Date

        enum CodingKeys: String, CodingKey {
            case values = "v", createdAt = "c", lastSeenAt = "s"
        }

        /// What `Codable` with `secondsSince1970` would write, without JSONEncoder: sealed for every anonymous page.
        var json: String {
            var object = JSONObjectWriter()
            object.add("c", createdAt.timeIntervalSince1970)
            object.add("s", lastSeenAt.timeIntervalSince1970)
            object.add("v", values)
            return object.json
        }
    }

    /// Of the cookie's value: browsers keep 4,096 bytes per cookie, its name and attributes included.
    static let maximumLength = 3_600

    let key: SymmetricKey
    let cookieName: String

    /// The cookie's value, or nil when the content is too large for a cookie (the session is then stored as a row).
    func seal(_ content: Content) -> String? {
        guard let box = try? AES.GCM.seal(Array(content.json.utf8), using: key, authenticating: Array(cookieName.utf8)),
              let combined = box.combined else { return nil }
        let text = SecureRandom.base64URL(combined)
        return text.utf8.count <= Self.maximumLength ? text : nil
    }

    /// The content, if the cookie is one of ours, untouched, and within the session's idle and absolute limits.
    func open(_ text: String, now: Date, policy: SessionPolicy) -> Content? {
        guard text.utf8.count <= Self.maximumLength, let data = Base64URL.decode(text),
              let box = try? AES.GCM.SealedBox(combined: data),
              let plain = try? AES.GCM.open(box, using: key, authenticating: Array(cookieName.utf8)) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        guard let content = try? decoder.decode(Content.self, from: plain),
              now < content.createdAt.addingTimeInterval(policy.absoluteTimeout),
              now.timeIntervalSince(content.lastSeenAt) < policy.idleTimeout else { return nil }
        return content
    }
}
