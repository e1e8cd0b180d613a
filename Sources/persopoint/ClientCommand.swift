import ArgumentParser
import Foundation
import PersoCore
import Gateway
import PersoPointServer

struct ClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client", abstract: "Register, list or remove the applications that log people in through the gateway.",
        subcommands: [Add.self, List.self, Remove.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Register a client. A secret is shown once and stored hashed.")
        @OptionGroup var options: ConfigurationOptions
        @Option(help: "Client id.") var id: String
        @Option(help: "Display name shown on the login pages.") var name: String?
        @Option(help: "The name in French, as people read it (\"my activity\", the key chooser).") var nameFr: String?
        @Option(help: "The name in Dutch.") var nameNl: String?
        @Option(help: "The name in German.") var nameDe: String?
        @Option(help: "The name in English.") var nameEn: String?
        @Option(help: "Redirect URI (repeatable).") var redirectUri: [String] = []
        @Option(help: "Post-logout redirect URI (repeatable).") var postLogoutUri: [String] = []
        @Option(help: "Allowed scopes, space-separated.") var scopes = "openid profile email egovnrn roles"
        @Option(help: "Allowed grant types, comma-separated.") var grantTypes = "authorization_code,refresh_token"
        @Option(help: "Minimum level: 100, 200, 300, 350, 400, 450 or 500.") var minLevel = 200
        @Flag(help: "Confidential (authenticates at the token endpoint) or public (PKCE only).") var kind: Kind = .confidential
        @Option(help: "client_secret_basic, client_secret_post or private_key_jwt (confidential clients).") var authMethod = "client_secret_basic"
        @Option(help: "JWKS file with the client's public keys (private_key_jwt).") var jwksFile: String?
        @Option(help: "Client ids, comma-separated, whose access tokens this client may introspect (it is their resource server).")
        var resourceServerFor: String?
        @Flag(help: "Print JSON.") var json = false

        enum Kind: String, EnumerableFlag { case confidential, `public` }

        func run() async throws {
            guard let level = LevelOfAssurance(rawValue: minLevel) else { throw ValidationError("--min-level must be one of 100, 200, 300, 350, 400, 450, 500") }
            let method: ClientAuthMethod
            if kind == .public { method = .none } else {
                guard let parsed = ClientAuthMethod(rawValue: authMethod), parsed != .none else {
                    throw ValidationError("--auth-method must be client_secret_basic, client_secret_post or private_key_jwt")
                }
                method = parsed
            }
            var registration = ClientRegistry.Registration(clientID: id, name: name ?? id, authMethod: method, redirectURIs: redirectUri)
            registration.postLogoutURIs = postLogoutUri
            registration.scopes = scopes.split(separator: " ").map(String.init)
            registration.grantTypes = grantTypes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            registration.minimumLevel = level
            registration.displayNames = [.fr: nameFr, .nl: nameNl, .de: nameDe, .en: nameEn].compactMapValues { $0 }
            registration.resourceServerFor = (resourceServerFor ?? "").split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if let jwksFile {
                guard let contents = try? String(contentsOfFile: jwksFile, encoding: .utf8) else { throw ValidationError("cannot read \(jwksFile)") }
                registration.jwks = contents
            }
            try await withGateway(options) { app in
                let secret = try await app.gateway.clients.add(registration)
                var output = ["client_id": id]
                output["client_secret"] = secret
                try printOut(output, json: json) { _ in
                    "registered \(id)" + (secret.map { "\nclient secret (shown once): \($0)" } ?? "")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List clients.")
        @OptionGroup var options: ConfigurationOptions
        @Flag(help: "Print JSON.") var json = false

        struct Row: Encodable {
            let clientID, name, authMethod: String
            let redirectURIs, postLogoutURIs, scopes, grantTypes: [String]
            let minimumLevel: Int
        }

        func run() async throws {
            try await withGateway(options) { app in
                let rows = try await app.gateway.clients.list().map {
                    Row(clientID: $0.clientID, name: $0.name, authMethod: $0.authMethod, redirectURIs: $0.redirectURIs,
                        postLogoutURIs: $0.postLogoutURIs, scopes: $0.scopes, grantTypes: $0.grantTypes, minimumLevel: $0.minimumLevel.rawValue)
                }
                try printOut(rows, json: json) { $0.map { "\($0.clientID)  \($0.authMethod)  Level\($0.minimumLevel)  \($0.redirectURIs.joined(separator: " "))" }.joined(separator: "\n") }
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a client and revoke what it was given.")
        @OptionGroup var options: ConfigurationOptions
        @Argument(help: "Client id.") var id: String

        func run() async throws {
            try await withGateway(options) { app in
                guard try await app.gateway.clients.remove(id) else { throw ValidationError("no client \(id)") }
                print("removed \(id)")
            }
        }
    }
}

struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Manage the gateway's token-signing keys.", subcommands: [Rotate.self]
    )

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sign with a new ES256 key; the old one stays published for an hour.")
        @OptionGroup var options: ConfigurationOptions

        func run() async throws {
            try await withGateway(options) { app in
                print("new signing key: \(try await app.gateway.signingKeys.rotate())")
                // The gateway signs its client assertions to the mobile identity service with these keys too.
                try await app.registerGatewayAtMobileID()
            }
        }
    }
}
