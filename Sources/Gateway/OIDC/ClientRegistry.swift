import FluentKit
import Foundation
import PersoCore

/// Adds, lists and removes clients (the CLI's `client` commands and the built-in applications).
public struct ClientRegistry: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date
    private let cache = ClientCache()

    public init(database: PersoDatabase, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
    }

    /// The client with this id, from memory if it was read in the last few seconds.
    func find(_ clientID: String) async throws -> RegisteredClient? {
        guard clientID.count <= 200 else { return nil }
        let now = clock()
        if let client = cache.client(clientID, now: now) { return client }
        guard let client = try await RegisteredClient.query(on: database.db).filter(\.$clientID == clientID).first() else { return nil }
        cache.keep(client, now: now)
        return client
    }

    public struct Registration: Sendable {
        public var clientID: String
        public var name: String
        public var authMethod: ClientAuthMethod
        public var redirectURIs: [String]
        public var postLogoutURIs: [String] = []
        public var scopes: [String] = ["openid", "profile", "email", "egovnrn", "roles"]
        public var grantTypes: [String] = ["authorization_code", "refresh_token"]
        public var minimumLevel: LevelOfAssurance = .level200
        public var jwks: String?
        /// Clients whose access tokens this one may introspect (it is the resource server they call).
        public var resourceServerFor: [String] = []
        /// The name in each language people read; `name` where one is missing.
        public var displayNames: [PersoCore.Language: String] = [:]

        public init(clientID: String, name: String, authMethod: ClientAuthMethod, redirectURIs: [String]) {
            self.clientID = clientID
            self.name = name
            self.authMethod = authMethod
            self.redirectURIs = redirectURIs
        }
    }

    public enum Problem: Error, CustomStringConvertible {
        case invalid(String)
        case exists(String)

        public var description: String {
            switch self {
            case .invalid(let reason): reason
            case .exists(let id): "a client with id \(id) already exists"
            }
        }
    }

    /// Registers a client; returns the secret (shown once, stored hashed) for secret-based clients.
    @discardableResult
    public func add(_ registration: Registration, secret presetSecret: String? = nil) async throws -> String? {
        try validate(registration)
        if try await RegisteredClient.query(on: database.db).filter(\.$clientID == registration.clientID).first() != nil {
            throw Problem.exists(registration.clientID)
        }
        let usesSecret = registration.authMethod == .clientSecretBasic || registration.authMethod == .clientSecretPost
        let secret = usesSecret ? (presetSecret ?? SecureRandom.token(bytes: 32)) : nil
        let client = RegisteredClient()
        client.clientID = registration.clientID
        client.name = registration.name
        client.secretHash = secret.map(SecureRandom.digest)
        client.authMethod = registration.authMethod.rawValue
        client.redirectURIs = registration.redirectURIs
        client.postLogoutURIs = registration.postLogoutURIs
        client.scopes = registration.scopes
        client.grantTypes = registration.grantTypes
        client.minimumLevel = registration.minimumLevel
        client.jwks = registration.jwks
        client.resourceServerFor = registration.resourceServerFor.isEmpty ? nil : registration.resourceServerFor
        client.setDisplayNames(registration.displayNames)
        client.createdAt = clock()
        try await database.writeStatement { db in try await client.create(on: db) }
        return secret
    }

    /// The web origins of the public clients' return addresses: the browser applications that may call the token
    /// and userinfo endpoints from their own pages (CORS). Kept a few seconds, like the clients themselves.
    func publicOrigins() async throws -> Set<String> {
        let now = clock()
        if let origins = cache.publicOrigins(now: now) { return origins }
        let clients = try await RegisteredClient.query(on: database.db).filter(\.$authMethod == ClientAuthMethod.none.rawValue).all()
        let origins = Set(clients.flatMap(\.redirectURIs).compactMap(WebOrigin.init(uri:)).map(\.serialised))
        cache.keep(publicOrigins: origins, now: now)
        return origins
    }

    public func list() async throws -> [RegisteredClient] {
        try await RegisteredClient.query(on: database.db).sort(\.$clientID).all()
    }

    /// Removes the client and revokes everything it was given.
    public func remove(_ clientID: String) async throws -> Bool {
        guard let client = try await RegisteredClient.query(on: database.db).filter(\.$clientID == clientID).first() else { return false }
        let now = clock()
        try await database.write { db in
            try await GrantRecord.query(on: db).filter(\.$clientID == clientID).filter(\.$revokedAt == nil).set(\.$revokedAt, to: now).update()
            try await client.delete(on: db)
        }
        cache.forget(clientID)
        cache.forgetPublicOrigins()
        return true
    }

    private func validate(_ registration: Registration) throws {
        guard registration.clientID.count >= 3, registration.clientID.count <= 100,
              registration.clientID.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
            throw Problem.invalid("client id must be 3–100 characters of letters, digits, - _ .")
        }
        for uri in registration.redirectURIs + registration.postLogoutURIs {
            guard let url = URL(string: uri), let scheme = url.scheme, ["http", "https"].contains(scheme) || scheme.contains("."),
                  url.fragment == nil, url.host != nil || scheme.contains(".") else {
                throw Problem.invalid("\(uri) is not an absolute URI without fragment")
            }
        }
        if registration.grantTypes.contains("authorization_code"), registration.redirectURIs.isEmpty {
            throw Problem.invalid("the authorization_code grant needs at least one redirect URI")
        }
        let knownGrants: Set<String> = ["authorization_code", "refresh_token", "client_credentials"]
        guard Set(registration.grantTypes).isSubset(of: knownGrants) else { throw Problem.invalid("grant types are authorization_code, refresh_token, client_credentials") }
        guard Set(registration.scopes).isSubset(of: Set(ProviderSettings.supportedScopes)) else {
            throw Problem.invalid("scopes are \(ProviderSettings.supportedScopes.joined(separator: " "))")
        }
        if registration.authMethod == .privateKeyJWT, registration.jwks == nil { throw Problem.invalid("private_key_jwt needs a JWKS") }
        if registration.authMethod == .none, registration.grantTypes.contains("client_credentials") {
            throw Problem.invalid("a public client cannot use client_credentials")
        }
    }
}
