import FluentKit
import Foundation

/// One person's mobile identity: the phone number people type on the PC, who it proves (the national register
/// number, the names), the 5-digit code chosen at enrolment (Argon2id) and how many wrong codes in a row were typed.
final class MobileIdentity: Model, @unchecked Sendable {
    static let schema = "mobileid_identities"

    @ID(key: .id) var id: UUID?
    @Field(key: "phone") var phone: String
    @Field(key: "national_number") var nationalNumber: String
    @Field(key: "given_name") var givenName: String
    @Field(key: "surname") var surname: String
    @Field(key: "language") var language: String
    @Field(key: "code_phc") var codePHC: String
    @Field(key: "failed_codes") var failedCodes: Int
    /// Set after too many wrong codes: the app refuses every request until the person enrols again with the eID.
    @OptionalField(key: "locked_at") var lockedAt: Date?
    /// Set after too many unanswered or refused requests: new requests wait until then (push bombing).
    @OptionalField(key: "quiet_until") var quietUntil: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// Wrong codes in a row that lock the app.
    static let allowedWrongCodes = 5
}
