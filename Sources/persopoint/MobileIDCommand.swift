import ArgumentParser
import Foundation
import PersoPointServer

/// The mobile identity service's relying parties: who may ask a person to confirm on the phone (CIBA), with which
/// public keys (`private_key_jwt`), and, in ping mode, where to be told of the answer.
struct MobileIDCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mobileid",
        abstract: "Register relying parties of the mobile identity service (CIBA, private_key_jwt).",
        subcommands: [ClientAdd.self]
    )

    struct ClientAdd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "client-add",
            abstract: "Register a relying party, or update one with the same id (name, keys, delivery mode).",
            discussion: """
            persopoint mobileid client-add --id my-app --name "My application" --jwks-file my-app.jwks.json
            Add --ping https://my-app.example/ciba/notify for ping mode; without it the client polls.
            """
        )
        @OptionGroup var options: ConfigurationOptions
        @Option(help: "Client id (letters, digits, . _ -).") var id: String
        @Option(help: "The name the phone shows when this client asks.") var name: String
        @Option(help: "A file with the client's public keys as a JWKS.") var jwksFile: String
        @Option(help: "Ping mode: the client notification endpoint (https, or http on localhost).") var ping: String?

        func run() async throws {
            guard (3...64).contains(id.count), id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                throw ValidationError("--id must be 3 to 64 letters, digits, . _ -")
            }
            guard !name.isEmpty, name.count <= 80 else { throw ValidationError("--name must be 1 to 80 characters") }
            guard let data = FileManager.default.contents(atPath: jwksFile),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let keys = object["keys"] as? [Any], !keys.isEmpty else {
                throw ValidationError("--jwks-file must hold a JSON Web Key Set with at least one key")
            }
            if let ping {
                guard let url = URL(string: ping), url.scheme == "https" || (url.scheme == "http" && ["localhost", "127.0.0.1"].contains(url.host ?? "")) else {
                    throw ValidationError("--ping must be an https address (http only on localhost)")
                }
            }
            try await withGateway(options) { app in
                try await app.mobileID.registerClient(id: id, name: name, jwks: String(decoding: data, as: UTF8.self), ping: ping)
                print("mobile identity client \(id) registered (\(ping == nil ? "poll" : "ping") mode)")
            }
        }
    }
}
