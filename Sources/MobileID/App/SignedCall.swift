import Crypto
import Foundation
import PersoCore

/// A call from the app, signed with the phone's device key: `message` is the JSON the app wrote (the device, the
/// time, the action and its fields), `signature` WebCrypto's ECDSA P-256 / SHA-256 over its UTF-8 bytes (r ‖ s,
/// base64url). The message is checked byte for byte as signed, so there is no canonical form to get wrong.
struct SignedCall: Decodable, Sendable {
    let message: String
    let signature: String

    struct Message: Decodable, Sendable {
        let device: UUID
        let time: Int
        let action: String
        var request: UUID?
        var approve: Bool?
        var choice: String?
        var code: String?
        var removeDevice: UUID?
        /// The fingerprint or face: a registration, or an assertion confirming a request instead of the code.
        var biometric: PlatformAuthenticator.Evidence?
    }

    /// How far the phone's clock may be from ours.
    static let freshness: TimeInterval = 120

    enum Failure: Error { case malformed, unknownDevice, badSignature, stale }

    /// The message, once its signature is the device's and it is recent.
    func verified(by device: (UUID) async throws -> Device?, now: Date) async throws -> (Message, Device) {
        guard message.utf8.count <= 4_096, let parsed = try? JSONDecoder().decode(Message.self, from: Data(message.utf8)) else {
            throw Failure.malformed
        }
        guard let device = try await device(parsed.device), let key = device.publicKey else { throw Failure.unknownDevice }
        guard let raw = Base64URL.decode(signature), raw.count == 64,
              let ecdsa = try? P256.Signing.ECDSASignature(rawRepresentation: raw),
              key.isValidSignature(ecdsa, for: Data(message.utf8)) else { throw Failure.badSignature }
        guard abs(now.timeIntervalSince1970 - TimeInterval(parsed.time)) <= Self.freshness else { throw Failure.stale }
        return (parsed, device)
    }
}
