import Foundation
import NIOConcurrencyHelpers

/// Registered clients, kept in memory for a few seconds: every token, introspection and revocation request
/// starts by looking its client up, and clients change a few times a year. A client removed on this instance
/// is forgotten at once; one removed from the CLI or another instance is forgotten within `lifetime`, and its
/// grants are already revoked in the database by then. Only clients that exist are kept, so requests naming
/// made-up client ids cannot grow the cache.
final class ClientCache: Sendable {
    static let lifetime: TimeInterval = 5
    private static let capacity = 1_000
    private let entries = NIOLockedValueBox<[String: (client: RegisteredClient, readAt: Date)]>([:])
    private let origins = NIOLockedValueBox<(origins: Set<String>, readAt: Date)?>(nil)

    func client(_ clientID: String, now: Date) -> RegisteredClient? {
        entries.withLockedValue { entries in
            guard let entry = entries[clientID] else { return nil }
            guard now >= entry.readAt, now.timeIntervalSince(entry.readAt) < Self.lifetime else {
                entries[clientID] = nil
                return nil
            }
            return entry.client
        }
    }

    func keep(_ client: RegisteredClient, now: Date) {
        entries.withLockedValue { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[client.clientID] = (client, now)
        }
    }

    func forget(_ clientID: String) {
        _ = entries.withLockedValue { $0.removeValue(forKey: clientID) }
    }

    func publicOrigins(now: Date) -> Set<String>? {
        origins.withLockedValue { kept in
            guard let kept, now >= kept.readAt, now.timeIntervalSince(kept.readAt) < Self.lifetime else { return nil }
            return kept.origins
        }
    }

    func keep(publicOrigins: Set<String>, now: Date) {
        origins.withLockedValue { $0 = (publicOrigins, now) }
    }

    func forgetPublicOrigins() {
        origins.withLockedValue { $0 = nil }
    }
}
