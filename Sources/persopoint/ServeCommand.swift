import ArgumentParser
import Foundation
import DevelopmentPKI
import Gateway
import Hummingbird
import PersoPointServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run PersoPoint (the default command). Migrates the database first; SIGTERM stops it gracefully."
    )

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let configuration = try options.resolve()
        let logger = configuration.bootstrapLogging()
        let pki = DevelopmentPKI(dataDirectory: configuration.dataDirectory)
        if configuration.development, try pki.initialise() {
            logger.info("development mode: development PKI created", metadata: ["directory": "\(pki.directory.path)"])
        }
        let app = try configuration.openApp(logger: logger)
        try await withMigratedDatabase(app, registeringApplications: true) {
            if configuration.development {
                let added = try await app.seedDemoData()
                logger.info("development mode: demo data present", metadata: ["people_added": "\(added)"])
                let cards = try PKICommand.issueDemoCards(pki, configuration: configuration)
                if cards > 0 { logger.info("development mode: eID cards issued for the demo people", metadata: ["cards": "\(cards)", "directory": "\(pki.directory.path)/cards"]) }
            }
            logger.notice("PersoPoint starting", metadata: [
                "url": "\(configuration.publicURL.absoluteString)",
                "listen": "\(configuration.host):\(configuration.port)",
                "database": "\(configuration.database.kind)",
                "mode": "\(configuration.development ? "DEVELOPMENT (demo data and helpers on; never use in production)" : "production")",
            ])
            try await app.makeApplication().runService()
        }
    }
}

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Bring the database schema up to date, then exit.")

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let configuration = try options.resolve()
        let app = try configuration.openApp(logger: configuration.bootstrapLogging())
        try await withMigratedDatabase(app, registeringApplications: true) { print("database is up to date (\(configuration.database.kind))") }
    }
}

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Add the demo organisations and people (idempotent: running it again adds nothing).",
        subcommands: [Seed.self, Credentials.self],
        defaultSubcommand: Seed.self
    )
}

extension DemoCommand {
    struct Credentials: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "How to log in as each demo person, and the demo eBox sender's client credentials.")
        @OptionGroup var options: ConfigurationOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await withGateway(options) { app in
                _ = try await app.seedDemoData()
                struct Listing: Encodable {
                    let people: [DemoData.Credentials]
                    let senders: [DemoSender]
                }
                try printOut(Listing(people: DemoData.credentials, senders: [.demo]), json: json) { listing in
                    let people = listing.people.map {
                        "\($0.givenName) \($0.surname) (\($0.organisation), \($0.roles.joined(separator: ", "))): \($0.username) / \($0.password)"
                    }
                    let senders = listing.senders.map { "eBox sender \($0.code): client \($0.clientID) / \($0.clientSecret), scope \($0.scope)" }
                    return (people + senders).joined(separator: "\n")
                }
            }
        }
    }
}

extension DemoCommand {
    struct Seed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "seed", abstract: "Add the demo organisations and people.")

        @OptionGroup var options: ConfigurationOptions

        func run() async throws {
            let configuration = try options.resolve()
            let app = try configuration.openApp(logger: configuration.bootstrapLogging())
            try await withMigratedDatabase(app) {
                let added = try await app.seedDemoData()
                print(added == 0 ? "demo data already present" : "added \(added) demo people")
            }
        }
    }
}
