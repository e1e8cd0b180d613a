import Crypto
import Foundation
import NIOConcurrencyHelpers

/// Access tokens whose signature this instance has checked, until they expire: an API calls userinfo or
/// introspection with the same token again and again, and the ES256 verification was the largest part of such a
/// request. Only the signature's outcome is kept; the grant is read on every call, so a revoked or logged-out token
/// is still refused at once, on every instance.
final class VerifiedTokenCache: Sendable {
    private static let capacity = 4_096
    private let entries = NIOLockedValueBox<[SHA256Digest: AccessTokenClaims]>([:])

    func claims(of token: String, now: Int) -> AccessTokenClaims? {
        let key = SHA256.hash(data: Array(token.utf8))
        return entries.withLockedValue { entries in
            guard let claims = entries[key] else { return nil }
            guard claims.exp > now else {
                entries[key] = nil
                return nil
            }
            return claims
        }
    }

    func remember(_ claims: AccessTokenClaims, of token: String, now: Int) {
        let key = SHA256.hash(data: Array(token.utf8))
        entries.withLockedValue { entries in
            if entries.count >= Self.capacity {
                entries = entries.filter { $0.value.exp > now }
                if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = claims
        }
    }
}
