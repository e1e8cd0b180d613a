import Foundation
import Hummingbird
import PersoCore

/// OpenID Provider metadata (OIDC Discovery 1.0) and the JWKS built from the signing keys.
struct DiscoveryEndpoints: Sendable {
    let settings: ProviderSettings
    let keys: SigningKeys

    /// The metadata and keys for programs; the guide for relying parties is a page for people.
    func register(on routes: Routes, pages: Routes) {
        let metadata: [String: Any] = [
            "issuer": settings.issuer,
            "authorization_endpoint": settings.authorizationEndpoint,
            "token_endpoint": settings.tokenEndpoint,
            "userinfo_endpoint": settings.userinfoEndpoint,
            "jwks_uri": settings.jwksURI,
            "introspection_endpoint": settings.introspectionEndpoint,
            "revocation_endpoint": settings.revocationEndpoint,
            "end_session_endpoint": settings.endSessionEndpoint,
            "service_documentation": settings.publicBase + GatewayPath.relyingPartyGuide,
            "op_policy_uri": settings.publicBase + GatewayPath.relyingPartyGuide + "#" + RelyingPartyGuidePage.conditionsAnchor,
            "prompt_values_supported": ["none", "login"],
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "grant_types_supported": ["authorization_code", "refresh_token", "client_credentials"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["ES256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "private_key_jwt"],
            "token_endpoint_auth_signing_alg_values_supported": ["ES256", "RS256", "PS256"],
            "introspection_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "private_key_jwt"],
            "introspection_endpoint_auth_signing_alg_values_supported": ["ES256", "RS256", "PS256"],
            "revocation_endpoint_auth_signing_alg_values_supported": ["ES256", "RS256", "PS256"],
            "revocation_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "private_key_jwt", "none"],
            "scopes_supported": ProviderSettings.supportedScopes,
            "acr_values_supported": LevelOfAssurance.allCases.map(\.acr),
            "claims_supported": ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "acr", "amr", "sid", "azp",
                                 "given_name", "family_name", "email", "locale", "egovNRN", "givenName", "surname", "mail",
                                 "prefLanguage", "roles"],
            "ui_locales_supported": Language.allCases.map(\.rawValue),
            "claims_parameter_supported": false,
            "request_parameter_supported": false,
            "request_uri_parameter_supported": false,
            "authorization_response_iss_parameter_supported": true,
            "frontchannel_logout_supported": false,
            "backchannel_logout_supported": false,
        ]
        // Public documents: any origin's pages may read them (a browser application discovers its provider too).
        var documentHeaders = CrossOriginAccess.publicDocument
        documentHeaders[.cacheControl] = "public, max-age=3600"
        let document = JSONResponse.make(headers: documentHeaders, metadata)
        routes.get(ProviderSettings.basePath + "/.well-known/openid-configuration") { _, _ in document }
        routes.get(ProviderSettings.basePath + "/connect/jwk_uri") { _, _ in
            var headers = CrossOriginAccess.publicDocument
            headers[.contentType] = "application/jwk-set+json"
            headers[.cacheControl] = "public, max-age=300"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try await keys.jwksJSON())))
        }
        pages.get(GatewayPath.relyingPartyGuide) { _, context in RelyingPartyGuidePage.response(settings: settings, context: context) }
    }
}
