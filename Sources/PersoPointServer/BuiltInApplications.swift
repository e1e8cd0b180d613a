import Foundation
import Gateway
import PersoCore

/// PersoSelfService, PersoContact and the eBox are relying parties of the gateway like any other: they are
/// registered on start, each with its return addresses under the public URL and its minimum level.
enum BuiltInApplications {
    struct Application {
        let clientID: String
        let name: String
        let path: String
        let minimum: LevelOfAssurance
    }

    /// The eBox and the HR applications want at least a security code (substantial), never a password alone.
    static let all = [
        Application(clientID: "persoselfservice", name: "PersoSelfService", path: "/selfservice", minimum: .level300),
        Application(clientID: "persocontact", name: "PersoContact", path: "/contact", minimum: .level300),
        Application(clientID: "ebox", name: "eBox", path: "/ebox", minimum: .level300),
    ]

    /// Registers what is missing. A new client's secret is written to `{data}/clients/{id}.secret` (mode 0600),
    /// where the application reads it; with several instances, copy that file to each.
    static func register(with registry: ClientRegistry, publicURL: URL, dataDirectory: String) async throws {
        let existing = Set(try await registry.list().map(\.clientID))
        var base = publicURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        for application in all where !existing.contains(application.clientID) {
            var registration = ClientRegistry.Registration(
                clientID: application.clientID, name: application.name, authMethod: .clientSecretBasic,
                redirectURIs: ["\(base)\(application.path)/callback"]
            )
            registration.postLogoutURIs = ["\(base)\(application.path)", "\(base)/"]
            registration.minimumLevel = application.minimum
            guard let secret = try await registry.add(registration) else { continue }
            let directory = (dataDirectory as NSString).appendingPathComponent("clients")
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let path = (directory as NSString).appendingPathComponent("\(application.clientID).secret")
            FileManager.default.createFile(atPath: path, contents: Data(secret.utf8), attributes: [.posixPermissions: 0o600])
        }
    }
}
