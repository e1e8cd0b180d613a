import Crypto
import Foundation
import PersoCore

/// The phone's fingerprint or face, through WebAuthn (Level 2) with the platform authenticator and user
/// verification: registered once for a device (its public key, as the browser's `getPublicKey()` gives it), then
/// used instead of the 5-digit code to confirm a request. Attestation is not asked for ("none"): the device key
/// already ties the phone to the enrolment; what biometrics add is that the person, not only the phone, is there.
struct PlatformAuthenticator: Sendable {
    /// The relying party id WebAuthn scopes credentials to: the public URL's host.
    let rpID: String
    /// The origin the browser reports in `clientDataJSON`.
    let origin: String

    init(publicURL: URL) {
        rpID = publicURL.host ?? "localhost"
        var origin = "\(publicURL.scheme ?? "https")://\(publicURL.host ?? "localhost")"
        if let port = publicURL.port { origin += ":\(port)" }
        self.origin = origin
    }

    struct ClientData: Decodable {
        let type: String
        let challenge: String
        let origin: String
    }

    /// What a registration or an assertion sends, base64url.
    struct Evidence: Codable, Sendable {
        let clientData: String
        let authenticatorData: String
        var signature: String?
        var publicKey: String?
        var credential: String?
    }

    enum Refusal: Error { case malformed, wrongChallenge, wrongOrigin, wrongRelyingParty, notVerified, badSignature, replayed }

    /// A registration (`navigator.credentials.create`): the challenge this service gave, its origin and relying party,
    /// the person verified (UV), and a P-256 public key. Answers the key (SPKI, base64url) and the credential id.
    func registered(_ evidence: Evidence, challenge: String) throws(Refusal) -> (credential: String, publicKey: String, signCount: UInt32) {
        let authenticatorData = try check(evidence, type: "webauthn.create", challenge: challenge)
        guard let credential = evidence.credential, !credential.isEmpty, credential.count <= 1_400, Base64URL.decode(credential) != nil,
              let spki = evidence.publicKey, let der = Base64URL.decode(spki),
              (try? P256.Signing.PublicKey(derRepresentation: der)) != nil else { throw .malformed }
        return (credential, spki, Self.signCount(authenticatorData))
    }

    /// An assertion (`navigator.credentials.get`) over `challenge` by the registered key, its counter moving on.
    func asserted(_ evidence: Evidence, challenge: String, publicKey: String, lastSignCount: Int) throws(Refusal) -> UInt32 {
        let authenticatorData = try check(evidence, type: "webauthn.get", challenge: challenge)
        guard let der = Base64URL.decode(publicKey), let key = try? P256.Signing.PublicKey(derRepresentation: der),
              let raw = evidence.signature.flatMap(Base64URL.decode), let signature = try? P256.Signing.ECDSASignature(derRepresentation: raw),
              let clientData = Base64URL.decode(evidence.clientData) else { throw .malformed }
        let signed = Data(authenticatorData) + Data(SHA256.hash(data: clientData))
        guard key.isValidSignature(signature, for: signed) else { throw .badSignature }
        let count = Self.signCount(authenticatorData)
        // WebAuthn §6.1.1: a counter that does not move on means a cloned authenticator (0 means it keeps none).
        if count != 0 || lastSignCount != 0, Int(count) <= lastSignCount { throw .replayed }
        return count
    }

    /// The challenge of the answer to one request: the request is answered once, so it cannot be replayed.
    static func challenge(forRequest id: UUID) -> String {
        SecureRandom.base64URL(SHA256.hash(data: Data("mobileid-answer:\(id.uuidString.lowercased())".utf8)))
    }

    private func check(_ evidence: Evidence, type: String, challenge: String) throws(Refusal) -> [UInt8] {
        guard let clientBytes = Base64URL.decode(evidence.clientData), let authenticatorData = Base64URL.decode(evidence.authenticatorData),
              authenticatorData.count >= 37,
              let clientData = try? JSONDecoder().decode(ClientData.self, from: Data(clientBytes)) else { throw .malformed }
        // The page hands WebAuthn the challenge text's UTF-8 bytes; the browser reports them base64url-encoded.
        guard clientData.type == type, clientData.challenge == SecureRandom.base64URL(Array(challenge.utf8)) else { throw .wrongChallenge }
        guard clientData.origin == origin else { throw .wrongOrigin }
        guard Array(authenticatorData.prefix(32)) == Array(SHA256.hash(data: Data(rpID.utf8))) else { throw .wrongRelyingParty }
        // Flags: bit 0 user present, bit 2 user verified (the fingerprint or face, not a mere tap).
        let flags = authenticatorData[32]
        guard flags & 0x01 != 0, flags & 0x04 != 0 else { throw .notVerified }
        return authenticatorData
    }

    private static func signCount(_ authenticatorData: [UInt8]) -> UInt32 {
        authenticatorData[33..<37].reduce(0) { $0 << 8 | UInt32($1) }
    }
}
