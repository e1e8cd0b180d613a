import FluentKit
import Foundation

/// One person's way through the guide's eight steps. The computer half (phone number, e-mail, the contract signed
/// with the eID) makes the row and the identification token; the phone half (the token typed in the app, the code
/// sent by SMS from 8836, the chosen itsme code) finishes it. Secrets are stored as SHA-256 digests only.
final class Enrolment: Model, @unchecked Sendable {
    static let schema = "mobileid_enrolments"

    @ID(key: .id) var id: UUID?
    @Field(key: "national_number") var nationalNumber: String
    @Field(key: "given_name") var givenName: String
    @Field(key: "surname") var surname: String
    @Field(key: "language") var language: String
    /// E.164, as chosen on the computer with its country code.
    @Field(key: "phone") var phone: String
    @Field(key: "email") var email: String
    /// The signature (step 3): which contract, its exact text's SHA-256, when, and the gateway login that proved it.
    @Field(key: "contract_version") var contractVersion: String
    @Field(key: "contract_sha256") var contractSHA256: String
    @Field(key: "signed_at") var signedAt: Date
    @OptionalField(key: "login_sid") var loginSID: String?
    /// The identification token shown on the computer (step 4): 30 minutes, once.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "token_expires_at") var tokenExpiresAt: Date
    @OptionalField(key: "token_used_at") var tokenUsedAt: Date?
    /// Wrong tokens typed for this phone number: at the limit the enrolment is void and starts again on the computer.
    @Field(key: "token_failures") var tokenFailures: Int
    /// What the phone holds once the token is accepted, to go on with steps 7 and 8.
    @OptionalField(key: "phone_secret_hash") var phoneSecretHash: String?
    /// The verification code sent by SMS (step 7).
    @OptionalField(key: "sms_code_hash") var smsCodeHash: String?
    @OptionalField(key: "sms_expires_at") var smsExpiresAt: Date?
    @Field(key: "sms_sends") var smsSends: Int
    @Field(key: "sms_failures") var smsFailures: Int
    @OptionalField(key: "verified_at") var verifiedAt: Date?
    @OptionalField(key: "completed_at") var completedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    static let tokenLifetime: TimeInterval = 30 * 60
    static let smsLifetime: TimeInterval = 10 * 60
    /// Texts sent per enrolment, the first included.
    static let allowedSMS = 3
    /// Wrong verification codes, and wrong identification tokens, before the enrolment is void.
    static let allowedFailures = 5

    /// Still waiting for the phone to present the token.
    func awaitsToken(at now: Date) -> Bool {
        tokenUsedAt == nil && completedAt == nil && tokenExpiresAt > now && tokenFailures < Self.allowedFailures
    }
}
