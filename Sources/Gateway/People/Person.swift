import PersoCore
import FluentKit
import Foundation

/// A civil servant known to the gateway, identified by the national register number.
public final class Person: Model, @unchecked Sendable {
    public static let schema = "people"

    @ID(key: .id) public var id: UUID?
    @Field(key: "nrn") public var nrn: String
    @Field(key: "given_name") public var givenName: String
    @Field(key: "surname") public var surname: String
    /// The language of e-mails and of the first page after login.
    @Field(key: "preferred_language") public var preferredLanguage: PersoCore.Language
    @OptionalField(key: "email") public var email: String?
    @Children(for: \.$person) public var memberships: [Membership]

    public init() {}

    public init(nrn: NationalRegisterNumber, givenName: String, surname: String, preferredLanguage: PersoCore.Language, email: String?) {
        self.nrn = nrn.digits
        self.givenName = givenName
        self.surname = surname
        self.preferredLanguage = preferredLanguage
        self.email = email
    }
}

/// What a person is in an organisation; one row per role.
public final class Membership: Model, @unchecked Sendable {
    public static let schema = "memberships"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "person_id") public var person: Person
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "role") public var role: String

    public init() {}

    public init(personID: UUID, organisationID: UUID, role: Role) {
        self.$person.id = personID
        self.$organisation.id = organisationID
        self.role = role.rawValue
    }

    public enum Role: String, CaseIterable, Sendable {
        case employee
        case manager
        case hrOfficer = "hr_officer"
        case caseHandler = "case_handler"
        case registrationOfficer = "registration_officer"
    }
}
