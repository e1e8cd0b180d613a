import Foundation

/// Where the provider lives and how long what it issues is valid.
public struct ProviderSettings: Sendable {
    /// `{public URL}/fas/oauth2`.
    public let issuer: String
    public var codeLifetime: TimeInterval = 60
    public var accessTokenLifetime: TimeInterval = 600
    public var refreshTokenLifetime: TimeInterval = 12 * 3600

    public init(publicURL: URL) {
        issuer = publicURL.base + "/fas/oauth2"
    }

    public static let basePath = "/fas/oauth2"
    var authorizationEndpoint: String { issuer + "/authorize" }
    var tokenEndpoint: String { issuer + "/access_token" }
    var userinfoEndpoint: String { issuer + "/userinfo" }
    var jwksURI: String { issuer + "/connect/jwk_uri" }
    var introspectionEndpoint: String { issuer + "/introspect" }
    var revocationEndpoint: String { issuer + "/token/revoke" }
    var endSessionEndpoint: String { issuer + "/connect/endSession" }

    static let supportedScopes = ["openid", "profile", "email", "egovnrn", "roles"]
}
