import FluentKit
import Foundation
import Gateway
import PersoCore

/// What an officer prepared for a person to finish at home: a code on paper and a link by e-mail, both needed,
/// valid 14 days, once. The person then chooses a username and password and activates the keys the officer chose.
final class Activation: Model, @unchecked Sendable {
    static let schema = "registration_activations"

    enum Status: String, Codable, Sendable {
        case pending
        case used
        /// Too many wrong codes: the office issues a new one.
        case blocked
        /// A newer activation for the same person replaced it.
        case replaced
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: UUID
    @Parent(key: "office_id") var office: Office
    @Field(key: "officer_id") var officerID: UUID
    /// SHA-256 of the link's secret.
    @Field(key: "link_hash") var linkHash: String
    /// SHA-256 of the link's secret and the code together: the code alone, guessed from a copy of the table, is useless.
    @Field(key: "code_hash") var codeHash: String
    /// The keys to activate, by identifier, separated by commas.
    @Field(key: "keys") var keyList: String
    @Field(key: "status") var status: Status
    @Field(key: "failures") var failures: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    var keys: [KeyIdentifier] { keyList.split(separator: ",").map { KeyIdentifier(rawValue: String($0)) } }
}
