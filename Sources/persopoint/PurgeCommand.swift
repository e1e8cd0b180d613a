import ArgumentParser
import Foundation
import PersoCore
import PersoPointServer

/// What the server does every 5 minutes, on demand: after a bulk import, before a backup, or to see what is kept.
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge",
        abstract: "Delete now what has expired (sessions, codes, tokens, grants, challenges …), as the server does every 5 minutes."
    )

    @OptionGroup var options: ConfigurationOptions
    @Flag(help: "Print the counts as JSON.") var json = false
    /// For tests and rehearsals only: purging "as of" a later time deletes what will have expired by then, live
    /// sessions and tokens included, so it is hidden from the help and refuses a time in the past.
    @Option(help: .hidden) var asOf: String?

    func run() async throws {
        let configuration = try options.resolve()
        var environment = AppEnvironment.live
        if let asOf {
            guard let date = ISO8601DateFormatter().date(from: asOf), date >= Date() else {
                throw ValidationError("--as-of: \"\(asOf)\" is not an ISO 8601 date and time with offset, from now on")
            }
            environment = AppEnvironment(clock: { date })
        }
        let app = try configuration.openApp(environment: environment, logger: configuration.bootstrapLogging())
        try await withMigratedDatabase(app) {
            var counts: [String: Int] = [:]
            for job in app.parts.flatMap(\.purgeJobs) {
                counts[job.name, default: 0] += try await job.purge()
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                print(String(decoding: try encoder.encode(counts), as: UTF8.self))
            } else {
                for (name, count) in counts.sorted(by: { $0.key < $1.key }) { print("\(name): \(count)") }
            }
        }
    }
}
