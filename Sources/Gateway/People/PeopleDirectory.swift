import FluentKit
import Foundation
import PasswordHashing
import PersoCore

/// Adds and finds people (the CLI's `person` commands).
public struct PeopleDirectory: Sendable {
    let database: PersoDatabase

    public init(database: PersoDatabase) {
        self.database = database
    }

    /// A person by id, for the gateway's own pages and keys.
    func person(_ id: UUID) async throws -> Person? {
        try await Person.find(id, on: database.db)
    }

    /// The person with this national register number (as eleven digits), if registered.
    func personID(nrn digits: String) async throws -> UUID? {
        try await Person.query(on: database.db).filter(\.$nrn == digits).first()?.id
    }

    /// The username a person logs in with, if they have one.
    func username(of personID: UUID) async throws -> String? {
        try await PasswordCredentials(database: database).credential(of: personID)?.username
    }

    /// The person behind a username, if any.
    public func personID(username: String) async throws -> UUID? {
        try await PasswordCredentials(database: database).credential(username: username)?.$person.id
    }

    public struct Summary: Codable, Sendable {
        public let nrn: String
        public let givenName: String
        public let surname: String
        public let preferredLanguage: String
        public let email: String?
        public let username: String?
        public let memberships: [String]
    }

    public enum Problem: Error, CustomStringConvertible {
        case invalid(String)
        public var description: String { if case .invalid(let reason) = self { return reason }; return "" }
    }

    public func add(nrn text: String, givenName: String, surname: String, language: String, email: String?,
                    organisation: String?, roles: [String], username: String?, password: String?) async throws -> Summary {
        let nrn: NationalRegisterNumber
        do { nrn = try NationalRegisterNumber(text) } catch {
            throw Problem.invalid("\(text) is not a valid national register number (11 digits with a correct check number)")
        }
        guard !givenName.isEmpty, !surname.isEmpty else { throw Problem.invalid("given name and surname are required") }
        guard let language = Language(rawValue: language) else { throw Problem.invalid("language must be fr, nl, de or en") }
        if let email, !(email.contains("@") && email.count <= 254) { throw Problem.invalid("\(email) is not an e-mail address") }
        let parsedRoles = try roles.map { role -> Membership.Role in
            guard let parsed = Membership.Role(rawValue: role) else {
                throw Problem.invalid("role \(role) is not one of \(Membership.Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return parsed
        }
        if (username == nil) != (password == nil) { throw Problem.invalid("give both --username and --password, or neither") }
        if let password, password.count < 12 { throw Problem.invalid("the password must have at least 12 characters") }
        try await database.write { db in
            guard try await Person.query(on: db).filter(\.$nrn == nrn.digits).first() == nil else {
                throw Problem.invalid("a person with national register number \(nrn.formatted) already exists")
            }
            let person = Person(nrn: nrn, givenName: givenName, surname: surname, preferredLanguage: language, email: email)
            try await person.create(on: db)
            if let code = organisation {
                guard let organisation = try await Organisation.query(on: db).filter(\.$code == code).first() else {
                    throw Problem.invalid("no organisation with code \(code)")
                }
                for role in parsedRoles.isEmpty ? [.employee] : parsedRoles {
                    try await Membership(personID: person.requireID(), organisationID: organisation.requireID(), role: role).create(on: db)
                }
            }
            if let username, let password {
                guard try await PasswordCredential.query(on: db).filter(\.$username == username.lowercased()).first() == nil else {
                    throw Problem.invalid("username \(username) is taken")
                }
                try await PasswordCredential(personID: person.requireID(), username: username, phc: PasswordHasher().hash(password), updatedAt: Date())
                    .create(on: db)
            }
        }
        return try await find(nrn: nrn.digits)!
    }

    public func find(nrn text: String) async throws -> Summary? {
        guard let nrn = try? NationalRegisterNumber(text),
              let person = try await Person.query(on: database.db).filter(\.$nrn == nrn.digits).first() else { return nil }
        return try await summary(person)
    }

    public func list() async throws -> [Summary] {
        var summaries: [Summary] = []
        for person in try await Person.query(on: database.db).sort(\.$surname).sort(\.$givenName).all() {
            summaries.append(try await summary(person))
        }
        return summaries
    }

    private func summary(_ person: Person) async throws -> Summary {
        let memberships = try await Membership.query(on: database.db).filter(\.$person.$id == person.requireID()).with(\.$organisation).all()
        let credential = try await PasswordCredential.query(on: database.db).filter(\.$person.$id == person.requireID()).first()
        return Summary(
            nrn: person.nrn, givenName: person.givenName, surname: person.surname, preferredLanguage: person.preferredLanguage.rawValue,
            email: person.email, username: credential?.username,
            memberships: memberships.map { "\($0.organisation.code):\($0.role)" }.sorted()
        )
    }
}
