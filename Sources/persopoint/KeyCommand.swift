import ArgumentParser
import Foundation
import Gateway
import PersoPointServer

/// `persopoint key`: security-code keys for a person, as the registration office (or the demo set-up) gives
/// them until people activate their own from an eID session on "my digital keys".
struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Give, list and take away a person's keys (those that can be given: email, totp and token as shipped).",
        subcommands: [Add.self, List.self, Remove.self]
    )

    /// A key this installation can give, by its identifier.
    static func key(_ text: String, in app: PersoPointApp) throws -> any DigitalKey {
        let enrollable = app.gateway.keys.enrollable
        guard let key = enrollable.first(where: { $0.profile.identifier.rawValue == text.lowercased() }) else {
            throw ValidationError("the key must be one of \(enrollable.map(\.profile.identifier.rawValue).joined(separator: ", "))")
        }
        return key
    }

    static func person(_ app: PersoPointApp, username: String) async throws -> UUID {
        guard let id = try await PeopleDirectory(database: app.database).personID(username: username) else {
            FileHandle.standardError.write(Data("persopoint: no person has the username \(username)\n".utf8))
            throw ExitCode(2)
        }
        return id
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Activate (or replace) a key and print what the person needs: the app's secret and URI, or the 24 codes of the card."
        )
        @OptionGroup var options: ConfigurationOptions
        @Argument(help: "The person's username.") var username: String
        @Argument(help: "The key: email, totp or token as shipped.") var kind: String
        @Flag(help: "Print JSON.") var json = false

        struct Output: Encodable {
            let username: String
            let kind: String
            var email: String?
            var secret: String?
            var uri: String?
            var codes: [String]?
        }

        func run() async throws {
            try await withGateway(options) { app in
                let key = try KeyCommand.key(kind, in: app)
                let personID = try await KeyCommand.person(app, username: username)
                let issued = try await key.enrolment!.issue(to: personID, account: username.lowercased())
                await app.gateway.registrationAuthority.recordCommandLine(.keyActivated, personID: personID, key: key.profile.identifier)
                let output = Output(username: username.lowercased(), kind: key.profile.identifier.rawValue,
                                    email: issued.address, secret: issued.secret, uri: issued.uri, codes: issued.codes)
                try printOut(output, json: json) { output in
                    if let codes = output.codes {
                        return codes.enumerated().map { "\(String(format: "%2d", $0.offset + 1))  \($0.element)" }.joined(separator: "\n")
                    }
                    return output.uri.map { "secret \(output.secret ?? "")\n\($0)" } ?? "e-mail codes go to \(output.email ?? "")"
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a person's security-code keys.")
        @OptionGroup var options: ConfigurationOptions
        @Argument(help: "The person's username.") var username: String
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await withGateway(options) { app in
                let states = try await app.gateway.personKeys.list(personID: try await KeyCommand.person(app, username: username))
                try printOut(states, json: json) { $0.map { "\($0.kind)  \($0.status)" }.joined(separator: "\n") }
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a key away from a person.")
        @OptionGroup var options: ConfigurationOptions
        @Argument(help: "The person's username.") var username: String
        @Argument(help: "The key: email, totp or token as shipped.") var kind: String

        func run() async throws {
            try await withGateway(options) { app in
                let key = try KeyCommand.key(kind, in: app).profile.identifier
                let personID = try await KeyCommand.person(app, username: username)
                let removed = try await app.gateway.personKeys.remove(key, personID: personID)
                if removed { await app.gateway.registrationAuthority.recordCommandLine(.keyRemoved, personID: personID, key: key) }
                print(removed ? "removed the \(key) key of \(username)" : "\(username) has no \(key) key")
            }
        }
    }
}
