import Foundation

/// Where the provider lives and how long what it issues is valid.
public struct ProviderSettings: Sendable {
    /// `{public URL}/fas/oauth2`.
    public let issuer: String
    public var codeLifetime: TimeInterval = 60
    public var accessTokenLifetime: TimeInterval = 600
    public var refreshTokenLifetime: TimeInterval = 12 * 3600
    /// How long after a refresh the same refresh token, presented again, still yields the same successor: long enough
    /// for a client to retry after a time-out or a restart, short enough that a stolen copy is of little use.
    public var refreshRetryInterval: TimeInterval = 60

    /// The public URL without trailing slash, where the gateway's pages live.
    let publicBase: String

    public init(publicURL: URL) {
        publicBase = publicURL.base
        issuer = publicURL.base + Self.basePath
    }

    public static let basePath = "/fas/oauth2"
    var authorizationEndpoint: String { issuer + "/authorize" }
    var tokenEndpoint: String { issuer + "/access_token" }
    var userinfoEndpoint: String { issuer + "/userinfo" }
    var jwksURI: String { issuer + "/connect/jwk_uri" }
    var introspectionEndpoint: String { issuer + "/introspect" }
    var revocationEndpoint: String { issuer + "/token/revoke" }
    var endSessionEndpoint: String { issuer + "/connect/endSession" }

    /// The OpenID Connect and FAS identity scopes, and the scopes of the product's APIs that programs ask for with
    /// client credentials (`ebox:publish`: delivering documents into eBoxes).
    static let supportedScopes = ["openid", "profile", "email", "egovnrn", "roles", "ebox:publish"]
}
