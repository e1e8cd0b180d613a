import FluentKit
import Foundation

/// One authentication event: who (if known), what, with which key, for which application, from where.
public final class AuditEvent: Model, @unchecked Sendable {
    public static let schema = "audit_events"

    @ID(key: .id) public var id: UUID?
    @OptionalField(key: "person_id") public var personID: UUID?
    @Field(key: "kind") public var kind: AuditKind
    @OptionalField(key: "key") public var key: KeyIdentifier?
    @OptionalField(key: "client_id") public var clientID: String?
    @Field(key: "success") public var success: Bool
    @OptionalField(key: "ip") public var ip: String?
    @OptionalField(key: "user_agent") public var userAgent: String?
    @Field(key: "at") public var at: Date
    /// Who acted on the person's account when it was not the person: a registration officer, or the command line.
    @OptionalField(key: "performed_by") public var performedBy: PerformedBy?

    public init() {}

    public init(personID: UUID?, kind: AuditKind, key: KeyIdentifier?, clientID: String?, success: Bool,
                ip: String?, userAgent: String?, at: Date, performedBy: PerformedBy? = nil) {
        self.performedBy = performedBy
        self.personID = personID
        self.kind = kind
        self.key = key
        self.clientID = clientID
        self.success = success
        self.ip = ip
        self.userAgent = userAgent.map { String($0.prefix(300)) }
        self.at = at
    }
}

public enum AuditKind: String, Sendable, CaseIterable, Codable {
    case login
    case loginFailed = "login_failed"
    /// An attempt refused unchecked because of earlier failures (a wait or a lock).
    case loginThrottled = "login_throttled"
    case sso
    case stepUp = "step_up"
    case logout
    case tokenIssued = "token_issued"
    case refreshReuse = "refresh_reuse"
    case codeReplay = "code_replay"
    case keyActivated = "key_activated"
    case keyRemoved = "key_removed"
    /// A username and password set from "My password" for someone who had none.
    case passwordCreated = "password_created"
    /// A password changed, or username and password reset from an eID or itsme login.
    case passwordChanged = "password_changed"
    // eID card refusals, one event each, so an operator can tell a wave of revoked cards from an OCSP outage.
    case eidNoCertificate = "eid_no_certificate"
    case eidUnreadableCertificate = "eid_unreadable_certificate"
    case eidExpired = "eid_expired"
    case eidNotYetValid = "eid_not_yet_valid"
    case eidRevoked = "eid_revoked"
    case eidUnknownIssuer = "eid_unknown_issuer"
    case eidSelfSigned = "eid_self_signed"
    case eidWrongKeyUsage = "eid_wrong_key_usage"
    case eidRevocationUnavailable = "eid_revocation_unavailable"
    case eidUnknownPerson = "eid_unknown_person"
    case eidInvalidNumber = "eid_invalid_number"
    case eidHandoffInvalid = "eid_handoff_invalid"
    // What a registration office does for a person (the officer and the office are in `performedBy`), and the
    // person's own activation of what the office prepared.
    case personRegistered = "person_registered"
    case personConsulted = "person_consulted"
    case contactDataChanged = "contact_data_changed"
    case activationIssued = "activation_issued"
    case activationUsed = "activation_used"
    case activationRefused = "activation_refused"
    case keysUnlocked = "keys_unlocked"
    case roleGranted = "role_granted"
    case roleRevoked = "role_revoked"

    /// The card refusal this event records, if it is one.
    var cardRefusal: CardRefusal? { CardRefusal.allCases.first { $0.auditKind == self } }
}

/// Someone other than the person who acted on their account, as "my activity" names them.
public enum PerformedBy: Codable, Sendable, Equatable {
    /// A registration officer (by person id) at an office (by code, and by name as it was then).
    case office(code: String, name: String, officer: UUID)
    /// An administrator with `persopoint person` or `persopoint key` on the server.
    case commandLine
}
