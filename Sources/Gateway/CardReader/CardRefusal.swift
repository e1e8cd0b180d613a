/// Why a card was not accepted. Each reason has its own message for the person and its own audit event; the raw
/// value is the stable code pages and tests use (`data-reason`).
public enum CardRefusal: String, Sendable, CaseIterable, Codable {
    /// The browser presented no certificate: no reader, no card, or the person cancelled the choice.
    case noCertificate = "no-certificate"
    /// Something was presented (by a proxy, say) that is not a certificate.
    case unreadableCertificate = "unreadable-certificate"
    case expired
    case notYetValid = "not-yet-valid"
    case revoked
    /// It does not chain to a configured trust anchor through a configured or presented intermediate.
    case unknownIssuer = "unknown-issuer"
    case selfSigned = "self-signed"
    /// Not an authentication certificate (no digital signature, or an extended key usage without client auth).
    case wrongKeyUsage = "wrong-key-usage"
    /// Hard-fail: the OCSP responder could not be reached or gave no usable answer.
    case revocationUnavailable = "revocation-unavailable"
    /// A valid card, but nobody with that national register number is registered here.
    case unknownPerson = "unknown-person"
    /// The certificate's serialNumber is not a national register number.
    case invalidNumber = "invalid-number"
    /// The result came back to another browser, twice, or too late.
    case handoffInvalid = "handoff-invalid"

    var auditKind: AuditKind {
        switch self {
        case .noCertificate: .eidNoCertificate
        case .unreadableCertificate: .eidUnreadableCertificate
        case .expired: .eidExpired
        case .notYetValid: .eidNotYetValid
        case .revoked: .eidRevoked
        case .unknownIssuer: .eidUnknownIssuer
        case .selfSigned: .eidSelfSigned
        case .wrongKeyUsage: .eidWrongKeyUsage
        case .revocationUnavailable: .eidRevocationUnavailable
        case .unknownPerson: .eidUnknownPerson
        case .invalidNumber: .eidInvalidNumber
        case .handoffInvalid: .eidHandoffInvalid
        }
    }
}
