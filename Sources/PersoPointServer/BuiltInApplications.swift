import FluentKit
import Foundation
import Contact
import EBox
import Gateway
import MobileID
import PersoCore
import SelfService

/// PersoSelfService, PersoContact and the eBox are relying parties of the gateway like any other: they are
/// registered on start, each with its return addresses under the public URL and its minimum level.
enum BuiltInApplications {
    struct Application: Sendable {
        let clientID: String
        let name: String
        let path: String
        /// What the application asks the gateway to say about the person.
        var scopes = ["openid", "profile", "email", "roles"]
        /// Beyond logging people in: an application that calls another part's API gets client credentials and its scope.
        var serviceScopes: [String] = []
        /// The level the application requires under this configuration.
        let minimum: @Sendable (PersoPointConfiguration) -> LevelOfAssurance
    }

    /// PersoSelfService's level is configurable (`PERSOPOINT_SELFSERVICE_LEVEL`, substantial by default).
    /// It knows people by their national register number, as the HR register and the eBox do, and publishes decisions
    /// and pay slips into the eBox with client credentials.
    static let selfService = Application(clientID: "persoselfservice", name: "PersoSelfService", path: SelfServiceModule.path,
                                         scopes: ["openid", "profile", "email", "roles", "egovnrn"], serviceScopes: ["ebox:publish"]) {
        $0.selfServiceLevel
    }

    /// The eBox knows people by their national register number, which is what senders address documents to.
    static let eBox = Application(clientID: EBoxPart.clientID, name: "eBox", path: EBoxPart.path,
                                  scopes: ["openid", "profile", "email", "egovnrn"]) { _ in .level300 }

    /// PersoContact keeps cases under the national register number and publishes answers' documents into the eBox
    /// with client credentials, as any sender would.
    static let contact = Application(clientID: ContactPart.clientID, name: "PersoContact", path: ContactPart.path,
                                     scopes: ["openid", "profile", "email", "roles", "egovnrn"], serviceScopes: ["ebox:publish"]) { _ in .level300 }

    /// The mobile identity service signs up people by an eID login (Level500): the contract's signature names them by
    /// their national register number.
    static let mobileID = Application(clientID: MobileIDPart.clientID, name: "PersoPoint ID (itsme)", path: MobileIDPart.enrolmentPath,
                                      scopes: ["openid", "profile", "egovnrn"]) { _ in .level500 }

    /// The eBox and the HR applications want at least a security code (substantial), never a password alone.
    static let all = [selfService, contact, eBox, mobileID]

    /// Where the application reads its client secret: `{data}/clients/{id}.secret`.
    static func secretPath(_ application: Application, dataDirectory: String) -> String {
        ((dataDirectory as NSString).appendingPathComponent("clients") as NSString).appendingPathComponent("\(application.clientID).secret")
    }

    /// Registers what is missing and brings an existing registration in line with the configuration (minimum
    /// level, return addresses under the public URL). The secret file (mode 0600) is where the application reads
    /// its secret; with several instances, copy it to each. It is written before the registration that uses
    /// it, and a registration whose file was lost gets a new secret, so a crash in between never leaves an
    /// application that can no longer log anyone in.
    static func register(with registry: ClientRegistry, database: PersoDatabase, configuration: PersoPointConfiguration) async throws {
        let existing = try await registry.list()
        let base = configuration.publicURL.base
        for application in all {
            var registration = ClientRegistry.Registration(
                clientID: application.clientID, name: application.name, authMethod: .clientSecretBasic,
                redirectURIs: ["\(base)\(application.path)/callback"]
            )
            // The application's home first (where the account area's "back" link goes), then the gateway's logged-out page.
            registration.postLogoutURIs = ["\(base)\(application.path)", "\(base)/", configuration.gatewayURL.base + GatewayModule.loggedOutPath]
            registration.minimumLevel = application.minimum(configuration)
            registration.scopes += application.serviceScopes
            if !application.serviceScopes.isEmpty { registration.grantTypes.append("client_credentials") }
            let path = secretPath(application, dataDirectory: configuration.dataDirectory)
            let storedSecret = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let client = existing.first(where: { $0.clientID == application.clientID }) else {
                let secret = SecureRandom.token(bytes: 32)
                try writeSecret(secret, to: path)
                try await registry.add(registration, secret: secret)
                continue
            }
            var changed = false
            if let storedSecret, !storedSecret.isEmpty {
                changed = client.secretHash != SecureRandom.digest(storedSecret)
                client.secretHash = SecureRandom.digest(storedSecret)
            } else {
                let secret = SecureRandom.token(bytes: 32)
                try writeSecret(secret, to: path)
                client.secretHash = SecureRandom.digest(secret)
                changed = true
            }
            if client.minimumLevel != registration.minimumLevel || client.redirectURIs != registration.redirectURIs
                || client.postLogoutURIs != registration.postLogoutURIs || client.scopes != registration.scopes
                || client.grantTypes != registration.grantTypes {
                client.minimumLevel = registration.minimumLevel
                client.redirectURIs = registration.redirectURIs
                client.postLogoutURIs = registration.postLogoutURIs
                client.scopes = registration.scopes
                client.grantTypes = registration.grantTypes
                changed = true
            }
            if changed { try await database.writeStatement { db in try await client.update(on: db) } }
        }
    }

    /// Atomically, readable by the owner only; throws rather than leave the application without its secret.
    private static func writeSecret(_ secret: String, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try Data(secret.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}
