import Foundation
import PersoCore

/// An authorisation request, checked in the order OIDC Core §3.1.2.2 implies: first what decides whether we
/// may redirect at all (client, redirect URI), then everything else, whose errors go back to the client.
struct AuthorizationRequest: Sendable {
    let client: RegisteredClient
    let redirectURI: String
    let state: String?
    let nonce: String?
    let scopes: [String]
    let codeChallenge: String?
    let requiredLevel: LevelOfAssurance
    let prompt: Set<String>
    let maxAge: Int?
    let loginHint: String?
    let uiLanguage: Language?

    /// Errors that must not be redirected: the person gets an error page.
    enum Untrusted: Error { case unknownClient, badRedirectURI }

    static func validate(_ parameters: [String: String], clients: ClientAuthentication) async throws -> Result<AuthorizationRequest, RedirectedError> {
        guard let clientID = parameters["client_id"], let client = try await clients.find(clientID) else { throw Untrusted.unknownClient }
        guard let redirectURI = parameters["redirect_uri"], client.redirectURIs.contains(redirectURI) else { throw Untrusted.badRedirectURI }
        let state = parameters["state"].map { String($0.prefix(512)) }
        func fail(_ code: String, _ description: String) -> Result<AuthorizationRequest, RedirectedError> {
            .failure(RedirectedError(redirectURI: redirectURI, state: state, code: code, description: description))
        }

        guard parameters["request"] == nil, parameters["request_uri"] == nil else {
            return fail("request_not_supported", "request objects are not supported")
        }
        guard parameters["response_type"] == "code" else { return fail("unsupported_response_type", "only response_type=code is supported") }
        guard client.grantTypes.contains("authorization_code") else { return fail("unauthorized_client", "client may not use the authorization code grant") }
        let scopes = (parameters["scope"] ?? "").split(separator: " ").map(String.init)
        guard scopes.contains("openid") else { return fail("invalid_scope", "the openid scope is required") }
        guard Set(scopes).isSubset(of: Set(client.scopes)) else { return fail("invalid_scope", "scope not allowed for this client") }

        let challenge = parameters["code_challenge"]
        if let challenge {
            guard parameters["code_challenge_method"] == "S256" else { return fail("invalid_request", "code_challenge_method must be S256") }
            guard (43...128).contains(challenge.count) else { return fail("invalid_request", "malformed code_challenge") }
        } else if client.isPublic {
            return fail("invalid_request", "PKCE (code_challenge with S256) is required for public clients")
        }
        var maxAge: Int?
        if let text = parameters["max_age"] {
            guard let value = Int(text), value >= 0 else { return fail("invalid_request", "max_age must be a non-negative integer") }
            maxAge = value
        }
        let prompt = Set((parameters["prompt"] ?? "").split(separator: " ").map(String.init))
        if prompt.contains("none"), prompt.count > 1 { return fail("invalid_request", "prompt=none cannot be combined") }
        let asked = LevelOfAssurance.minimum(acrValues: parameters["acr_values"])
        let language = parameters["ui_locales"]?.split(separator: " ").lazy.compactMap { Language(tag: $0) }.first
        return .success(AuthorizationRequest(
            client: client, redirectURI: redirectURI, state: state, nonce: parameters["nonce"].map { String($0.prefix(512)) },
            scopes: scopes, codeChallenge: challenge, requiredLevel: max(client.minimum, asked ?? client.minimum),
            prompt: prompt, maxAge: maxAge, loginHint: parameters["login_hint"].map { String($0.prefix(100)) },
            uiLanguage: language
        ))
    }
}

/// An error answered by redirecting back to the client (RFC 6749 §4.1.2.1), with `iss` (RFC 9207).
struct RedirectedError: Error, Sendable {
    let redirectURI: String
    let state: String?
    let code: String
    let description: String
}

enum ClientRedirect {
    /// `uri` with the given parameters appended to its query, properly encoded.
    static func url(_ uri: String, _ parameters: [(String, String?)]) -> String {
        var components = URLComponents(string: uri) ?? URLComponents()
        var items = components.queryItems ?? []
        for (name, value) in parameters { if let value { items.append(URLQueryItem(name: name, value: value)) } }
        components.queryItems = items
        // URLComponents leaves "+" alone in queries; a form decoder would read it as a space.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return components.string ?? uri
    }
}
