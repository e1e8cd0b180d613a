import PasswordHashing
import PersoCore
import Crypto
import FluentKit
import Foundation

/// Realistic demo organisations and people for trying the product; seeding twice changes nothing.
public enum DemoData {
    struct DemoPerson {
        let nrn: NationalRegisterNumber
        let givenName: String
        let surname: String
        let language: Language
        let email: String
        let organisation: String
        let roles: [Membership.Role]
        /// Roles held in other organisations: a handler of a shared HR desk serves more than their own.
        var elsewhere: [String: [Membership.Role]] = [:]

        /// `organisation:role`, as the ID token's `roles` claim gives them.
        var memberships: [String] {
            roles.map { "\(organisation):\($0.rawValue)" } + elsewhere.keys.sorted().flatMap { code in elsewhere[code]!.map { "\(code):\($0.rawValue)" } }
        }
    }

    static let organisations = [
        Organisation(code: "bosa", fr: "SPF Stratégie et Appui (BOSA)", nl: "FOD Beleid en Ondersteuning (BOSA)",
                     de: "FÖD Strategie und Unterstützung (BOSA)", en: "FPS Policy and Support (BOSA)"),
        Organisation(code: "finance", fr: "SPF Finances", nl: "FOD Financiën", de: "FÖD Finanzen", en: "FPS Finance"),
    ]

    static let people = [
        DemoPerson(nrn: .make(year: 1985, month: 7, day: 30, serial: 33), givenName: "Sophie", surname: "Dubois",
                   language: .fr, email: "sophie.dubois@example.be", organisation: "bosa", roles: [.employee]),
        DemoPerson(nrn: .make(year: 1979, month: 3, day: 12, serial: 157), givenName: "Pieter", surname: "Janssens",
                   language: .nl, email: "pieter.janssens@example.be", organisation: "bosa", roles: [.employee, .manager]),
        DemoPerson(nrn: .make(year: 1990, month: 11, day: 4, serial: 212), givenName: "Lena", surname: "Schmitz",
                   language: .de, email: "lena.schmitz@example.be", organisation: "finance", roles: [.employee]),
        DemoPerson(nrn: .make(year: 1972, month: 1, day: 21, serial: 84), givenName: "Marc", surname: "Lambert",
                   language: .fr, email: "marc.lambert@example.be", organisation: "finance", roles: [.employee, .hrOfficer, .caseHandler],
                   elsewhere: ["bosa": [.hrOfficer, .caseHandler]]),
        DemoPerson(nrn: .make(year: 2001, month: 5, day: 17, serial: 296), givenName: "Emma", surname: "Peeters",
                   language: .nl, email: "emma.peeters@example.be", organisation: "bosa", roles: [.employee, .registrationOfficer]),
    ]

    /// How to log in as each demo person: shown by `persopoint demo credentials`, never used outside demos.
    public struct Credentials: Codable, Sendable {
        public let nrn: String
        public let givenName: String
        public let surname: String
        public let organisation: String
        /// The roles in `organisation`.
        public let roles: [String]
        /// Every role in every organisation, `organisation:role` (Marc also handles BOSA's cases).
        public let memberships: [String]
        public let username: String
        public let password: String
        public let email: String
        /// The language the person reads (fr, nl, de, en).
        public let language: String
        /// The authenticator app's secret (base32), to add to an app or to compute codes in tests.
        public let totpSecret: String
        /// The 24 codes of the token card; the first is position 1.
        public let tokenCard: [String]
        /// The phone enrolled at the mobile identity service (E.164), and the 5-digit code its app asks for.
        public let phone: String
        public let itsmeCode: String
    }

    public static var credentials: [Credentials] {
        people.map { demo in
            Credentials(
                nrn: demo.nrn.digits, givenName: demo.givenName, surname: demo.surname, organisation: demo.organisation,
                roles: demo.roles.map(\.rawValue), memberships: demo.memberships, username: username(demo), password: password(demo), email: demo.email,
                language: demo.language.rawValue,
                totpSecret: Base32.encode(TOTPEnrolment.demoSecret(seed: demo.nrn.digits)),
                tokenCard: TokenCardEnrolment.demoCodes(seed: demo.nrn.digits),
                phone: phone(demo), itsmeCode: itsmeCode(demo)
            )
        }
    }

    /// A Belgian mobile number made of the birth day, the serial and a check digit of the national number: +32 470 DD SSS C.
    static func phone(_ demo: DemoPerson) -> String {
        let digits = Array(demo.nrn.digits)
        return "+32470" + String(digits[4..<10])
    }

    static func itsmeCode(_ demo: DemoPerson) -> String {
        let digest = SHA256.hash(data: Array(("itsme-demo:" + demo.nrn.digits).utf8))
        let number = digest.prefix(4).reduce(0) { $0 << 8 | Int($1) } % 100_000
        return String(format: "%05d", number)
    }

    static func username(_ demo: DemoPerson) -> String { "\(demo.givenName).\(demo.surname)".lowercased() }
    static func password(_ demo: DemoPerson) -> String { "Demo-\(demo.givenName)-2026!" }


    /// Inserts what is missing, in one transaction; returns how many people were added.
    @discardableResult
    public static func seed(on database: any Database, keys: KeyRegistry) async throws -> Int {
        try await database.transaction { db in
            var organisationIDs: [String: UUID] = [:]
            for template in organisations {
                if let existing = try await Organisation.query(on: db).filter(\.$code == template.code).first() {
                    organisationIDs[template.code] = existing.id
                } else {
                    let organisation = Organisation(code: template.code, fr: template.nameFR, nl: template.nameNL, de: template.nameDE, en: template.nameEN)
                    try await organisation.create(on: db)
                    organisationIDs[template.code] = organisation.id
                }
            }
            var added = 0
            for demo in people where try await Person.query(on: db).filter(\.$nrn == demo.nrn.digits).first() == nil {
                let person = Person(nrn: demo.nrn, givenName: demo.givenName, surname: demo.surname, preferredLanguage: demo.language, email: demo.email)
                try await person.create(on: db)
                for role in demo.roles {
                    try await Membership(personID: person.id!, organisationID: organisationIDs[demo.organisation]!, role: role).create(on: db)
                }
                try await PasswordCredential(personID: person.id!, username: username(demo), phc: PasswordHasher().hash(password(demo)), updatedAt: Date())
                    .create(on: db)
                added += 1
            }
            // Every demo person holds every key that can be given and every demo role (also when the people came from an
            // older seed).
            for demo in people {
                guard let person = try await Person.query(on: db).filter(\.$nrn == demo.nrn.digits).first(), let id = person.id else { continue }
                let roles = try await Membership.query(on: db).filter(\.$person.$id == id).all()
                for (code, wanted) in demo.elsewhere {
                    for role in wanted where !roles.contains(where: { $0.$organisation.id == organisationIDs[code] && $0.role == role.rawValue }) {
                        try await Membership(personID: id, organisationID: organisationIDs[code]!, role: role).create(on: db)
                    }
                }
                let held = Set(try await PersonKey.query(on: db).filter(\.$person.$id == id).all().map(\.kind))
                for key in keys.enrollable where !held.contains(key.profile.identifier) {
                    try await key.enrolment?.issueForDemo(to: id, account: username(demo), seed: demo.nrn.digits, on: db)
                }
            }
            return added
        }
    }
}
