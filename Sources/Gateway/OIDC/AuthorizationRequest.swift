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

    /// The longest `state` and `nonce` taken. Longer ones are refused, never cut: a cut value would no longer match
    /// what the application kept, and it would reject the answer without saying why.
    static let maxStateLength = 1024
    static let maxNonceLength = 1024

    static func validate(_ fields: FormFields, clients: ClientAuthentication) async throws -> Result<AuthorizationRequest, RedirectedError> {
        let parameters = fields.values
        // RFC 6749 §3.1: a parameter given twice is an error; for these two there is no address to trust with it.
        guard fields.repeatedNames.isDisjoint(with: ["client_id", "redirect_uri"]) else { throw Untrusted.badRedirectURI }
        guard let clientID = parameters["client_id"], let client = try await clients.find(clientID) else { throw Untrusted.unknownClient }
        guard let redirectURI = parameters["redirect_uri"], client.redirectURIs.contains(redirectURI) else { throw Untrusted.badRedirectURI }
        let oversized = (parameters["state"]?.count ?? 0) > maxStateLength
        let state = oversized || fields.repeatedNames.contains("state") ? nil : parameters["state"]
        func fail(_ code: OAuthErrorCode, _ description: String) -> Result<AuthorizationRequest, RedirectedError> {
            .failure(RedirectedError(redirectURI: redirectURI, state: state, code: code, description: description))
        }

        if let repeated = fields.repeatedNames.sorted().first {
            return fail(.invalidRequest, "the parameter \(repeated) is given more than once")
        }
        guard !oversized else { return fail(.invalidRequest, "state is longer than \(maxStateLength) characters") }
        guard (parameters["nonce"]?.count ?? 0) <= maxNonceLength else {
            return fail(.invalidRequest, "nonce is longer than \(maxNonceLength) characters")
        }
        guard parameters["request"] == nil, parameters["request_uri"] == nil else {
            return fail(.requestNotSupported, "request objects are not supported")
        }
        guard parameters["response_type"] == "code" else { return fail(.unsupportedResponseType, "only response_type=code is supported") }
        // Answering in another mode than asked would hand the code to a page that does not expect it.
        if let mode = parameters["response_mode"], mode != "query" {
            return fail(.invalidRequest, "response_mode \(mode.prefix(40)) is not supported; only query is")
        }
        guard client.grantTypes.contains("authorization_code") else { return fail(.unauthorizedClient, "client may not use the authorization code grant") }
        let scopes = (parameters["scope"] ?? "").split(separator: " ").map(String.init)
        guard scopes.contains("openid") else { return fail(.invalidScope, "the openid scope is required") }
        guard Set(scopes).isSubset(of: Set(client.scopes)) else { return fail(.invalidScope, "scope not allowed for this client") }

        let challenge = parameters["code_challenge"]
        if let challenge {
            guard parameters["code_challenge_method"] == "S256" else { return fail(.invalidRequest, "code_challenge_method must be S256") }
            guard (43...128).contains(challenge.count) else { return fail(.invalidRequest, "malformed code_challenge") }
        } else if client.isPublic {
            return fail(.invalidRequest, "PKCE (code_challenge with S256) is required for public clients")
        }
        var maxAge: Int?
        if let text = parameters["max_age"] {
            guard let value = Int(text), value >= 0 else { return fail(.invalidRequest, "max_age must be a non-negative integer") }
            maxAge = value
        }
        let prompt = Set((parameters["prompt"] ?? "").split(separator: " ").map(String.init))
        if prompt.contains("none"), prompt.count > 1 { return fail(.invalidRequest, "prompt=none cannot be combined") }
        let asked = LevelOfAssurance.minimum(acrValues: parameters["acr_values"])
        let language = parameters["ui_locales"]?.split(separator: " ").lazy.compactMap { Language(tag: $0) }.first
        return .success(AuthorizationRequest(
            client: client, redirectURI: redirectURI, state: state, nonce: parameters["nonce"],
            scopes: scopes, codeChallenge: challenge, requiredLevel: max(client.minimumLevel, asked ?? client.minimumLevel),
            prompt: prompt, maxAge: maxAge, loginHint: parameters["login_hint"].map { String($0.prefix(100)) },
            uiLanguage: language
        ))
    }
}

/// An error answered by redirecting back to the client (RFC 6749 §4.1.2.1), with `iss` (RFC 9207).
struct RedirectedError: Error, Sendable {
    let redirectURI: String
    let state: String?
    let code: OAuthErrorCode
    let description: String
}

enum ClientRedirect {
    /// `uri` with the given parameters appended to its query, properly encoded.
    static func url(_ uri: String, _ parameters: [(String, String?)]) -> String {
        var components = URLComponents(string: uri) ?? URLComponents()
        var items = components.queryItems ?? []
        for (name, value) in parameters { if let value { items.append(URLQueryItem(name: name, value: value)) } }
        components.queryItems = items.isEmpty ? nil : items
        // URLComponents leaves "+" alone in queries; a form decoder would read it as a space.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return components.string ?? uri
    }
}
