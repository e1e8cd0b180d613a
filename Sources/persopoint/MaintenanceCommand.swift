import ArgumentParser
import Foundation
import PersoCore
import PersoPointServer

/// Maintenance windows are stored in the database, so every instance opens and closes together.
struct MaintenanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance",
        abstract: "Announce, start, end or list maintenance windows.",
        subcommands: [Announce.self, Start.self, End.self, List.self]
    )

    struct Announce: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Schedule a window; the banner announces it up to 7 days ahead.")
        @OptionGroup var options: ConfigurationOptions
        @Option(help: "Start, ISO 8601 with offset (2026-12-05T20:00:00+01:00).") var from: String
        @Option(help: "End, ISO 8601 with offset.") var until: String

        func run() async throws {
            let start = try parseDate(from, option: "--from"), end = try parseDate(until, option: "--until")
            let configuration = try options.resolve()
            let app = try configuration.openApp(logger: configuration.bootstrapLogging())
            try await withMigratedDatabase(app) {
                let window = try await app.maintenance.announce(from: start, until: end)
                print("maintenance announced: \(MaintenanceNotice.format(window.startsAt)) – \(MaintenanceNotice.format(window.endsAt)) (Brussels time)")
            }
        }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close the applications now, until the given time.")
        @OptionGroup var options: ConfigurationOptions
        @Option(help: "Planned end, ISO 8601 with offset.") var until: String

        func run() async throws {
            let end = try parseDate(until, option: "--until")
            let configuration = try options.resolve()
            let app = try configuration.openApp(logger: configuration.bootstrapLogging())
            try await withMigratedDatabase(app) {
                try await app.maintenance.announce(from: Date(), until: end)
                print("maintenance started until \(MaintenanceNotice.format(end)) (Brussels time)")
            }
        }
    }

    struct End: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen the applications now.")
        @OptionGroup var options: ConfigurationOptions
        @Flag(help: "Also cancel the windows still to come.") var cancelUpcoming = false

        func run() async throws {
            let configuration = try options.resolve()
            let app = try configuration.openApp(logger: configuration.bootstrapLogging())
            try await withMigratedDatabase(app) {
                try await app.maintenance.end(cancelUpcoming: cancelUpcoming)
                print("maintenance ended")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the windows under way or to come.")
        @OptionGroup var options: ConfigurationOptions

        func run() async throws {
            let configuration = try options.resolve()
            let app = try configuration.openApp(logger: configuration.bootstrapLogging())
            try await withMigratedDatabase(app) {
                let windows = try await app.maintenance.upcoming()
                if windows.isEmpty { print("no maintenance under way or announced") }
                for window in windows {
                    print("\(MaintenanceNotice.format(window.startsAt)) – \(MaintenanceNotice.format(window.endsAt))")
                }
            }
        }
    }
}

private func parseDate(_ text: String, option: String) throws -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else {
        throw ValidationError("\(option): \"\(text)\" is not an ISO 8601 date and time with offset, such as 2026-12-05T20:00:00+01:00")
    }
    return date
}
