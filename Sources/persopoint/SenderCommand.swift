import ArgumentParser
import EBox
import Foundation
import PersoCore
import PersoPointServer

/// The eBox's senders: which gateway client publishes as which public service, and what it may send.
struct SenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sender",
        abstract: "Register or update an eBox sender (its gateway client needs client_credentials and the ebox:publish scope).",
        subcommands: [Add.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a sender, or bring one with the same code in line (names, client, types).",
            discussion: """
            First register its gateway client: persopoint client add --id hr-sender --grant-types client_credentials --scopes ebox:publish
            Then: persopoint sender add --code bosa-hr --client hr-sender --name-fr "SPF BOSA" --name-nl "FOD BOSA" \\
                  --name-de "FÖD BOSA" --name-en "FPS BOSA" --type payslip=365 --type registered_letter=90
            """
        )
        @OptionGroup var options: ConfigurationOptions
        @Option(help: "The sender's code, shown in receipts.") var code: String
        @Option(help: "The gateway client id it publishes with.") var client: String
        @Option(help: "Its name in French.") var nameFr: String
        @Option(help: "Its name in Dutch.") var nameNl: String
        @Option(help: "Its name in German.") var nameDe: String
        @Option(help: "Its name in English.") var nameEn: String
        @Option(help: "A message type it may publish and how many days its documents are kept, as type=days (repeatable).")
        var type: [String] = []

        func run() async throws {
            var types: [String: Int] = [:]
            for entry in type {
                let pair = entry.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, let days = Int(pair[1]), (1...3650).contains(days), !pair[0].isEmpty,
                      pair[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                    throw ValidationError("--type takes type=days, days from 1 to 3650 (3650 is ten years): \(entry)")
                }
                types[String(pair[0])] = days
            }
            guard !types.isEmpty else { throw ValidationError("give at least one --type") }
            guard (3...64).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
                throw ValidationError("--code must be 3 to 64 letters, digits, . _ -")
            }
            try await withGateway(options) { app in
                guard try await app.gateway.clients.list().contains(where: { $0.clientID == client && $0.scopes.contains("ebox:publish") }) else {
                    throw ValidationError("no gateway client \(client) with the ebox:publish scope; register it with `persopoint client add` first")
                }
                try await app.ebox.senders.register(.init(code: code, clientID: client,
                                                          names: [.fr: nameFr, .nl: nameNl, .de: nameDe, .en: nameEn], types: types))
                print("sender \(code) publishes with client \(client): \(types.keys.sorted().joined(separator: ", "))")
            }
        }
    }
}
