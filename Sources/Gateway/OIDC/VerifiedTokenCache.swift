import Crypto
import Foundation
import NIOConcurrencyHelpers

/// Access tokens whose signature this instance has checked, until they expire, with their grant: an API calls
/// userinfo or introspection with the same token again and again, and the ES256 verification was the largest part of
/// such a request, then the reading of the grant's row. Kept: the signature's outcome and what never changes about the
/// grant (client, person, scopes, level); whether the grant was revoked is read on every call, so a revoked or
/// logged-out token is still refused at once, on every instance.
final class VerifiedTokenCache: Sendable {
    private static let capacity = 4_096
    private let entries = NIOLockedValueBox<[SHA256Digest: Entry]>([:])

    struct Entry: Sendable {
        let claims: AccessTokenClaims
        /// As read when the token was first seen; its `revokedAt` is not to be trusted (see `TokenService`).
        let grant: GrantRecord
    }

    func entry(of token: String, now: Int) -> Entry? {
        let key = SHA256.hash(data: Array(token.utf8))
        return entries.withLockedValue { entries in
            guard let entry = entries[key] else { return nil }
            guard entry.claims.exp > now else {
                entries[key] = nil
                return nil
            }
            return entry
        }
    }

    func remember(_ claims: AccessTokenClaims, grant: GrantRecord, of token: String, now: Int) {
        let key = SHA256.hash(data: Array(token.utf8))
        entries.withLockedValue { entries in
            if entries.count >= Self.capacity {
                entries = entries.filter { $0.value.claims.exp > now }
                if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = Entry(claims: claims, grant: grant)
        }
    }
}
