import Foundation
import PersoCore

/// What an application tells the relying party about itself.
public struct RelyingPartySettings: Sendable {
    public var clientID: String
    /// The name people know the application by, in the dialog and the timeout note.
    public var applicationName: String
    /// Where the application is mounted, such as `/selfservice`; its callback is `{publicURL}{path}/callback`.
    public var path: String
    /// The application's own public URL (the base of its redirect URIs).
    public var publicURL: URL
    public var required: LevelOfAssurance
    public var scopes: [String] = ["openid", "profile", "email", "roles"]
    /// The file the client secret is read from, written when the client was registered.
    public var secretFile: String
    /// How long before the idle limit the dialog appears.
    public var warningLead: TimeInterval
    /// The server's session limits, stated on every page (the server enforces them, not the page).
    public var idleTimeout: TimeInterval = 1200
    public var absoluteTimeout: TimeInterval = 43200
    /// Where people land after logging out (must be one of the client's registered post-logout URIs).
    public var afterLogout: String

    public init(clientID: String, applicationName: String, path: String, publicURL: URL, required: LevelOfAssurance,
                secretFile: String, warningLead: TimeInterval) {
        self.clientID = clientID
        self.applicationName = applicationName
        self.path = path
        self.publicURL = publicURL
        self.required = required
        self.secretFile = secretFile
        self.warningLead = warningLead
        afterLogout = publicURL.base + "/"
    }

    var base: String { publicURL.base }

    public var redirectURI: String { base + path + "/callback" }
}
