import FluentKit
import Foundation
import PersoCore

/// A registration office: BOSA's, or a local one. People book an appointment there; its officers check identity
/// documents, register people and prepare their keys.
public final class Office: Model, @unchecked Sendable {
    public static let schema = "registration_offices"

    @ID(key: .id) public var id: UUID?
    /// Short stable code, in addresses and on the command line (`bosa`, `liege`).
    @Field(key: "code") public var code: String
    @Field(key: "name") public var name: String
    @Field(key: "address") public var address: String
    /// The languages spoken at the counter, as codes separated by commas (`fr,nl,en`).
    @Field(key: "languages") var languageCodes: String
    /// The organisations whose roles the office's officers may give, as codes separated by commas.
    @Field(key: "organisations") var organisationCodes: String
    @Field(key: "hours") public var hours: OpeningHours
    /// Minutes per appointment.
    @Field(key: "slot_minutes") public var slotMinutes: Int
    /// People received at the same time (counters).
    @Field(key: "capacity") public var capacity: Int

    public init() {}

    public init(code: String, name: String, address: String, languages: [PersoCore.Language], organisations: [String], hours: OpeningHours,
                slotMinutes: Int, capacity: Int) {
        self.code = code
        self.name = name
        self.address = address
        self.languageCodes = languages.map(\.rawValue).joined(separator: ",")
        self.organisationCodes = organisations.joined(separator: ",")
        self.hours = hours
        self.slotMinutes = slotMinutes
        self.capacity = capacity
    }

    public var languages: [PersoCore.Language] {
        get { languageCodes.split(separator: ",").compactMap { PersoCore.Language(rawValue: String($0)) } }
        set { languageCodes = newValue.map(\.rawValue).joined(separator: ",") }
    }

    public var organisations: [String] {
        get { organisationCodes.split(separator: ",").map(String.init) }
        set { organisationCodes = newValue.joined(separator: ",") }
    }
}

/// An officer of an office; an administrator also manages the office's hours and officers.
final class OfficeStaff: Model, @unchecked Sendable {
    static let schema = "registration_office_staff"

    @ID(key: .id) var id: UUID?
    @Parent(key: "office_id") var office: Office
    @Field(key: "person_id") var personID: UUID
    @Field(key: "administrator") var administrator: Bool

    init() {}

    init(officeID: UUID, personID: UUID, administrator: Bool) {
        self.$office.id = officeID
        self.personID = personID
        self.administrator = administrator
    }
}
