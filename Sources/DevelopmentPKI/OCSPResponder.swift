import Crypto
import Foundation
import Hummingbird
import PersoCore
import SwiftASN1
import X509

/// A real OCSP responder (RFC 6960) for the development Citizen CA, at `/pki/ocsp`: POST with an
/// `application/ocsp-request` body, or GET with the request base64-encoded in the path (§A.1). It answers from
/// the registry of issued cards, so `persopoint pki revoke` shows at the next login. Answers are signed by the
/// delegated OCSP signer and valid for a short while, as a real responder's are.
struct OCSPResponder: Sendable {
    let pki: DevelopmentPKI
    /// Read once: the authorities do not change while the server runs (`pki init` keeps what exists).
    let authority: DevelopmentPKI.Authority
    let signer: DevelopmentPKI.Authority
    let clock: @Sendable () -> Date

    /// How long an answer may be relied on (nextUpdate − now).
    static let validity: TimeInterval = 10 * 60
    static let maxRequestBytes = 16 * 1024

    init(pki: DevelopmentPKI, clock: @escaping @Sendable () -> Date) throws {
        self.pki = pki
        authority = try pki.citizenCA()
        signer = try pki.ocspSigner()
        self.clock = clock
    }

    func register(on routes: Routes) {
        routes.post(DevelopmentPKI.ocspPath) { request, _ in
            let body = try await request.body.collect(upTo: Self.maxRequestBytes)
            return Self.ocspResponse(answer(Array(buffer: body)))
        }
        routes.get(DevelopmentPKI.ocspPath + "/**") { request, _ in
            let encoded = request.uri.path.dropFirst(DevelopmentPKI.ocspPath.count + 1)
            guard let text = String(encoded).removingPercentEncoding, let bytes = Data(base64Encoded: text) else {
                return Self.ocspResponse(OCSPMessages.failure(.malformedRequest))
            }
            return Self.ocspResponse(answer(Array(bytes)))
        }
    }

    /// The DER OCSPResponse for a DER OCSPRequest; malformed requests get the malformedRequest status, never an error.
    func answer(_ requestBytes: [UInt8]) -> [UInt8] {
        guard let request = try? OCSPMessages.parseRequest(requestBytes) else {
            return OCSPMessages.failure(.malformedRequest)
        }
        do {
            let cards = try pki.registry.all()
            let answers = request.questions.map { question in
                (question, status(of: question, issuer: authority.certificate, issuerKey: authority.key.publicKey, cards: cards))
            }
            return try OCSPMessages.response(
                answers: answers, nonceExtension: request.nonceExtension, signer: signer.certificate,
                signerKey: signer.key, now: clock(), validity: Self.validity
            )
        } catch {
            return OCSPMessages.failure(.internalError)
        }
    }

    /// Good or revoked for a card of this CA; unknown for anything else (another issuer, a serial never issued).
    private func status(of question: OCSPMessages.Question, issuer: Certificate, issuerKey: P256.Signing.PublicKey,
                        cards: [IssuedCards.Card]) -> OCSPMessages.Status {
        var nameSerializer = DER.Serializer()
        guard (try? nameSerializer.serialize(issuer.subject)) != nil else { return .unknown }
        let name = nameSerializer.serializedBytes, key = Array(issuerKey.x963Representation)
        let (nameHash, keyHash): ([UInt8], [UInt8])
        switch question.hashAlgorithm {
        case OCSPMessages.sha1: (nameHash, keyHash) = (Array(Insecure.SHA1.hash(data: name)), Array(Insecure.SHA1.hash(data: key)))
        case OCSPMessages.sha256: (nameHash, keyHash) = (Array(SHA256.hash(data: name)), Array(SHA256.hash(data: key)))
        default: return .unknown
        }
        guard Array(question.issuerNameHash) == nameHash, Array(question.issuerKeyHash) == keyHash,
              let card = cards.first(where: { $0.serial == IssuedCards.hex(question.serialNumber) }) else { return .unknown }
        if let revokedAt = card.revokedAt { return .revoked(at: revokedAt) }
        return .good
    }

    static func ocspResponse(_ bytes: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "application/ocsp-response", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
