import FluentKit
import Foundation
import Gateway
import PersoCore

/// PersoSelfService, PersoContact and the eBox are relying parties of the gateway like any other: they are
/// registered on start, each with its return addresses under the public URL and its minimum level.
enum BuiltInApplications {
    struct Application: Sendable {
        let clientID: String
        let name: String
        let path: String
        /// The level the application requires under this configuration.
        let minimum: @Sendable (PersoPointConfiguration) -> LevelOfAssurance
    }

    /// PersoSelfService's level is configurable (`PERSOPOINT_SELFSERVICE_LEVEL`, substantial by default).
    static let selfService = Application(clientID: "persoselfservice", name: "PersoSelfService", path: "/selfservice") {
        LevelOfAssurance(rawValue: $0.selfServiceLevel) ?? .level300
    }

    /// The eBox and the HR applications want at least a security code (substantial), never a password alone.
    static let all = [
        selfService,
        Application(clientID: "persocontact", name: "PersoContact", path: "/contact") { _ in .level300 },
        Application(clientID: "ebox", name: "eBox", path: "/ebox") { _ in .level300 },
    ]

    /// Where the application reads its client secret: `{data}/clients/{id}.secret`.
    static func secretPath(_ application: Application, dataDirectory: String) -> String {
        ((dataDirectory as NSString).appendingPathComponent("clients") as NSString).appendingPathComponent("\(application.clientID).secret")
    }

    /// Registers what is missing, and brings an existing registration's minimum level in line with the
    /// configuration (the gateway enforces it too). A new client's secret is written to its secret file
    /// (mode 0600), where the application reads it; with several instances, copy that file to each.
    static func register(with registry: ClientRegistry, database: PersoDatabase, configuration: PersoPointConfiguration) async throws {
        let existing = try await registry.list()
        var base = configuration.publicURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        for application in all {
            let minimum = application.minimum(configuration)
            if let client = existing.first(where: { $0.clientID == application.clientID }) {
                if client.minimumLevel != minimum.rawValue {
                    client.minimumLevel = minimum.rawValue
                    try await client.update(on: database.db)
                }
                continue
            }
            var registration = ClientRegistry.Registration(
                clientID: application.clientID, name: application.name, authMethod: .clientSecretBasic,
                redirectURIs: ["\(base)\(application.path)/callback"]
            )
            registration.postLogoutURIs = ["\(base)\(application.path)", "\(base)/"]
            registration.minimumLevel = minimum
            guard let secret = try await registry.add(registration) else { continue }
            let path = secretPath(application, dataDirectory: configuration.dataDirectory)
            let directory = (path as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            FileManager.default.createFile(atPath: path, contents: Data(secret.utf8), attributes: [.posixPermissions: 0o600])
        }
    }
}
