import FluentKit
import Foundation
import Hummingbird
import Messaging
import PasswordHashing
import PersoCore
import SQLKit

/// What the gateway lends the registration office (CSAM's registration authority): who is logged in and how
/// strongly, people, their roles, keys and password, the unlock, and the audit log with the officer's name on each
/// line. The office works through this door only; the gateway's stores stay its own.
public struct RegistrationAuthority: Sendable {
    let database: PersoDatabase
    let people: PeopleDirectory
    let personKeys: PersonKeys
    let keys: KeyRegistry
    let audit: AuditLog
    let guardian: BruteForceGuard
    let clients: ClientRegistry
    let passwords: PasswordSaving
    let clock: @Sendable () -> Date

    // MARK: Who is logged in

    /// The person logged in at the gateway in this browser session, if any.
    public struct SignedIn: Sendable {
        public let personID: UUID
        public let level: LevelOfAssurance
    }

    /// Where the header's logout button posts.
    public static let logoutPath = GatewayPath.logout

    public func signedIn(_ session: Session) -> SignedIn? {
        SSOSession.current(in: session).map { SignedIn(personID: $0.personID, level: $0.level) }
    }

    /// Sends the visitor to the key chooser for a login of at least `level`, then back to `page`.
    public func logIn(toReach page: String, level: LevelOfAssurance, session: Session) -> Response {
        LoginTransaction.logIn(toReach: page, level: level, session: session, now: clock())
    }

    // MARK: People

    public func person(_ id: UUID) async throws -> Person? {
        try await people.person(id)
    }

    public func person(nrn: NationalRegisterNumber) async throws -> Person? {
        try await Person.query(on: database.db).filter(\.$nrn == nrn.digits).first()
    }

    /// People whose national number or e-mail address is `text`, or whose names contain it; at most `limit`.
    public func find(_ text: String, limit: Int = 50) async throws -> [Person] {
        let typed = text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return [] }
        if let nrn = try? NationalRegisterNumber(typed) {
            return try await Person.query(on: database.db).filter(\.$nrn == nrn.digits).all()
        }
        if typed.contains("@") {
            return try await Person.query(on: database.db).filter(\.$email == typed.lowercased()).limit(limit).all()
        }
        // Every word typed must be in the given name or the surname, in any case ("dubois soph").
        var select = database.sql.select().column("id").from(Person.schema)
        for word in typed.lowercased().split(separator: " ").prefix(4) {
            let pattern = "%" + word.filter { $0 != "%" && $0 != "_" && $0 != "\\" } + "%"
            select = select.where {
                $0.where(SQLFunction("lower", args: SQLIdentifier("given_name")), .like, SQLBind(pattern))
                    .orWhere(SQLFunction("lower", args: SQLIdentifier("surname")), .like, SQLBind(pattern))
            }
        }
        let ids = try await select.limit(limit).all().map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        return try await Person.query(on: database.db).filter(\.$id ~~ ids).sort(\.$surname).sort(\.$givenName).all()
    }

    public func organisations() async throws -> [Organisation] {
        try await Organisation.query(on: database.db).sort(\.$code).all()
    }

    /// The person's roles, as `(organisation code, role)`.
    public func roles(of personID: UUID) async throws -> [(organisation: String, role: Membership.Role)] {
        try await Membership.query(on: database.db).filter(\.$person.$id == personID).with(\.$organisation).all()
            .compactMap { membership in Membership.Role(rawValue: membership.role).map { (membership.organisation.code, $0) } }
            .sorted { ($0.organisation, $0.role.rawValue) < ($1.organisation, $1.role.rawValue) }
    }

    /// Who the office registers: identity as seen on the document, and where they work.
    public struct Registration: Sendable {
        public var nrn: NationalRegisterNumber
        public var givenName: String
        public var surname: String
        public var language: PersoCore.Language
        public var email: String
        public var organisation: String
        public var roles: [Membership.Role]

        public init(nrn: NationalRegisterNumber, givenName: String, surname: String, language: PersoCore.Language, email: String,
                    organisation: String, roles: [Membership.Role] = [.employee]) {
            self.nrn = nrn
            self.givenName = givenName
            self.surname = surname
            self.language = language
            self.email = email
            self.organisation = organisation
            self.roles = roles
        }
    }

    public enum RegistrationRefusal: Error, Equatable {
        case alreadyRegistered
        case unknownOrganisation
    }

    /// Adds the person on `db` (the office's transaction, which records the document seen beside it); their id.
    public func register(_ registration: Registration, on db: any Database) async throws -> UUID {
        guard try await Person.query(on: db).filter(\.$nrn == registration.nrn.digits).first() == nil else {
            throw RegistrationRefusal.alreadyRegistered
        }
        guard let organisation = try await Organisation.query(on: db).filter(\.$code == registration.organisation).first() else {
            throw RegistrationRefusal.unknownOrganisation
        }
        let person = Person(nrn: registration.nrn, givenName: registration.givenName, surname: registration.surname,
                            preferredLanguage: registration.language, email: registration.email.lowercased())
        try await person.create(on: db)
        let personID = try person.requireID()
        for role in Set(registration.roles.isEmpty ? [.employee] : registration.roles) {
            try await Membership(personID: personID, organisationID: organisation.requireID(), role: role).create(on: db)
        }
        return personID
    }

    public func updateContact(of personID: UUID, email: String, language: PersoCore.Language) async throws {
        try await database.writeStatement { db in
            try await Person.query(on: db).filter(\.$id == personID)
                .set(\.$email, to: email.lowercased()).set(\.$preferredLanguage, to: language).update()
        }
    }

    /// Gives the role in the organisation; false when the person already had it.
    public func grant(_ role: Membership.Role, in organisationCode: String, to personID: UUID) async throws -> Bool {
        guard let organisation = try await Organisation.query(on: database.db).filter(\.$code == organisationCode).first() else {
            throw RegistrationRefusal.unknownOrganisation
        }
        let organisationID = try organisation.requireID()
        return try await database.write { db in
            let held = try await Membership.query(on: db).filter(\.$person.$id == personID).filter(\.$organisation.$id == organisationID)
                .filter(\.$role == role.rawValue).first()
            guard held == nil else { return false }
            try await Membership(personID: personID, organisationID: organisationID, role: role).create(on: db)
            return true
        }
    }

    /// Takes the role away; false when the person did not have it.
    public func revoke(_ role: Membership.Role, in organisationCode: String, from personID: UUID) async throws -> Bool {
        guard let organisation = try await Organisation.query(on: database.db).filter(\.$code == organisationCode).first() else { return false }
        let organisationID = try organisation.requireID()
        return try await database.write { db in
            let held = Membership.query(on: db).filter(\.$person.$id == personID)
                .filter(\.$organisation.$id == organisationID).filter(\.$role == role.rawValue)
            guard try await held.copy().count() > 0 else { return false }
            try await held.delete()
            return true
        }
    }

    // MARK: Keys and password

    /// The keys the office can prepare for a person (those with an enrolment, in the chooser's order).
    public var enrollableKeys: [KeyProfile] { keys.enrollable.map(\.profile) }

    public func keys(of personID: UUID) async throws -> [PersonKeys.State] {
        try await personKeys.list(personID: personID)
    }

    /// Activates (or replaces) a key and says what to hand the person: the codes of a card, an app's secret.
    public func issue(_ key: KeyIdentifier, to personID: UUID) async throws -> IssuedKey {
        guard let enrolment = keys.enrollable.first(where: { $0.profile.identifier == key })?.enrolment else { throw PersoError.notFound }
        let person = try await people.person(personID)
        let account = try await people.username(of: personID) ?? person?.nrn ?? "persopoint"
        return try await enrolment.issue(to: personID, account: account)
    }

    public func removeKey(_ key: KeyIdentifier, of personID: UUID) async throws -> Bool {
        try await personKeys.remove(key, personID: personID)
    }

    /// Lifts the waits and locks on the person's password and codes; true if something was lifted.
    public func unlock(_ personID: UUID) async throws -> Bool {
        let username = try await people.username(of: personID)
        return try await guardian.unlockAll(username: username, personID: personID, keys: keys.profiles)
    }

    public func username(of personID: UUID) async throws -> String? {
        try await people.username(of: personID)
    }

    /// Sets the username and password the person chose (the gateway's rules: NIST length, dictionary, no personal
    /// data), announced by e-mail; the refusal in the person's words, or nil once saved.
    public func setPassword(_ password: String, username typed: String, for personID: UUID, language: PersoCore.Language) async throws -> String? {
        let texts = AccountTexts.texts(for: language)
        guard PasswordSaving.acceptable(username: typed) else { return texts.usernameInvalid }
        let username = typed.lowercased()
        guard try await !passwords.credentials.isTaken(username, by: personID) else { return texts.usernameTaken }
        guard let person = try await people.person(personID) else { throw PersoError.notFound }
        let owner = PasswordPolicy.Owner(username: username, givenName: person.givenName, surname: person.surname, nrn: person.nrn)
        if let refusal = try await PasswordPolicy().refusal(for: password, old: nil, owner: owner) { return texts.refusal(refusal) }
        let existing = try await passwords.credentials.credential(of: personID)
        do {
            try await passwords.save(password, username: username, existing: existing, person: person)
        } catch {
            // Someone took the name between the check and the write (the unique index refused it).
            if try await passwords.credentials.isTaken(username, by: personID) { return texts.usernameTaken }
            throw error
        }
        _ = try await guardian.unlockAll(username: username, personID: personID, keys: keys.profiles)
        return nil
    }

    /// A guessed secret of the office's (an activation code) counts against the address like a failed login, so
    /// that one address cannot try codes of many activations fast.
    public func addressWait(_ ip: String?) async throws -> TimeInterval {
        guard let ip else { return 0 }
        return try await guardian.addresses.wait(address: ip)
    }

    public func recordFailedGuess(from ip: String?) async throws {
        guard let ip else { return }
        try await guardian.addresses.recordFailure(address: ip)
    }

    // MARK: Audit

    /// Records what was done to the person's account, by whom, from this request's browser.
    public func record(_ kind: AuditKind, personID: UUID, key: KeyIdentifier? = nil, success: Bool = true, by performer: PerformedBy?,
                       request: Request, context: PersoRequestContext) async {
        await audit.record(kind, personID: personID, key: key, clientID: nil, success: success, ip: context.clientAddress,
                           userAgent: request.headers[.userAgent], performedBy: performer, logger: context.logger)
    }

    /// Records an action from the command line (`persopoint person add`, `key add`).
    public func recordCommandLine(_ kind: AuditKind, personID: UUID, key: KeyIdentifier? = nil) async {
        await audit.record(kind, personID: personID, key: key, clientID: nil, success: true, ip: nil, userAgent: "persopoint",
                           performedBy: .commandLine)
    }

    /// One line of a person's activity as an officer reads it, already in the officer's words.
    public struct ActivityLine: Sendable {
        public let at: Date
        public let what: String
        public let key: String?
        public let application: String?
        /// Browser and system in plain words, and the address.
        public let from: String
        public let success: Bool
    }

    /// The person's activity of the last 6 months, newest first (at most `limit` lines).
    public func activity(of personID: UUID, language: PersoCore.Language, limit: Int = 200) async throws -> [ActivityLine] {
        let (events, _) = try await audit.events(of: personID, page: 0, perPage: limit)
        let texts = GatewayTexts.texts(for: language)
        let account = AccountTexts.texts(for: language)
        let office = OfficeActivityTexts.texts(for: language)
        var names: [String: String] = [:]
        for clientID in Set(events.compactMap(\.clientID)) {
            names[clientID] = clientID == LoginTransaction.gatewayClientID
                ? account.gatewayPages : try await clients.find(clientID)?.displayName(in: language) ?? account.removedApplication
        }
        return events.map { event in
            ActivityLine(
                at: event.at,
                what: [texts.eventNames(event.kind), event.performedBy.map(office.by)].compactMap { $0 }.joined(separator: " "),
                key: event.key.map { keys.shortName($0, in: language) ?? $0.rawValue },
                application: event.clientID.flatMap { names[$0] },
                from: ([BrowserDescription(userAgent: event.userAgent).words(account)] + [event.ip].compactMap { $0 }).joined(separator: " · "),
                success: event.success
            )
        }
    }

    /// Every audit line an office wrote, newest first: what the office's administrators review.
    public func events(performedAt officeCode: String, limit: Int = 200) async throws -> [AuditEvent] {
        // The office is inside the JSON column; few lines carry one, so reading those with any performer is cheap enough.
        try await AuditEvent.query(on: database.db).filter(\.$performedBy != nil).sort(\.$at, .descending).limit(5000).all()
            .filter { if case .office(let code, _, _) = $0.performedBy { return code == officeCode } else { return false } }
            .prefix(limit).map { $0 }
    }
}

extension GatewayModule {
    /// The door the registration office works through.
    public var registrationAuthority: RegistrationAuthority {
        RegistrationAuthority(database: database, people: people, personKeys: personKeys, keys: keys, audit: audit, guardian: guardian,
                              clients: clients, passwords: PasswordSaving(credentials: PasswordCredentials(database: database),
                                                                          hasher: PasswordHasher(), outbox: outbox, clock: clock),
                              clock: clock)
    }
}
