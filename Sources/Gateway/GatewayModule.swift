import FluentKit
import Hummingbird
import Foundation
import Logging
import ServiceLifecycle
import Messaging
import PersoCore

/// The authentication gateway as one part of the product: the OpenID Connect provider at `/fas/oauth2`, the key
/// chooser and keys at `/fas/login`, and the person's session pages. Applications never import this module.
public struct GatewayModule: Part {
    public let name = "gateway"
    public let policy = RoutePolicy.applicationPages
    /// Pages that programs send people to with their own parameters (authorisation, logout): a form posted there
    /// comes from the application's origin and carries no token of ours.
    static let protocolPages = RoutePolicy(maintenance: .closes, forgery: .exempt, errors: .pages)

    public let settings: ProviderSettings
    public let signingKeys: SigningKeys
    public let clients: ClientRegistry
    let tokens: TokenService
    let audit: AuditLog
    let clientAuthentication: ClientAuthentication
    let guardian: BruteForceGuard
    public let keys: KeyEnrolment
    let keyPolicy: KeyPolicy
    let database: PersoDatabase
    let outbox: Outbox
    let clock: @Sendable () -> Date
    /// The eID card reader key, when trust anchors are configured.
    public let cardReader: CardReader?
    let handoffs: CardReaderHandoffs
    /// The main origin (public URL without trailing slash), where the eID listener sends people back.
    let origin: String
    /// Behind HTTPS: cookies the gateway sets itself are `Secure` with the `__Host-` prefix.
    let secureCookies: Bool
    /// The address the eID listener binds to (the server's own).
    let listenerHost: String

    public init(database: PersoDatabase, outbox: Outbox, publicURL: URL, keyPolicy: KeyPolicy = KeyPolicy(), cardReader: CardReader? = nil,
                listenerHost: String = "127.0.0.1", clock: @escaping @Sendable () -> Date) {
        self.listenerHost = listenerHost
        self.database = database
        self.cardReader = cardReader
        origin = publicURL.base
        secureCookies = publicURL.scheme == "https"
        handoffs = CardReaderHandoffs(database: database, clock: clock)
        self.outbox = outbox
        self.clock = clock
        settings = ProviderSettings(publicURL: publicURL)
        signingKeys = SigningKeys(database: database, clock: clock)
        clients = ClientRegistry(database: database, clock: clock)
        tokens = TokenService(database: database, keys: signingKeys, settings: settings, clock: clock)
        audit = AuditLog(database: database, clock: clock)
        guardian = BruteForceGuard(database: database, clock: clock)
        keys = KeyEnrolment(database: database, clock: clock)
        self.keyPolicy = keyPolicy
        clientAuthentication = ClientAuthentication(database: database, registry: clients, tokenEndpoint: settings.tokenEndpoint, issuer: settings.issuer, clock: clock)
    }

    /// Where an application sends people after logging them out, to be told it worked.
    public static let loggedOutPath = SessionPages.loggedOutPath

    public var migrations: [any Migration] { GatewayMigrations.all }

    public var purgeJobs: [PurgeJob] {
        [PurgeJob("gateway single-use markers") { try await purgeExpired() }]
    }

    /// Deletes what is past its lifetime: client-assertion markers, codes and refresh tokens.
    func purgeExpired() async throws -> Int {
        let now = clock()
        let markers = try await UsedAssertionRecord.query(on: database.db).filter(\.$expiresAt < now).count()
        try await UsedAssertionRecord.query(on: database.db).filter(\.$expiresAt < now).delete()
        try await AuthorizationCodeRecord.query(on: database.db).filter(\.$expiresAt < now).delete()
        try await RefreshTokenRecord.query(on: database.db).filter(\.$expiresAt < now).delete()
        try await CodeChallenge.query(on: database.db).filter(\.$expiresAt < now).delete()
        try await guardian.purge()
        try await TrustedDevices(database: database, clock: clock).purge()
        try await handoffs.purge()
        return markers
    }

    /// What the registration office does for someone locked out after too many failures: lifts the waits and
    /// locks of the password and of every security code of the person with this username.
    public func unlock(username: String) async throws -> Bool {
        let credential = try await PasswordCredential.query(on: database.db).filter(\.$username == username.lowercased()).first()
        return try await guardian.unlockAll(username: username, personID: credential?.$person.id)
    }

    /// The person behind a username, for the CLI.
    public func personID(username: String) async throws -> UUID? {
        try await PasswordCredential.query(on: database.db).filter(\.$username == username.lowercased()).first()?.$person.id
    }

    /// Makes sure there is a signing key, so the JWKS is never empty.
    public func prepare() async throws {
        try await signingKeys.ensureKey()
    }

    public func register(on routes: Routes) {
        routes.claim(prefix: "/fas")
        let programs = routes.with(.applicationProtocol)
        programs.claim(prefix: ProviderSettings.basePath + "/")
        // Every page of the person's account area says who is logged in and leads back where they came from.
        let area = { (page: String) in routes.with(middleware: AccountArea(page: page, clients: clients, database: database)) }
        let devices = TrustedDevices(database: database, clock: clock)
        let passwords = PasswordCheck(database: database, hasher: PasswordHasher(), audit: audit, guardian: guardian, devices: devices,
                                      secureCookies: secureCookies, clock: clock)
        let codeMethods: [any SecurityCodeMethod] = [
            EmailCodeMethod(outbox: outbox, database: database, clock: clock),
            TOTPMethod(database: database, clock: clock),
            TokenCardMethod(database: database),
        ]
        var keys: [DigitalKey] = codeMethods.map {
            SecurityCodeKey(method: $0, passwords: passwords, audit: audit, guardian: guardian, policy: keyPolicy, database: database, clock: clock)
        } + [PasswordKey(passwords: passwords)]
        let cardReaderKey = cardReader.map { CardReaderKey(handoffs: handoffs, listenerURL: $0.listenerURL) }
        if let cardReaderKey { keys.append(cardReaderKey) }
        DiscoveryEndpoints(settings: settings, keys: signingKeys).register(on: programs, pages: routes)
        TokenEndpoints(clients: clientAuthentication, tokens: tokens, audit: audit, crossOrigin: CrossOriginAccess(clients: clients)).register(on: programs)
        let login = LoginController(keys: keys, clients: clientAuthentication, tokens: tokens, audit: audit, guardian: guardian, devices: devices,
                                    secureCookies: secureCookies, database: database, clock: clock)
        login.register(on: routes, entry: routes.with(Self.protocolPages))
        if let cardReader, let cardReaderKey {
            CardReaderLogin(key: cardReaderKey, login: login, handoffs: handoffs, audit: audit, database: database, clock: clock).register(on: routes)
            registerProxiedCardReader(cardReader, on: routes)
        }
        MyKeysPages(enrolment: self.keys, policy: keyPolicy, audit: audit, guardian: guardian, database: database, clock: clock)
            .register(on: area(MyKeysPages.path))
        MyPasswordPages(policy: keyPolicy, audit: audit, guardian: guardian, outbox: outbox, database: database, hasher: PasswordHasher(), clock: clock)
            .register(on: area(MyPasswordPages.path))
        SessionPages(tokens: tokens, clients: clientAuthentication, audit: audit, clock: clock)
            .register(on: routes, entry: routes.with(Self.protocolPages), activity: area(SessionPages.activityPath))
    }

    // MARK: eID card reader

    private func cardReaderEndpoint(_ reader: CardReader) -> CardReaderEndpoint {
        CardReaderEndpoint(check: reader.check, handoffs: handoffs, audit: audit, database: database, publicURL: origin)
    }

    /// Behind a reverse proxy that ends TLS for the eID origin: the same endpoint on the main origin, reading the
    /// certificate from the proxy's header (only from a trusted proxy address).
    private func registerProxiedCardReader(_ reader: CardReader, on routes: Routes) {
        let endpoint = cardReaderEndpoint(reader)
        routes.get(CardReaderEndpoint.path) { request, context in
            let ip = context.remoteAddress?.ipAddress
            let presented = CardReaderEndpoint.forwarded(request, from: ip, settings: reader.settings, logger: context.logger)
            return await endpoint.identify(attempt: request.uri.queryParameters["attempt"].map(String.init), presented: presented,
                                           ip: ip, userAgent: request.headers[.userAgent], logger: context.logger)
        }
    }

    /// The certificate-login listener on its own port, when there is an eID configuration with a port (not in
    /// proxy mode). If it cannot start, the rest of the product still works; the log says so loudly.
    public func services(logger: Logger) -> [any Service] {
        guard let cardReader, let port = cardReader.settings.port else { return [] }
        do {
            let listener = try CardReaderListener(reader: cardReader, endpoint: cardReaderEndpoint(cardReader), host: listenerHost, port: port)
                .makeApplication(logger: logger)
            logger.info("eID card reader", metadata: ["listener": "\(cardReader.settings.publicURL.absoluteString)"])
            return [listener]
        } catch {
            logger.critical("eID listener not started", metadata: ["error": "\(error)"])
            return []
        }
    }
}
