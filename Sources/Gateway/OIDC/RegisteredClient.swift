import FluentKit
import Foundation
import PersoCore

/// An application allowed to ask the gateway who a person is (a relying party) or to call its APIs.
public final class RegisteredClient: Model, @unchecked Sendable {
    public static let schema = "oidc_clients"

    @ID(key: .id) public var id: UUID?
    @Field(key: "client_id") public var clientID: String
    @Field(key: "name") public var name: String
    /// SHA-256 of the secret: secrets are 256-bit random values, so a slow hash adds nothing but latency.
    @OptionalField(key: "secret_hash") public var secretHash: String?
    @Field(key: "auth_method") public var authMethod: String
    @Field(key: "redirect_uris") public var redirectURIs: [String]
    @Field(key: "post_logout_uris") public var postLogoutURIs: [String]
    @Field(key: "scopes") public var scopes: [String]
    @Field(key: "grant_types") public var grantTypes: [String]
    @Field(key: "min_level") public var minimumLevel: LevelOfAssurance
    @OptionalField(key: "jwks") public var jwks: String?
    /// The clients whose access tokens this one may introspect, as the resource server they are meant for.
    @OptionalField(key: "resource_server_for") public var resourceServerFor: [String]?
    @OptionalField(key: "name_fr") public var nameFrench: String?
    @OptionalField(key: "name_nl") public var nameDutch: String?
    @OptionalField(key: "name_de") public var nameGerman: String?
    @OptionalField(key: "name_en") public var nameEnglish: String?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    /// The application's name in this language, or its registered name when none was given for it.
    public func displayName(in language: PersoCore.Language) -> String {
        let translated: String? = switch language {
        case .fr: nameFrench
        case .nl: nameDutch
        case .de: nameGerman
        case .en: nameEnglish
        }
        return translated ?? name
    }

    public func setDisplayNames(_ names: [PersoCore.Language: String]) {
        nameFrench = names[.fr]
        nameDutch = names[.nl]
        nameGerman = names[.de]
        nameEnglish = names[.en]
    }

    public var isPublic: Bool { authMethod == ClientAuthMethod.none.rawValue }
}

/// How a client proves itself at the token endpoint.
public enum ClientAuthMethod: String, CaseIterable, Sendable {
    case clientSecretBasic = "client_secret_basic"
    case clientSecretPost = "client_secret_post"
    case privateKeyJWT = "private_key_jwt"
    case none
}
