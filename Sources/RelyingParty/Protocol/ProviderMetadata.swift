import Foundation

/// The parts of the gateway's discovery document (OIDC Discovery 1.0) a relying party uses.
public struct ProviderMetadata: Decodable, Sendable {
    public let issuer: String
    public let authorization_endpoint: String
    public let token_endpoint: String
    public let jwks_uri: String
    public let end_session_endpoint: String?
    public let code_challenge_methods_supported: [String]?
}
