import FluentKit
import Foundation
import PersoCore

/// What the HR register knows of one civil servant: the source of the personnel file, of who manages whom and of the
/// regime absences are counted in. People are known by their national register number, as the payroll knows them;
/// PersoSelfService asks the gateway for it (`egovnrn`).
final class StaffMember: Model, @unchecked Sendable {
    static let schema = "selfservice_staff"

    @ID(key: .id) var id: UUID?
    @Field(key: "national_number") var nationalNumber: String
    @Field(key: "organisation") var organisation: String
    @Field(key: "given_name") var givenName: String
    @Field(key: "surname") var surname: String
    @Field(key: "email") var email: String
    @Field(key: "language") var language: Language
    @Field(key: "birth_date") var birthDate: String
    @Field(key: "service") var service: String
    @Field(key: "grade") var grade: String
    @Field(key: "entry_date") var entryDate: String
    /// The national number of the person's manager; none for the head of a service, whose leave is recorded as approved.
    @OptionalField(key: "manager") var manager: String?
    @Field(key: "regime") var regime: WorkingRegime
    /// Compensatory hours earned and not yet granted as leave, as the time-keeping system reported them this year.
    @Field(key: "compensatory_minutes") var compensatoryMinutes: Int
    /// Annual leave not taken last year, carried into this one (the register computes it at the year's turn).
    @Field(key: "carried_over_minutes") var carriedOverMinutes: Int
    @Field(key: "training") var training: [Training]

    struct Training: Codable, Sendable, Equatable {
        let title: String
        let day: String
        let hours: Int
    }

    init() {}

    init(nationalNumber: String, organisation: String, givenName: String, surname: String, email: String, language: Language,
         birthDate: String, service: String, grade: String, entryDate: String, manager: String?, regime: WorkingRegime,
         compensatoryMinutes: Int = 0, carriedOverMinutes: Int = 0, training: [Training] = []) {
        self.nationalNumber = nationalNumber
        self.organisation = organisation
        self.givenName = givenName
        self.surname = surname
        self.email = email
        self.language = language
        self.birthDate = birthDate
        self.service = service
        self.grade = grade
        self.entryDate = entryDate
        self.manager = manager
        self.regime = regime
        self.compensatoryMinutes = compensatoryMinutes
        self.carriedOverMinutes = carriedOverMinutes
        self.training = training
    }

    var fullName: String { "\(givenName) \(surname)" }

    /// The age reached in `year`: the annual leave of a year depends on it.
    func age(in year: Int) -> Int { year - (Int(birthDate.prefix(4)) ?? year) }
}
