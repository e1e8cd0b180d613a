import FluentKit
import Foundation
import Gateway
import Hummingbird
import PersoCore

/// The officers' back-office: the day's agenda, finding and registering people, the activation letter, and looking
/// after a person (contact data, keys, unlock, a new activation, roles, activity). Every action is in the gateway's
/// audit log with the officer and the office, and shows in the person's own "my activity".
struct DeskController: Sendable {
    let gate: OfficerGate
    let authority: RegistrationAuthority
    let appointments: Appointments
    let activations: Activations
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    /// Roles an office may give in its organisations; making officers is for the office's administrators (the CLI).
    static let grantable: [Membership.Role] = [.employee, .manager, .hrOfficer, .caseHandler]

    func register(on routes: Routes) {
        routes.get(OfficePath.desk) { request, context in
            try await gate.serve(request, context, formPage: OfficePath.desk) { officer, context in
                let today = FederalCalendar.Day(clock())
                let day = request.uri.queryParameters["day"].flatMap { FederalCalendar.Day(iso: String($0)) } ?? today
                let agenda = try await appointments.agenda(of: officer.office, on: day)
                return AgendaPage(officer: officer, day: day, today: today, appointments: agenda, texts: OfficeTexts.texts(for: context.language))
                    .response(context: context)
            }
        }
        routes.get(OfficePath.people) { request, context in
            try await gate.serve(request, context, formPage: OfficePath.desk) { officer, context in
                let query = String((request.uri.queryParameters["q"].map(String.init) ?? "").prefix(100))
                let found = try await authority.find(query)
                return PeoplePage(officer: officer, query: query, people: found, texts: OfficeTexts.texts(for: context.language)).response(context: context)
            }
        }
        routes.get(OfficePath.register) { request, context in
            try await gate.serve(request, context, formPage: OfficePath.register) { officer, context in
                var form = RegistrationForm.empty(language: context.language, organisation: officer.office.organisations.first ?? "")
                if let id = request.uri.queryParameters["appointment"].flatMap({ UUID(uuidString: String($0)) }),
                   let appointment = try await appointments.appointment(id, at: officer.office) {
                    form = RegistrationForm(appointment: appointment, organisation: officer.office.organisations.first ?? "")
                }
                return try await registerPage(officer, form: form, problems: [], status: .ok, context: context)
            }
        }
        routes.post(OfficePath.register) { request, context in
            try await gate.serve(request, context, formPage: OfficePath.register) { officer, context in
                try await registerPerson(officer, request: request, context: context)
            }
        }
        routes.get(OfficePath.personRoute) { request, context in
            try await gate.serve(request, context, formPage: OfficePath.desk) { officer, context in
                let person = try await person(context)
                let done = request.uri.queryParameters["done"].map(String.init)
                // The page shown again after an action is not a new look at the person: the action has its own line.
                if done == nil {
                    await authority.record(.personConsulted, personID: try person.requireID(), by: officer.performer, request: request, context: context)
                }
                return try await personPage(officer, person, notice: done, error: nil, context: context)
            }
        }
        routes.post(OfficePath.personRoute + "/contact") { request, context in
            try await gate.serve(request, context, formPage: OfficePath.desk) { officer, context in
                let person = try await person(context)
                let personID = try person.requireID()
                let email = String((context.form?["email"] ?? "").trimmingCharacters(in: .whitespaces).prefix(254))
                guard MailAddress.isPlausible(email), let language = context.form?["language"].flatMap(Language.init(rawValue:)) else {
                    return try await personPage(officer, person, notice: nil, error: OfficeTexts.texts(for: context.language).register.emailRequired,
                                                status: .unprocessableContent, context: context)
                }
                try await authority.updateContact(of: personID, email: email, language: language)
                await authority.record(.contactDataChanged, personID: personID, by: officer.performer, request: request, context: context)
                return done(personID, "contact")
            }
        }
        routes.post(OfficePath.personRoute + "/keys/remove") { request, context in
            try await gate.serve(request, context, formPage: OfficePath.desk) { officer, context in
                let personID = try await person(context).requireID()
                guard let key = authority.enrollableKeys.first(where: { $0.identifier.rawValue == context.form?["kind"] }) else { throw PersoError.badRequest }
                if try await authority.removeKey(key.identifier, of: personID) {
                    await authority.record(.keyRemoved, personID: personID, key: key.identifier, by: officer.performer, request: request, context: context)
                }
                return done(personID, "key-removed")
            }
        }
        routes.post(OfficePath.personRoute + "/keys/token") { request, context in
            try await gate.serve(request, context, formPage: OfficePath.desk) { officer, context in
                let person = try await person(context)
                let personID = try person.requireID()
                let issued = try await authority.issue(.token, to: personID)
                await authority.record(.keyActivated, personID: personID, key: .token, by: officer.performer, request: request, context: context)
                return PrintedCardPage(person: person, codes: issued.codes ?? [], texts: OfficeTexts.texts(for: context.language)).response(context: context)
            }
        }
        routes.post(OfficePath.personRoute + "/unlock") { request, context in
            try await gate.serve(request, context, formPage: OfficePath.desk) { officer, context in
                let personID = try await person(context).requireID()
                let lifted = try await authority.unlock(personID)
                if lifted { await authority.record(.keysUnlocked, personID: personID, by: officer.performer, request: request, context: context) }
                return done(personID, lifted ? "unlocked" : "nothing-locked")
            }
        }
        routes.post(OfficePath.personRoute + "/activation") { request, context in
            try await gate.serve(request, context, formPage: OfficePath.desk) { officer, context in
                let person = try await person(context)
                let keys = RegistrationForm.chosenKeys(context.form, offered: authority.enrollableKeys)
                guard person.email != nil else {
                    return try await personPage(officer, person, notice: nil, error: OfficeTexts.texts(for: context.language).register.emailRequired,
                                                status: .unprocessableContent, context: context)
                }
                let letter = try await database.write { [activations] db in try await activations.issue(for: person, keys: keys, officer: officer, on: db) }
                activations.outbox.deliverSoon()
                await authority.record(.activationIssued, personID: try person.requireID(), by: officer.performer, request: request, context: context)
                return ActivationLetterPage(person: person, office: officer.office, letter: letter, keys: keys.compactMap { key in
                    authority.enrollableKeys.first { $0.identifier == key } }, texts: OfficeTexts.texts(for: context.language)).response(context: context)
            }
        }
        routes.post(OfficePath.personRoute + "/roles") { request, context in
            try await gate.serve(request, context, formPage: OfficePath.desk) { officer, context in
                let personID = try await person(context).requireID()
                let parts = (context.form?["role"] ?? "").split(separator: ":")
                guard parts.count == 2, officer.office.organisations.contains(String(parts[0])),
                      let role = Membership.Role(rawValue: String(parts[1])), Self.grantable.contains(role) else { throw PersoError.badRequest }
                let revoking = context.form?["action"] == "revoke"
                let changed = revoking ? try await authority.revoke(role, in: String(parts[0]), from: personID)
                                       : try await authority.grant(role, in: String(parts[0]), to: personID)
                if changed {
                    await authority.record(revoking ? .roleRevoked : .roleGranted, personID: personID, by: officer.performer, request: request, context: context)
                }
                return done(personID, revoking ? "role-revoked" : "role-granted")
            }
        }
    }

    // MARK: Registering

    private func registerPerson(_ officer: Officer, request: Request, context: PersoRequestContext) async throws -> Response {
        let form = RegistrationForm(context.form, language: context.language, offered: authority.enrollableKeys)
        let read = form.read(today: FederalCalendar.Day(clock()), officeOrganisations: officer.office.organisations)
        let registration: RegistrationAuthority.Registration
        let document: SeenDocument
        switch read {
        case .failure(let failure):
            return try await registerPage(officer, form: form, problems: failure.problems, status: .unprocessableContent, context: context)
        case .success(let read):
            (registration, document) = read
        }
        let appointment: Appointment? = if let id = form.appointment { try await appointments.appointment(id, at: officer.office) } else { nil }
        let officeID = try officer.office.requireID()
        let now = clock()
        do {
            let (person, letter) = try await database.write { [authority, activations, appointments] db -> (Person, Activations.Letter) in
                let personID = try await authority.register(registration, on: db)
                try await IdentityCheck(personID: personID, officeID: officeID, officerID: officer.personID, document: document, at: now).create(on: db)
                if let appointment { try await appointments.markAttended(appointment, by: personID, on: db) }
                guard let person = try await Person.find(personID, on: db) else { throw PersoError.notFound }
                return (person, try await activations.issue(for: person, keys: form.keys, officer: officer, on: db))
            }
            activations.outbox.deliverSoon()
            let personID = try person.requireID()
            await authority.record(.personRegistered, personID: personID, by: officer.performer, request: request, context: context)
            await authority.record(.activationIssued, personID: personID, by: officer.performer, request: request, context: context)
            return ActivationLetterPage(person: person, office: officer.office, letter: letter,
                                        keys: form.keys.compactMap { key in authority.enrollableKeys.first { $0.identifier == key } },
                                        texts: OfficeTexts.texts(for: context.language)).response(context: context)
        } catch RegistrationAuthority.RegistrationRefusal.alreadyRegistered {
            return try await registerPage(officer, form: form, problems: [.alreadyRegistered], status: .unprocessableContent, context: context)
        } catch RegistrationAuthority.RegistrationRefusal.unknownOrganisation {
            return try await registerPage(officer, form: form, problems: [.organisation], status: .unprocessableContent, context: context)
        } catch {
            // Two officers registering the same number at once on PostgreSQL: the unique index refused the second.
            guard try await authority.person(nrn: registration.nrn) != nil else { throw error }
            return try await registerPage(officer, form: form, problems: [.alreadyRegistered], status: .unprocessableContent, context: context)
        }
    }

    private func registerPage(_ officer: Officer, form: RegistrationForm, problems: [RegistrationForm.Problem], status: HTTPResponse.Status,
                              context: PersoRequestContext) async throws -> Response {
        let organisations = try await authority.organisations().filter { officer.office.organisations.contains($0.code) }
        var existing: Person?
        if problems.contains(.alreadyRegistered), let nrn = try? NationalRegisterNumber(form.nrn) { existing = try await authority.person(nrn: nrn) }
        return RegisterPage(officer: officer, form: form, problems: problems, organisations: organisations, keys: authority.enrollableKeys,
                            existing: existing, texts: OfficeTexts.texts(for: context.language)).response(status: status, context: context)
    }

    // MARK: A person

    private func personPage(_ officer: Officer, _ person: Person, notice: String?, error: String?, status: HTTPResponse.Status = .ok,
                            context: PersoRequestContext) async throws -> Response {
        let personID = try person.requireID()
        let checks = try await IdentityCheck.query(on: database.db).filter(\.$personID == personID).with(\.$office).sort(\.$checkedAt, .descending).all()
        let page = PersonPage(
            officer: officer, person: person, username: try await authority.username(of: personID),
            keys: try await authority.keys(of: personID), offered: authority.enrollableKeys, roles: try await authority.roles(of: personID),
            grantable: officer.office.organisations.flatMap { organisation in Self.grantable.map { (organisation, $0) } },
            checks: checks, activity: try await authority.activity(of: personID, language: context.language),
            notice: notice, error: error, texts: OfficeTexts.texts(for: context.language)
        )
        return page.response(status: status, context: context)
    }

    private func person(_ context: PersoRequestContext) async throws -> Person {
        guard let id = context.parameters.get("person").flatMap(UUID.init(uuidString:)), let person = try await authority.person(id) else {
            throw PersoError.notFound
        }
        return person
    }

    private func done(_ personID: UUID, _ what: String) -> Response {
        Response(status: .seeOther, headers: [.location: OfficePath.person(personID) + "?done=" + what])
    }
}
