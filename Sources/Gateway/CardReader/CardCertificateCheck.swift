import Foundation
import SwiftASN1
import X509

/// The checks behind a certificate login, with swift-certificates: the dates, that it is an authentication
/// certificate, the chain to a configured trust anchor through configured (or presented) intermediates, the
/// holder's national register number, and revocation by OCSP (hard-fail by default). The first check that fails
/// names the refusal, so the person reads why.
struct CardCertificateCheck: Sendable {
    let anchors: [Certificate]
    let intermediates: [Certificate]
    let ocspOverride: URL?
    let hardFail: Bool

    enum Outcome: Sendable, Equatable {
        case accepted(CardHolder)
        case refused(CardRefusal, detail: String)
    }

    func check(_ presented: [Certificate], now: Date = Date()) async -> Outcome {
        guard let leaf = presented.first else { return .refused(.noCertificate, detail: "no certificate presented") }
        if now > leaf.notValidAfter { return .refused(.expired, detail: "expired on \(leaf.notValidAfter)") }
        if now < leaf.notValidBefore { return .refused(.notYetValid, detail: "valid from \(leaf.notValidBefore)") }
        if leaf.issuer == leaf.subject, leaf.publicKey.isValidSignature(leaf.signature, for: leaf) {
            return .refused(.selfSigned, detail: "self-signed: \(leaf.subject)")
        }
        if let problem = Self.keyUsageProblem(leaf) { return .refused(.wrongKeyUsage, detail: problem) }

        var chainVerifier = Verifier(rootCertificates: CertificateStore(anchors)) { RFC5280Policy() }
        let candidates = CertificateStore(intermediates + presented.dropFirst())
        guard case .validCertificate = await chainVerifier.validate(leaf: leaf, intermediates: candidates) else {
            return .refused(.unknownIssuer, detail: "no chain to a trust anchor from issuer \(leaf.issuer)")
        }
        guard let holder = CardHolder(subject: leaf.subject) else {
            return .refused(.invalidNumber, detail: "serialNumber of \(leaf.subject) is not a national register number")
        }
        if let refusal = await revocationRefusal(leaf, candidates: candidates) { return refusal }
        return .accepted(holder)
    }

    /// An eID authentication certificate signs (digitalSignature) and, if it restricts its use, allows client auth.
    static func keyUsageProblem(_ leaf: Certificate) -> String? {
        guard let usage = try? leaf.extensions.keyUsage, usage.digitalSignature else {
            return "key usage lacks digitalSignature"
        }
        if let extended = try? leaf.extensions.extendedKeyUsage,
           !extended.contains(.clientAuth), !extended.contains(.any) {
            return "extended key usage lacks clientAuth"
        }
        return nil
    }

    private func revocationRefusal(_ leaf: Certificate, candidates: CertificateStore) async -> Outcome? {
        let namesResponder = (try? leaf.extensions.authorityInformationAccess)??.contains { $0.method == .ocspServer } ?? false
        guard namesResponder else {
            // swift-certificates passes a certificate without an OCSP address silently: decide here.
            return hardFail ? .refused(.revocationUnavailable, detail: "the certificate names no OCSP responder") : nil
        }
        let requester = OCSPOverHTTP(override: ocspOverride, hardFail: hardFail)
        // RFC 5280 again, because it is the policy that vouches for the critical extensions (basic constraints, key usage).
        var verifier = Verifier(rootCertificates: CertificateStore(anchors)) {
            RFC5280Policy()
            OCSPVerifierPolicy(failureMode: hardFail ? .hard : .soft, requester: requester)
        }
        switch await verifier.validate(leaf: leaf, intermediates: candidates) {
        case .validCertificate:
            return nil
        case .couldNotValidate(let failures):
            let reasons = failures.map { String(describing: $0.policyFailureReason) }
            // The policy's only way to say "revoked" is its reason text; everything else is "could not establish".
            if reasons.contains(where: { $0.hasPrefix("revoked through OCSP") }) {
                return .refused(.revoked, detail: reasons.joined(separator: "; "))
            }
            return .refused(.revocationUnavailable, detail: reasons.joined(separator: "; "))
        }
    }
}
