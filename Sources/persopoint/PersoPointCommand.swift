import ArgumentParser

@main
struct PersoPointCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "persopoint",
        abstract: "PersoPoint: the federal HR applications behind the authentication gateway.",
        subcommands: [ServeCommand.self, MigrateCommand.self, DemoCommand.self, PersonCommand.self, OfficeCommand.self, KeyCommand.self, PKICommand.self, ClientCommand.self, SenderCommand.self, MobileIDCommand.self, KeysCommand.self, MaintenanceCommand.self, PurgeCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
