import Foundation
import JWTKit
import NIOConcurrencyHelpers
import PersoCore

/// The mobile identity provider's discovery document and signing keys, fetched once and kept, as any relying party
/// keeps them: without it every itsme login cost the provider two extra requests (three in broker mode) and the
/// person two more round trips. The document is kept an hour; the keys ten minutes, and fetched again at once when a
/// token names a key that is not among them (the provider rotated) — at most every five seconds, so that forged
/// `kid`s cannot make the gateway hammer the provider.
final class ProviderDocuments: Sendable {
    /// OIDC Discovery: what the gateway needs of the provider's metadata.
    struct Metadata: Decodable, Sendable {
        let issuer: String
        let authorization_endpoint: String
        let token_endpoint: String
        let jwks_uri: String
    }

    struct Keys {
        let url: String
        let collection: JWTKeyCollection
        let kids: Set<String>
        let fetchedAt: Date
    }

    static let metadataLifetime: TimeInterval = 3600
    static let keysLifetime: TimeInterval = 600
    static let minimumRefetchInterval: TimeInterval = 5

    let issuer: String
    let transport: any BackchannelTransport
    let clock: @Sendable () -> Date
    private let cachedMetadata = NIOLockedValueBox<(metadata: Metadata, fetchedAt: Date)?>(nil)
    private let cachedKeys = NIOLockedValueBox<Keys?>(nil)
    private let fetches = NIOLockedValueBox((metadata: 0, keys: 0))

    init(issuer: String, transport: any BackchannelTransport, clock: @escaping @Sendable () -> Date) {
        self.issuer = issuer
        self.transport = transport
        self.clock = clock
    }

    /// How often each document was fetched: lets the tests see the cache work.
    var fetchCounts: (metadata: Int, keys: Int) { fetches.withLockedValue { $0 } }

    func metadata() async throws -> Metadata {
        let now = clock()
        if let cached = cachedMetadata.withLockedValue({ $0 }), Self.fresh(cached.fetchedAt, now: now, lifetime: Self.metadataLifetime) {
            return cached.metadata
        }
        let (status, body) = try await transport.get(issuer + "/.well-known/openid-configuration")
        fetches.withLockedValue { $0.metadata += 1 }
        guard status == 200 else { throw URLError(.badServerResponse) }
        let metadata = try JSONDecoder().decode(Metadata.self, from: body)
        // OIDC Discovery §4.3: the metadata must name the issuer it was asked for.
        guard metadata.issuer == issuer else { throw URLError(.badServerResponse) }
        cachedMetadata.withLockedValue { $0 = (metadata, now) }
        return metadata
    }

    /// The token's signature checked with the provider's key named by its `kid`, and its payload decoded.
    func verify<Payload: JWTPayload>(_ token: String, as type: Payload.Type, keysAt url: String) async throws -> Payload {
        guard let kid = CompactJWS.keyID(of: token) else { throw JWTError.invalidHeaderField(reason: "no kid") }
        let now = clock()
        var keys = cachedKeys.withLockedValue { $0 }
        if let known = keys, known.url != url || !Self.fresh(known.fetchedAt, now: now, lifetime: Self.keysLifetime) { keys = nil }
        if let known = keys, !known.kids.contains(kid), now.timeIntervalSince(known.fetchedAt) >= Self.minimumRefetchInterval { keys = nil }
        let current: Keys
        if let keys { current = keys } else { current = try await fetchKeys(url, now: now) }
        guard current.kids.contains(kid) else { throw JWTError.invalidHeaderField(reason: "unknown kid") }
        return try await current.collection.verify(token, as: Payload.self)
    }

    private func fetchKeys(_ url: String, now: Date) async throws -> Keys {
        let (status, body) = try await transport.get(url)
        fetches.withLockedValue { $0.keys += 1 }
        guard status == 200 else { throw URLError(.badServerResponse) }
        let jwks = try JSONDecoder().decode(JWKS.self, from: body)
        // Signing keys only: the real itsme publishes RSA keys (RS256), this product's service EC keys (ES256); an
        // encryption key's entry (RSA-OAEP) is never one to check a signature with.
        let usable = jwks.keys.filter { [.rsa, .ecdsa].contains($0.keyType) && $0.algorithm != .rsaOAEP }
        let collection = JWTKeyCollection()
        _ = try await collection.add(jwks: JWKS(keys: usable))
        let keys = Keys(url: url, collection: collection, kids: Set(usable.compactMap { $0.keyIdentifier?.string }), fetchedAt: now)
        cachedKeys.withLockedValue { $0 = keys }
        return keys
    }

    /// A clock set back must not make a document live for ever.
    private static func fresh(_ fetchedAt: Date, now: Date, lifetime: TimeInterval) -> Bool {
        now >= fetchedAt && now.timeIntervalSince(fetchedAt) < lifetime
    }
}
