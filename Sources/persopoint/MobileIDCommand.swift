import ArgumentParser
import Foundation
import PersoCore
import PersoPointServer

/// The mobile identity service's relying parties: who may ask a person to confirm on the phone (CIBA), with which
/// public keys (`private_key_jwt`), and, in ping mode, where to be told of the answer.
struct MobileIDCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mobileid",
        abstract: "Register relying parties of the mobile identity service (CIBA, private_key_jwt).",
        subcommands: [ClientAdd.self, Enrol.self]
    )

    struct Enrol: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Give a person of the gateway a mobile identity: their phone number and the app's 5-digit code.",
            discussion: """
            For an operator (and benchmarks) until the guide's enrolment with the eID exists. A new enrolment replaces the
            person's identity and removes their phones: the app must be set up again on the phone.
            persopoint mobileid enrol --nrn 85073003328 --phone +32470123456 --code 40917
            """
        )
        @OptionGroup var options: ConfigurationOptions
        @Option(help: "The person's national register number (as `person add` registered them).") var nrn: String
        @Option(help: "Their mobile number, E.164 (+32470123456).") var phone: String
        @Option(help: "The 5-digit code the app will ask for.") var code: String

        func run() async throws {
            guard code.count == 5, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw ValidationError("--code must be 5 digits") }
            guard PhoneNumber(phone) != nil else { throw ValidationError("--phone must be a mobile number in E.164 form, like +32470123456") }
            try await withGateway(options) { app in
                guard let person = try await app.gateway.people.find(nrn: nrn) else {
                    throw ValidationError("no person with national register number \(nrn); add them with `persopoint person add` first")
                }
                try await app.mobileID.enrol(nationalNumber: person.nrn.filter(\.isNumber), givenName: person.givenName, surname: person.surname,
                                             language: Language(rawValue: person.preferredLanguage) ?? .fallback, phone: phone, code: code)
                print("\(person.givenName) \(person.surname) has a mobile identity on \(phone); set up the app on that phone")
            }
        }
    }

    struct ClientAdd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "client-add",
            abstract: "Register a relying party, or update one with the same id (name, keys, delivery mode).",
            discussion: """
            persopoint mobileid client-add --id my-app --name "My application" --jwks-file my-app.jwks.json
            Add --ping https://my-app.example/ciba/notify for ping mode; without it the client polls.
            Add --redirect-uri https://my-app.example/callback (repeatable) for the authorisation code flow.
            """
        )
        @OptionGroup var options: ConfigurationOptions
        @Option(help: "Client id (letters, digits, . _ -).") var id: String
        @Option(help: "The name the phone shows when this client asks.") var name: String
        @Option(help: "A file with the client's public keys as a JWKS.") var jwksFile: String
        @Option(help: "Ping mode: the client notification endpoint (https, or http on localhost).") var ping: String?
        @Option(help: "A redirect URI for the authorisation code flow (exact match; repeat for several; given ones replace the registered list).") var redirectUri: [String] = []

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
                try await app.mobileID.registerClient(id: id, name: name, jwks: String(decoding: data, as: UTF8.self), ping: ping,
                                                      redirectURIs: redirectUri.isEmpty ? nil : redirectUri)
                let flows = redirectUri.isEmpty ? "" : ", code flow to \(redirectUri.joined(separator: " "))"
                print("mobile identity client \(id) registered (\(ping == nil ? "poll" : "ping") mode\(flows))")
            }
        }
    }
}
