import Foundation
import PersoCore

extension RelyingParty {
    /// An access token for the application itself (OAuth client credentials with its secret), to call another part's
    /// API exactly as an outside program would: PersoContact publishing into the eBox, for instance.
    public func serviceToken(scope: String) async throws(LoginRefusal) -> String {
        let metadata: ProviderMetadata
        do { metadata = try await provider.metadata() } catch let refusal as LoginRefusal { throw refusal } catch { throw .gatewayUnavailable }
        guard let secret = clientSecret() else { throw .notConfigured }
        guard let url = URL(string: metadata.token_endpoint) else { throw .gatewayUnavailable }
        let request = tokenRequest(url, secret: secret, body: FormEncoding.encode([("grant_type", "client_credentials"), ("scope", scope)]))
        let response: GatewayResponse
        do { response = try await provider.fetch(request) } catch { throw .gatewayUnavailable }
        struct Tokens: Decodable { let access_token: String }
        guard response.status == 200, let tokens = try? JSONDecoder().decode(Tokens.self, from: response.body) else {
            throw response.status >= 500 ? .gatewayUnavailable : .notConfigured
        }
        return tokens.access_token
    }

    /// One HTTP exchange with another part of the product (or any host), through the same transport as the gateway's.
    public func send(_ request: GatewayRequest) async throws(LoginRefusal) -> GatewayResponse {
        do { return try await provider.fetch(request) } catch { throw .gatewayUnavailable }
    }
}
