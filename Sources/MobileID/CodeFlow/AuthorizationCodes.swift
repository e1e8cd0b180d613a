import Crypto
import FluentKit
import Foundation
import PersoCore

/// Codes issued and redeemed: the store behind the code flow.
struct AuthorizationCodes: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    func issue(for flow: AuthorizationFlow, request: UUID) async throws -> String {
        let code = SecureRandom.token(bytes: 32)
        let record = AuthorizationCode()
        record.id = SecureRandom.digest(code)
        record.requestID = request
        record.clientID = flow.clientID
        record.redirectURI = flow.redirectURI
        record.nonce = flow.nonce
        record.codeChallenge = flow.codeChallenge
        record.expiresAt = clock().addingTimeInterval(AuthorizationCode.lifetime)
        try await database.write { db in try await record.create(on: db) }
        return code
    }

    enum Refusal: Error { case invalid(String) }

    /// RFC 6749 §4.1.3 and RFC 7636 §4.6: the code, once, by its client, at its redirect URI, with the verifier.
    func redeem(_ code: String, clientID: String, redirectURI: String?, verifier: String?) async throws -> Result<AuthorizationCode, Refusal> {
        guard code.count <= 128 else { return .failure(.invalid("unknown code")) }
        let now = clock()
        return try await database.write { db -> Result<AuthorizationCode, Refusal> in
            guard let record = try await AuthorizationCode.find(SecureRandom.digest(code), on: db), record.clientID == clientID else {
                return .failure(.invalid("unknown code"))
            }
            guard record.usedAt == nil else { return .failure(.invalid("the code was already used")) }
            record.usedAt = now
            try await record.update(on: db)
            guard record.expiresAt > now else { return .failure(.invalid("the code expired")) }
            guard redirectURI == record.redirectURI else { return .failure(.invalid("redirect_uri differs from the authorisation request's")) }
            if let challenge = record.codeChallenge {
                guard let verifier, (43...128).contains(verifier.count),
                      SecureRandom.base64URL(SHA256.hash(data: Array(verifier.utf8))) == challenge else {
                    return .failure(.invalid("the code_verifier does not match the code_challenge"))
                }
            }
            return .success(record)
        }
    }

    func purge() async throws -> Int {
        let now = clock()
        return try await database.write { db in
            let old = AuthorizationCode.query(on: db).filter(\.$expiresAt < now)
            let count = try await old.copy().count()
            try await old.delete()
            return count
        }
    }
}
