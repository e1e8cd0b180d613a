import FluentKit
import Foundation

/// One CIBA authentication request (OpenID Connect CIBA Core 1.0 §7): a relying party asks the person with this phone
/// to confirm, the phone answers, the relying party polls (or is pinged) and collects its tokens once.
final class AuthenticationRequest: Model, @unchecked Sendable {
    static let schema = "mobileid_requests"

    enum Status: String, Codable, Sendable {
        /// Waiting for the person on the phone.
        case pending
        /// Confirmed on the phone: the tokens wait for the relying party.
        case approved
        /// Refused on the phone ("this wasn't me"), or locked by wrong codes.
        case denied
        /// The tokens were collected.
        case collected
        /// Cancelled by the relying party (the person closed the PC page).
        case cancelled
    }

    enum Delivery: String, Codable, Sendable { case poll, ping }

    @ID(key: .id) var id: UUID?
    /// SHA-256 of the `auth_req_id`: a copy of the table gives nobody a request to collect.
    @Field(key: "request_hash") var requestHash: String
    @Field(key: "client_id") var clientID: String
    @Field(key: "identity_id") var identityID: UUID
    @Field(key: "scopes") var scopes: [String]
    @Field(key: "acr") var acr: String
    @OptionalField(key: "binding_message") var bindingMessage: String?
    /// Number matching: the three numbers the phone offers, the one on the PC among them. Empty without a
    /// two-digit binding message.
    @Field(key: "choices") var choices: [String]
    @Enum(key: "delivery") var delivery: Delivery
    @OptionalField(key: "notification_token") var notificationToken: String?
    /// Ping mode only: the `auth_req_id` the notification must carry (CIBA Core §10.2). Useless without the client's
    /// key, which collecting the tokens needs.
    @OptionalField(key: "ping_request_id") var pingRequestID: String?
    @Enum(key: "status") var status: Status
    @Field(key: "poll_interval") var interval: Int
    /// The earliest the relying party may poll again without being told `slow_down`.
    @Field(key: "next_poll_at") var nextPollAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "decided_at") var decidedAt: Date?
    /// How the person confirmed (`amr`): the app's key with the code, or with biometrics.
    @Field(key: "amr") var amr: [String]
    @Field(key: "created_at") var createdAt: Date

    init() {}

    func isExpired(at now: Date) -> Bool { expiresAt <= now }
}
