import FluentKit
import Foundation
import JWTKit
import NIOConcurrencyHelpers
import PersoCore

/// `private_key_jwt` (RFC 7523 §3, OIDC Core §9), the only client authentication the service accepts: an assertion
/// signed with a key of the client's registered JWKS, `iss` = `sub` = the client, naming this service, short-lived,
/// and used once.
struct ClientAssertionCheck: Sendable {
    let database: PersoDatabase
    /// What an assertion may name as `aud`: the issuer, or the endpoint it is sent to.
    let issuer: String
    let clock: @Sendable () -> Date

    static let assertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    static let clockSkew: TimeInterval = 60
    /// Each client's keys, parsed once (measured: parsing the JWKS was a good part of every call's cost) and parsed
    /// again when the registration's JWKS text changes.
    private let parsed = NIOLockedValueBox<[String: (jwks: String, keys: JWTKeyCollection)]>([:])

    init(database: PersoDatabase, issuer: String, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.issuer = issuer
        self.clock = clock
    }

    private func keys(of client: CIBAClient, id: String) async throws -> JWTKeyCollection {
        if let cached = parsed.withLockedValue({ $0[id] }), cached.jwks == client.jwks { return cached.keys }
        let keys = JWTKeyCollection()
        try await keys.add(jwksJSON: client.jwks)
        parsed.withLockedValue { $0[id] = (client.jwks, keys) }
        return keys
    }

    struct Assertion: JWTPayload {
        let iss: IssuerClaim
        let sub: SubjectClaim
        let aud: AudienceClaim
        let exp: ExpirationClaim
        let iat: IssuedAtClaim?
        let jti: IDClaim?

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    func client(of form: FormFields, endpoint: String) async throws -> CIBAClient {
        guard form["client_assertion_type"] == Self.assertionType, let assertion = form["client_assertion"], assertion.count <= 8_192 else {
            throw CIBAError.invalidClient("private_key_jwt client authentication is required")
        }
        let unverified = try? DefaultJWTParser().parse([UInt8](assertion.utf8), as: Assertion.self)
        guard let claims = unverified?.payload, let client = try await CIBAClient.find(claims.iss.value, on: database.db),
              form["client_id"] == nil || form["client_id"] == client.id else {
            throw CIBAError.invalidClient("client authentication failed")
        }
        let verified: Assertion
        do {
            verified = try await keys(of: client, id: claims.iss.value).verify(assertion, as: Assertion.self, iteratingKeys: true)
        } catch {
            throw CIBAError.invalidClient("client assertion signature invalid")
        }
        let now = clock()
        guard verified.sub.value == client.id, verified.aud.value.contains(where: [issuer, endpoint].contains),
              verified.exp.value > now, verified.exp.value.timeIntervalSince(now) <= 3_660,
              (verified.iat?.value ?? now) <= now.addingTimeInterval(Self.clockSkew),
              let jti = verified.jti?.value, !jti.isEmpty, jti.count <= 200 else {
            throw CIBAError.invalidClient("client assertion claims invalid")
        }
        let marker = UsedAssertion()
        marker.id = SecureRandom.digest((client.id ?? "") + "\u{0}" + jti)
        marker.expiresAt = verified.exp.value
        do {
            try await database.writeStatement { db in try await marker.create(on: db) }
        } catch where !WriteConflict.isTransient(error) {
            throw CIBAError.invalidClient("client assertion already used")
        }
        return client
    }
}

/// A client assertion's `jti`, kept until the assertion expires, so that it is accepted once.
final class UsedAssertion: Model, @unchecked Sendable {
    static let schema = "mobileid_used_assertions"

    @ID(custom: "jti_key", generatedBy: .user) var id: String?
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}
