import ArgumentParser
import Foundation
import Gateway
import PersoPointServer

/// `persopoint key`: security-code keys for a person, as the registration office (or the demo set-up) gives
/// them until people activate their own from an eID session on "my digital keys".
struct KeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Give, list and take away a person's security-code keys (email, totp, token).",
        subcommands: [Add.self, List.self, Remove.self]
    )

    static func kind(_ text: String) throws -> DigitalKeyKind {
        guard let kind = DigitalKeyKind(rawValue: text.lowercased()), [.email, .totp, .token].contains(kind) else {
            throw ValidationError("the key must be email, totp or token")
        }
        return kind
    }

    static func person(_ app: PersoPointApp, username: String) async throws -> UUID {
        guard let id = try await app.gateway.personID(username: username) else {
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
        @Argument(help: "email, totp or token.") var kind: String
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
            let kind = try KeyCommand.kind(self.kind)
            try await withGateway(options) { app in
                let personID = try await KeyCommand.person(app, username: username)
                var output = Output(username: username.lowercased(), kind: kind.rawValue)
                switch try await app.gateway.keys.add(kind, personID: personID, account: username.lowercased()) {
                case .email(let address): output.email = address
                case .totp(let secret, let uri): output.secret = secret; output.uri = uri
                case .token(let codes): output.codes = codes
                }
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
                let states = try await app.gateway.keys.list(personID: try await KeyCommand.person(app, username: username))
                try printOut(states, json: json) { $0.map { "\($0.kind)  \($0.status)" }.joined(separator: "\n") }
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take a key away from a person.")
        @OptionGroup var options: ConfigurationOptions
        @Argument(help: "The person's username.") var username: String
        @Argument(help: "email, totp or token.") var kind: String

        func run() async throws {
            let kind = try KeyCommand.kind(self.kind)
            try await withGateway(options) { app in
                let removed = try await app.gateway.keys.remove(kind, personID: try await KeyCommand.person(app, username: username))
                print(removed ? "removed the \(kind.rawValue) key of \(username)" : "\(username) has no \(kind.rawValue) key")
            }
        }
    }
}
