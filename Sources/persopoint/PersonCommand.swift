import ArgumentParser
import Foundation
import Gateway
import PersoCore
import PersoPointServer

struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person", abstract: "Add, show or list the people known to the gateway.",
        subcommands: [Add.self, Show.self, List.self, Unlock.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a person (national register number checked).")
        @OptionGroup var options: ConfigurationOptions
        @Option(help: "National register number (11 digits; dots and dashes allowed).") var nrn: String
        @Option(help: "Given name.") var givenName: String
        @Option(help: "Surname.") var surname: String
        @Option(help: "Preferred language: fr, nl, de or en.") var language = "fr"
        @Option(help: "Personal e-mail address.") var email: String?
        @Option(help: "Organisation code (bosa, finance…).") var organisation: String?
        @Option(help: "Role in the organisation (repeatable): employee, manager, hr_officer, case_handler, registration_officer.") var role: [String] = []
        @Option(help: "Username for the password key.") var username: String?
        @Option(help: "Initial password (at least 12 characters).") var password: String?
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await withGateway(options) { app in
                let person = try await PeopleDirectory(database: app.database).add(
                    nrn: nrn, givenName: givenName, surname: surname, language: language, email: email,
                    organisation: organisation, roles: role, username: username, password: password
                )
                // The same audit line as an office's registration, naming the command line as who did it.
                let authority = app.gateway.registrationAuthority
                if let number = try? NationalRegisterNumber(person.nrn), let id = try await authority.person(nrn: number)?.id {
                    await authority.recordCommandLine(.personRegistered, personID: id)
                }
                try printOut(person, json: json) { "added \($0.givenName) \($0.surname) (\($0.nrn))" }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one person.")
        @OptionGroup var options: ConfigurationOptions
        @Argument(help: "National register number.") var nrn: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await withGateway(options) { app in
                guard let person = try await PeopleDirectory(database: app.database).find(nrn: nrn) else {
                    throw ValidationError("no person with national register number \(nrn)")
                }
                try printOut(person, json: json) {
                    "\($0.givenName) \($0.surname)\nNRN: \($0.nrn)\nlanguage: \($0.preferredLanguage)\ne-mail: \($0.email ?? "–")\nusername: \($0.username ?? "–")\nroles: \($0.memberships.joined(separator: ", "))"
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List people.")
        @OptionGroup var options: ConfigurationOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await withGateway(options) { app in
                let people = try await PeopleDirectory(database: app.database).list()
                try printOut(people, json: json) { $0.map { "\($0.nrn)  \($0.givenName) \($0.surname)  \($0.memberships.joined(separator: ","))" }.joined(separator: "\n") }
            }
        }
    }
}

extension PersonCommand {
    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lift the locks and waits on a person's password and security codes after repeated failed attempts (the registration office's task)."
        )
        @OptionGroup var options: ConfigurationOptions
        @Argument(help: "The username.") var username: String

        func run() async throws {
            try await withGateway(options) { app in
                let lifted = try await app.gateway.unlock(username: username)
                if lifted, let id = try await PeopleDirectory(database: app.database).personID(username: username) {
                    await app.gateway.registrationAuthority.recordCommandLine(.keysUnlocked, personID: id)
                }
                print(lifted ? "unlocked \(username)" : "nothing to unlock for \(username)")
            }
        }
    }
}

/// Prints JSON for scripts, or the human line.
func printOut<T: Encodable>(_ value: T, json: Bool, human: (T) -> String) throws {
    if json {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    } else {
        print(human(value))
    }
}

/// Opens the migrated database for a command; refusals from the gateway (bad input) exit 2 with their reason.
func withGateway(_ options: ConfigurationOptions, _ body: (PersoPointApp) async throws -> Void) async throws {
    let configuration = try options.resolve()
    let app = try configuration.openApp(logger: configuration.bootstrapLogging(quiet: true))
    try await withMigratedDatabase(app) {
        do {
            try await body(app)
        } catch let problem as PeopleDirectory.Problem {
            FileHandle.standardError.write(Data("persopoint: \(problem)\n".utf8))
            throw ExitCode(2)
        } catch let problem as EnrolmentRefusal {
            FileHandle.standardError.write(Data("persopoint: \(problem)\n".utf8))
            throw ExitCode(2)
        } catch let problem as ClientRegistry.Problem {
            FileHandle.standardError.write(Data("persopoint: \(problem)\n".utf8))
            throw ExitCode(2)
        }
    }
}
