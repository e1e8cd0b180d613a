import FluentKit
import Foundation
import PersoCore

/// A person's appointment at an office, booked on the public page. `seat` is which of the slot's places it holds:
/// the unique index on (office, start, seat) is what keeps a slot from being booked beyond its capacity, whatever
/// the number of people clicking at once. A cancelled or moved appointment gives its seat back (NULL).
final class Appointment: Model, @unchecked Sendable {
    static let schema = "registration_appointments"

    enum Status: String, Codable, Sendable {
        case booked
        case cancelled
        /// Replaced by another appointment (the person chose another time).
        case moved
        /// The person came and was registered.
        case attended
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "office_id") var office: Office
    @Field(key: "starts_at") var startsAt: Date
    @OptionalField(key: "seat") var seat: Int?
    @Field(key: "given_name") var givenName: String
    @Field(key: "surname") var surname: String
    @Field(key: "email") var email: String
    @Field(key: "document_type") var documentType: DocumentType
    @Field(key: "language") var language: Language
    @Field(key: "status") var status: Status
    /// SHA-256 of the secret in the person's link to see, move or cancel it.
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "reminded_at") var remindedAt: Date?
    /// The calendar entry's UID and version: a moved appointment keeps the UID with a higher sequence, so that a calendar
    /// that imported the first file replaces the entry instead of keeping both times.
    @Field(key: "calendar_uid") var calendarUID: String
    @Field(key: "calendar_sequence") var calendarSequence: Int
    /// The person the office registered at this appointment.
    @OptionalField(key: "person_id") var personID: UUID?

    init() {}
}
