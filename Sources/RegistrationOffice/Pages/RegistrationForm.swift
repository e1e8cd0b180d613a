import Foundation
import Gateway
import PersoCore

/// The officer's registration form as typed, kept whole so that a refused form comes back filled in.
struct RegistrationForm: Sendable {
    var nrn: String
    var givenName: String
    var surname: String
    var language: String
    var email: String
    var organisation: String
    var documentType: String
    var documentNumber: String
    var documentCountry: String
    var documentExpiry: String
    var keys: [KeyIdentifier]
    var appointment: UUID?

    enum Problem: Equatable, Sendable {
        case nrn, names, language, email, organisation, documentNumber, documentCountry, documentExpiry, documentExpired, alreadyRegistered
    }

    static func empty(language: Language, organisation: String) -> RegistrationForm {
        RegistrationForm(nrn: "", givenName: "", surname: "", language: language.rawValue, email: "", organisation: organisation,
                         documentType: DocumentType.eid.rawValue, documentNumber: "", documentCountry: "BE", documentExpiry: "",
                         keys: [.token], appointment: nil)
    }

    init(nrn: String, givenName: String, surname: String, language: String, email: String, organisation: String, documentType: String,
         documentNumber: String, documentCountry: String, documentExpiry: String, keys: [KeyIdentifier], appointment: UUID?) {
        self.nrn = nrn
        self.givenName = givenName
        self.surname = surname
        self.language = language
        self.email = email
        self.organisation = organisation
        self.documentType = documentType
        self.documentNumber = documentNumber
        self.documentCountry = documentCountry
        self.documentExpiry = documentExpiry
        self.keys = keys
        self.appointment = appointment
    }

    /// What the person gave when booking: names, e-mail, language and the document announced.
    init(appointment: Appointment, organisation: String) {
        self.init(nrn: "", givenName: appointment.givenName, surname: appointment.surname, language: appointment.language.rawValue,
                  email: appointment.email, organisation: organisation, documentType: appointment.documentType.rawValue, documentNumber: "",
                  documentCountry: appointment.documentType == .eid ? "BE" : "", documentExpiry: "", keys: [.token], appointment: appointment.id)
    }

    init(_ fields: FormFields?, language: Language, offered: [KeyProfile]) {
        func field(_ name: String, _ limit: Int) -> String { String((fields?[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(limit)) }
        self.init(nrn: field("nrn", 20), givenName: field("given_name", 100), surname: field("surname", 100), language: field("language", 2),
                  email: field("email", 254), organisation: field("organisation", 40), documentType: field("document_type", 20),
                  documentNumber: field("document_number", 30), documentCountry: field("document_country", 2),
                  documentExpiry: field("document_expiry", 10), keys: Self.chosenKeys(fields, offered: offered),
                  appointment: fields?["appointment"].flatMap(UUID.init(uuidString:)))
    }

    /// The keys ticked (`key_<id>` checkboxes), in the chooser's order.
    static func chosenKeys(_ fields: FormFields?, offered: [KeyProfile]) -> [KeyIdentifier] {
        offered.map(\.identifier).filter { fields?["key_\($0.rawValue)"] != nil }
    }

    /// The registration and the document, or every problem at once.
    func read(today: FederalCalendar.Day, officeOrganisations: [String]) -> Result<(RegistrationAuthority.Registration, SeenDocument), Failure> {
        var problems: [Problem] = []
        let number = try? NationalRegisterNumber(nrn)
        if number == nil { problems.append(.nrn) }
        if givenName.isEmpty || surname.isEmpty { problems.append(.names) }
        let language = Language(rawValue: language)
        if language == nil { problems.append(.language) }
        if !MailAddress.isPlausible(email) { problems.append(.email) }
        if !officeOrganisations.contains(organisation) { problems.append(.organisation) }
        var document: SeenDocument?
        switch SeenDocument.read(type: documentType, number: documentNumber, country: documentCountry, expiry: documentExpiry, today: today) {
        case .success(let seen): document = seen
        case .failure(.number): problems.append(.documentNumber)
        case .failure(.country): problems.append(.documentCountry)
        case .failure(.expiry): problems.append(.documentExpiry)
        case .failure(.expired): problems.append(.documentExpired)
        }
        guard problems.isEmpty, let number, let language, let document else { return .failure(Failure(problems: problems)) }
        return .success((RegistrationAuthority.Registration(nrn: number, givenName: givenName, surname: surname, language: language,
                                                            email: email, organisation: organisation), document))
    }

    struct Failure: Error {
        let problems: [Problem]
    }
}
