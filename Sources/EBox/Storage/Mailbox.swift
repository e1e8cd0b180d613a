import FluentKit
import Foundation
import PersoCore

/// How a person wants to hear of new documents.
public enum NoticeFormat: String, Codable, Sendable, CaseIterable { case html, text }
/// At once for each document, or one digest a day.
public enum NoticeFrequency: String, Codable, Sendable, CaseIterable { case each, daily }

/// A person's eBox. It exists once activated: consent given and an address verified. Until then a sender is told
/// `NO_DIGITAL_USER` and nothing is stored for the person.
final class Mailbox: Model, @unchecked Sendable {
    static let schema = "ebox_mailboxes"
    /// The wording of the consent the person gave, recorded with the activation.
    static let consentVersion = "2026-11"

    @ID(key: .id) var id: UUID?
    @Field(key: "nrn") var nationalNumber: String
    @Field(key: "email") var email: String
    @Field(key: "language") var language: Language
    @Field(key: "format") var format: NoticeFormat
    @Field(key: "frequency") var frequency: NoticeFrequency
    @Field(key: "consent_version") var consentVersion: String
    @Field(key: "activated_at") var activatedAt: Date
    @OptionalField(key: "last_digest_at") var lastDigestAt: Date?

    init() {}
}

/// An address waiting for its 6-digit code: the first activation, or a change of address. Only the code's digest
/// is kept; after 5 wrong tries or 15 minutes the person asks for a new one.
final class AddressVerification: Model, @unchecked Sendable {
    static let schema = "ebox_address_verifications"
    static let lifetime: TimeInterval = 15 * 60
    static let maximumAttempts = 5

    @ID(key: .id) var id: UUID?
    @Field(key: "nrn") var nationalNumber: String
    @Field(key: "email") var email: String
    @Field(key: "language") var language: Language
    @Field(key: "format") var format: NoticeFormat
    @Field(key: "frequency") var frequency: NoticeFrequency
    @Field(key: "code_hash") var codeHash: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
