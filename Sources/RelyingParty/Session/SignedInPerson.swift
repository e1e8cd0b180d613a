import Foundation
import PersoCore

/// The application's own session: who logged in through the gateway, how strongly, and what the ID token said.
/// It lives in the visitor's server-side session, so the server's idle and absolute limits end it.
public struct SignedInPerson: Codable, Sendable {
    /// The gateway's subject identifier for this person.
    public let subject: String
    public let givenName: String
    public let familyName: String
    public let email: String?
    /// The national register number, when the application asked for the `egovnrn` scope.
    public let nationalNumber: String?
    /// `organisation:role` pairs, as the gateway's `roles` claim gives them.
    public let roles: [String]
    public let level: LevelOfAssurance
    public let loggedInAt: Date
    /// The gateway's `auth_time`: when the person last proved who they are there (a single sign-on reuses it).
    public let authenticatedAt: Date?
    /// The gateway's session id (`sid`): which login at the gateway this was, for records that must name it.
    public var sid: String?
    /// The ID token, kept as `id_token_hint` for logging out at the gateway.
    let idToken: String
    /// Names this login to the page's scripts, so a draft typed before a re-login is told from one just sent.
    public let loginMark: String

    /// When the person last proved who they are, as far as the application knows.
    public var provenAt: Date { authenticatedAt ?? loggedInAt }

    public var fullName: String { "\(givenName) \(familyName)".trimmingCharacters(in: .whitespaces) }

    /// The organisations' codes and the roles held in each, in the order the gateway gave them.
    public var memberships: [(organisation: String, role: String)] {
        roles.compactMap { pair in
            let parts = pair.split(separator: ":", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : nil
        }
    }
}
