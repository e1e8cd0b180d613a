import FluentKit
import Foundation
import PersoCore

/// The authentication gateway as one part of the product: the OpenID Connect provider at `/fas/oauth2`, the key
/// chooser and keys at `/fas/login`, and the person's session pages. Applications never import this module.
public struct GatewayModule: Sendable {
    public let settings: ProviderSettings
    public let signingKeys: SigningKeys
    public let clients: ClientRegistry
    let tokens: TokenService
    let audit: AuditLog
    let clientAuthentication: ClientAuthentication
    let guardian: BruteForceGuard
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    /// Paths that authenticate by client credentials or bearer tokens, not by a browser session: no CSRF token.
    public static let csrfExemptPrefixes = [ProviderSettings.basePath + "/"]

    public init(database: PersoDatabase, publicURL: URL, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.clock = clock
        settings = ProviderSettings(publicURL: publicURL)
        signingKeys = SigningKeys(database: database, clock: clock)
        clients = ClientRegistry(database: database, clock: clock)
        tokens = TokenService(database: database, keys: signingKeys, settings: settings, clock: clock)
        audit = AuditLog(database: database, clock: clock)
        guardian = BruteForceGuard(database: database, clock: clock)
        clientAuthentication = ClientAuthentication(database: database, registry: clients, tokenEndpoint: settings.tokenEndpoint, issuer: settings.issuer, clock: clock)
    }

    /// Deletes what is past its lifetime: client-assertion markers, codes and refresh tokens.
    public func purgeExpired() async throws -> Int {
        let now = clock()
        let markers = try await UsedAssertionRecord.query(on: database.db).filter(\.$expiresAt < now).count()
        try await UsedAssertionRecord.query(on: database.db).filter(\.$expiresAt < now).delete()
        try await AuthorizationCodeRecord.query(on: database.db).filter(\.$expiresAt < now).delete()
        try await RefreshTokenRecord.query(on: database.db).filter(\.$expiresAt < now).delete()
        try await guardian.purge()
        return markers
    }

    /// What the registration office does for someone locked out of the password key after too many failures.
    public func unlockPassword(username: String) async throws -> Bool {
        try await guardian.unlock(subject: BruteForceGuard.passwordSubject(username: username))
    }

    /// Makes sure there is a signing key, so the JWKS is never empty.
    public func prepare() async throws {
        try await signingKeys.ensureKey()
    }

    public func register(on routes: RouteTable) {
        let keys: [DigitalKey] = [
            PasswordKey(database: database, hasher: PasswordHasher(), audit: audit, guardian: guardian, clock: clock),
        ]
        DiscoveryEndpoints(settings: settings, keys: signingKeys).register(on: routes)
        TokenEndpoints(clients: clientAuthentication, tokens: tokens, audit: audit).register(on: routes)
        LoginController(keys: keys, clients: clientAuthentication, tokens: tokens, audit: audit, clock: clock).register(on: routes)
        SessionPages(tokens: tokens, clients: clientAuthentication, audit: audit, clock: clock).register(on: routes)
    }
}
