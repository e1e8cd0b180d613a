import Foundation
import JWTKit

/// The claims of the gateway's ID token that an application uses. Times are checked by `IDTokenValidator`
/// against the application's clock, so `verify(using:)` has nothing left to do.
public struct IDToken: JWTPayload, Sendable {
    public let iss: String
    public let sub: String
    public let aud: Audience
    public let exp: Int
    public let iat: Int
    /// When the person last proved who they are (not when this token was made): what "a fresh login" means.
    public let auth_time: Int?
    public let nonce: String?
    public let acr: String?
    public let azp: String?
    public let sid: String?
    public let given_name: String?
    public let family_name: String?
    public let email: String?
    public let locale: String?
    public let roles: [String]?
    /// The national register number (FAS claim, scope `egovnrn`).
    public let egovNRN: String?

    public func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// `aud` may be one string or a list (OIDC Core §2).
    public struct Audience: Codable, Sendable {
        public let values: [String]

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let one = try? container.decode(String.self) { values = [one] } else { values = try container.decode([String].self) }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if values.count == 1 { try container.encode(values[0]) } else { try container.encode(values) }
        }
    }
}
