import ArgumentParser
import DevelopmentPKI
import Foundation
import Gateway
import PersoCore

/// `persopoint pki`: the development certificate authority that makes the eID key work without real cards.
/// Never for production: real deployments trust the Belgium Root CAs (PERSOPOINT_EID_TRUST_ANCHORS).
struct PKICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pki",
        abstract: "Development PKI for the eID key: create it, issue eID-shaped cards, revoke them.",
        subcommands: [Init.self, Card.self, Revoke.self]
    )

    static func pki(_ options: ConfigurationOptions) throws -> (DevelopmentPKI, PersoPointConfiguration) {
        let configuration = try options.resolve()
        return (DevelopmentPKI(dataDirectory: configuration.dataDirectory), configuration)
    }

    static func ocspURL(_ configuration: PersoPointConfiguration) -> String {
        configuration.publicURL.base + DevelopmentPKI.ocspPath
    }

    /// A card for every demo person who has none yet (a `--dev` start).
    static func issueDemoCards(_ pki: DevelopmentPKI, configuration: PersoPointConfiguration) throws -> Int {
        guard pki.exists else { return 0 }
        var issued = 0
        for person in DemoData.credentials where !pki.hasCard(nrn: person.nrn) {
            _ = try pki.issueCard(nrn: person.nrn, givenName: person.givenName, surname: person.surname, ocspURL: ocspURL(configuration))
            issued += 1
        }
        return issued
    }

    static func fail(_ error: Error) -> ExitCode {
        FileHandle.standardError.write(Data("persopoint: \(error)\n".utf8))
        return ExitCode(2)
    }

    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the root CA, the Citizen CA, the eID listener's certificate and the OCSP signer in DATA/pki (keeps what exists)."
        )
        @OptionGroup var options: ConfigurationOptions

        func run() throws {
            let (pki, _) = try PKICommand.pki(options)
            let created = try pki.initialise()
            print(created ? "development PKI created in \(pki.directory.path)" : "development PKI already present in \(pki.directory.path)")
            print("trust anchor for browsers and curl: \(pki.rootCertificateFile.path)")
        }
    }

    struct Card: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue an eID-shaped authentication certificate for a national register number, as PEM and as a PKCS#12 file to import into a browser."
        )
        @OptionGroup var options: ConfigurationOptions
        @Argument(help: "National register number (11 digits; dots and dashes allowed).") var nrn: String
        @Option(help: "Given name on the card (default: the registered person's, else \"Test\").") var givenName: String?
        @Option(help: "Surname on the card (default: the registered person's, else \"Citizen\").") var surname: String?
        @Option(help: "Password of the PKCS#12 file.") var password = DevelopmentPKI.defaultCardPassword
        @Flag(help: "Print JSON.") var json = false

        func run() throws {
            let (pki, configuration) = try PKICommand.pki(options)
            let demo = DemoData.credentials.first { $0.nrn == nrn.filter(\.isNumber) }
            do {
                let card = try pki.issueCard(nrn: nrn, givenName: givenName ?? demo?.givenName ?? "Test", surname: surname ?? demo?.surname ?? "Citizen",
                                             ocspURL: PKICommand.ocspURL(configuration), password: password)
                try printOut(card, json: json) {
                    "card for \($0.givenName) \($0.surname) (\($0.nrn)), serial \($0.serial)\nPKCS#12 (password \($0.password)): \($0.pkcs12)\ncertificate: \($0.certificate)\nkey: \($0.key)"
                }
            } catch let error as DevelopmentPKIError {
                throw PKICommand.fail(error)
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke every card issued for a national register number; the OCSP responder answers \"revoked\" at once.")
        @OptionGroup var options: ConfigurationOptions
        @Argument(help: "National register number.") var nrn: String
        @Flag(help: "Print JSON.") var json = false

        struct Output: Encodable { let nrn: String; let revoked: Int }

        func run() throws {
            let (pki, _) = try PKICommand.pki(options)
            do {
                let count = try pki.revoke(nrn: nrn)
                try printOut(Output(nrn: nrn.filter(\.isNumber), revoked: count), json: json) { "revoked \($0.revoked) card(s) of \($0.nrn)" }
            } catch let error as DevelopmentPKIError {
                throw PKICommand.fail(error)
            }
        }
    }
}
