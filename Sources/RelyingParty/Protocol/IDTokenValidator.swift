import Foundation
import PersoCore

/// Checks an ID token as OIDC Core §3.1.3.7 asks: signature by the gateway's published key, issuer, audience
/// (and `azp`), lifetime, the `nonce` this login sent, and an `acr` at least as strong as the application requires.
public struct IDTokenValidator: Sendable {
    let provider: OpenIDProvider
    let clientID: String
    let clock: @Sendable () -> Date
    /// Clocks of two hosts differ a little; more than this and the token is refused.
    let allowedSkew: TimeInterval = 60

    public init(provider: OpenIDProvider, clientID: String, clock: @escaping @Sendable () -> Date) {
        self.provider = provider
        self.clientID = clientID
        self.clock = clock
    }

    /// The token's claims and the level it proves, which is at least `required`.
    public func validate(_ token: String, nonce: String, required: LevelOfAssurance) async throws(LoginRefusal) -> (claims: IDToken, level: LevelOfAssurance) {
        guard token.utf8.count <= 16 * 1024 else { throw .badSignature }
        let claims: IDToken
        do {
            claims = try await provider.verify(token, as: IDToken.self)
        } catch let refusal as LoginRefusal {
            throw refusal
        } catch {
            throw .badSignature
        }
        guard claims.iss == provider.issuer else { throw .wrongIssuer }
        guard claims.aud.values.contains(clientID) else { throw .wrongAudience }
        if claims.aud.values.count > 1 || claims.azp != nil {
            guard claims.azp == clientID else { throw .wrongAudience }
        }
        let now = clock().timeIntervalSince1970
        guard TimeInterval(claims.exp) > now - allowedSkew, TimeInterval(claims.iat) <= now + allowedSkew else { throw .expired }
        guard let sent = claims.nonce, SecureRandom.constantTimeEquals(sent, nonce) else { throw .wrongNonce }
        guard let level = claims.acr.flatMap(LevelOfAssurance.init(acr:)), level >= required else { throw .insufficientLevel }
        return (claims, level)
    }
}
