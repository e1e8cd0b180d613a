import Foundation
import NIOConcurrencyHelpers

/// What the provider may say about each person (all scopes), kept in memory for `lifetime`: every refresh and
/// every userinfo call needs it, and it changes rarely. A change of name, e-mail or roles therefore reaches
/// ID tokens and userinfo within half a minute; revocation is never cached (grants are read on each call).
final class PersonClaimsCache: Sendable {
    static let lifetime: TimeInterval = 30
    private static let capacity = 10_000
    private let entries = NIOLockedValueBox<[UUID: (claims: PersonClaims, readAt: Date)]>([:])

    func claims(for personID: UUID, now: Date, load: () async throws -> PersonClaims?) async throws -> PersonClaims? {
        let cached = entries.withLockedValue { entries -> PersonClaims? in
            guard let entry = entries[personID], now >= entry.readAt, now.timeIntervalSince(entry.readAt) < Self.lifetime else { return nil }
            return entry.claims
        }
        if let cached { return cached }
        guard let loaded = try await load() else { return nil }
        entries.withLockedValue { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[personID] = (loaded, now)
        }
        return loaded
    }
}
