import Foundation
import PersoCore
import JWTKit
import NIOConcurrencyHelpers

/// The gateway as a relying party knows it: its discovery document and its signing keys, both fetched over HTTP
/// and cached. Keys are fetched again when a token names an unknown `kid` (the gateway rotated), at most once
/// every few seconds so that forged `kid`s cannot make us hammer the gateway.
public final class OpenIDProvider: Sendable {
    public let issuer: String
    let transport: any GatewayTransport
    let clock: @Sendable () -> Date
    /// The discovery document changes rarely; an hour keeps a moved endpoint from lingering all day.
    let metadataLifetime: TimeInterval = 3600
    let keysLifetime: TimeInterval = 600
    let minimumRefetchInterval: TimeInterval = 5

    struct Keys {
        let collection: JWTKeyCollection
        let kids: Set<String>
        let fetchedAt: Date
    }

    private let cachedMetadata = NIOLockedValueBox<(ProviderMetadata, Date)?>(nil)
    private let cachedKeys = NIOLockedValueBox<Keys?>(nil)
    private let fetchCount = NIOLockedValueBox(0)

    /// `issuer` is the gateway's issuer URL, `{gateway}/fas/oauth2`.
    public init(issuer: String, transport: any GatewayTransport, clock: @escaping @Sendable () -> Date) {
        self.issuer = issuer
        self.transport = transport
        self.clock = clock
    }

    /// How many times the JWKS was fetched; lets tests see the cache work.
    public var jwksFetches: Int { fetchCount.withLockedValue { $0 } }

    public func metadata() async throws -> ProviderMetadata {
        let now = clock()
        if let (metadata, at) = cachedMetadata.withLockedValue({ $0 }), now.timeIntervalSince(at) < metadataLifetime, now >= at {
            return metadata
        }
        guard let url = URL(string: issuer + "/.well-known/openid-configuration") else { throw LoginRefusal.gatewayUnavailable }
        let response = try await fetch(GatewayRequest(method: .get, url: url))
        guard response.status == 200, let metadata = try? JSONDecoder().decode(ProviderMetadata.self, from: response.body) else {
            throw LoginRefusal.gatewayUnavailable
        }
        // OIDC Discovery §4.3: the document must name exactly the issuer we asked, or it is someone else's.
        guard metadata.issuer == issuer else { throw LoginRefusal.wrongIssuer }
        cachedMetadata.withLockedValue { $0 = (metadata, now) }
        return metadata
    }

    /// Verifies the token's signature with the gateway's published keys and decodes its payload.
    func verify<Payload: JWTPayload>(_ token: String, as type: Payload.Type) async throws -> Payload {
        guard let kid = CompactJWS.keyID(of: token) else { throw LoginRefusal.badSignature }
        var keys = try await currentKeys()
        if !keys.kids.contains(kid), clock().timeIntervalSince(keys.fetchedAt) >= minimumRefetchInterval {
            keys = try await fetchKeys()
        }
        guard keys.kids.contains(kid) else { throw LoginRefusal.badSignature }
        do {
            return try await keys.collection.verify(token, as: Payload.self)
        } catch {
            throw LoginRefusal.badSignature
        }
    }

    private func currentKeys() async throws -> Keys {
        let now = clock()
        if let keys = cachedKeys.withLockedValue({ $0 }), now.timeIntervalSince(keys.fetchedAt) < keysLifetime, now >= keys.fetchedAt {
            return keys
        }
        return try await fetchKeys()
    }

    private func fetchKeys() async throws -> Keys {
        let metadata = try await metadata()
        guard let url = URL(string: metadata.jwks_uri) else { throw LoginRefusal.gatewayUnavailable }
        let response = try await fetch(GatewayRequest(method: .get, url: url))
        fetchCount.withLockedValue { $0 += 1 }
        guard response.status == 200, let jwks = try? JSONDecoder().decode(JWKS.self, from: response.body) else {
            throw LoginRefusal.gatewayUnavailable
        }
        let collection = JWTKeyCollection()
        // Only ES256 signing keys: a JWKS entry for another algorithm must not widen what we accept.
        let usable = jwks.keys.filter { $0.keyType == .ecdsa && ($0.algorithm == nil || $0.algorithm == .es256) }
        _ = try await collection.add(jwks: JWKS(keys: usable))
        let keys = Keys(collection: collection, kids: Set(usable.compactMap { $0.keyIdentifier?.string }), fetchedAt: clock())
        cachedKeys.withLockedValue { $0 = keys }
        return keys
    }

    func fetch(_ request: GatewayRequest) async throws -> GatewayResponse {
        do {
            return try await transport.send(request)
        } catch {
            throw LoginRefusal.gatewayUnavailable
        }
    }
}
