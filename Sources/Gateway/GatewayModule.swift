import FluentKit
import Hummingbird
import Foundation
import Logging
import PasswordHashing
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
    let devices: TrustedDevices
    /// The keys people hold, whatever the key.
    public let personKeys: PersonKeys
    public let people: PeopleDirectory
    /// This installation's digital keys, in the chooser's order.
    public let keys: KeyRegistry
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

    /// A key made outside the gateway (in the tests, or a deployment's own), from what the gateway lends it.
    public typealias KeyFactory = @Sendable (KeyServices) -> any DigitalKey

    public init(database: PersoDatabase, outbox: Outbox, publicURL: URL, keyPolicy: KeyPolicy = KeyPolicy(), cardReader: CardReader? = nil,
                listenerHost: String = "127.0.0.1", mobileIdentity: MobileIdentitySettings? = nil,
                backchannel: any BackchannelTransport = URLSessionBackchannel(), extraKeys: [KeyFactory] = [],
                clock: @escaping @Sendable () -> Date) {
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
        devices = TrustedDevices(database: database, clock: clock)
        let personKeys = PersonKeys(database: database, clock: clock)
        self.personKeys = personKeys
        self.keyPolicy = keyPolicy
        clientAuthentication = ClientAuthentication(database: database, registry: clients, tokenEndpoint: settings.tokenEndpoint, issuer: settings.issuer, clock: clock)

        let passwords = PasswordCheck(credentials: PasswordCredentials(database: database), hasher: PasswordHasher(), audit: audit, guardian: guardian, devices: devices,
                                      secureCookies: secureCookies, clock: clock)
        let people = PeopleDirectory(database: database)
        self.people = people
        let challenges = CodeChallenges(database: database, clock: clock)
        // This installation's digital keys, each a plug-in (`DigitalKey`); a new key is one more line here. Their order
        // on the chooser is their profiles', not this list's.
        let methods: [any SecurityCodeMethod] = [
            EmailCodeMethod(outbox: outbox, people: people, personKeys: personKeys, challenges: challenges, clock: clock),
            TOTPMethod(people: people, personKeys: personKeys, guardian: guardian, clock: clock),
            TokenCardMethod(personKeys: personKeys, policy: keyPolicy, clock: clock),
        ]
        var keys: [any DigitalKey] = methods.map { [audit, guardian] in
            SecurityCodeKey(method: $0, passwords: passwords, audit: audit, guardian: guardian, people: people, personKeys: personKeys,
                            challenges: challenges, clock: clock)
        }
        keys.append(PasswordKey(passwords: passwords))
        if let cardReader {
            keys.append(CardReaderKey(handoffs: handoffs, listenerURL: cardReader.listenerURL, audit: audit, personKeys: personKeys, clock: clock))
        } else {
            keys.append(AnnouncedKey(profile: CardReaderKey.profile))
        }
        if let mobileIdentity {
            let service = MobileIdentityClient(settings: mobileIdentity, transport: backchannel, signingKeys: signingKeys, clock: clock)
            let broker = mobileIdentity.broker.map { ItsmeBroker(service: service, broker: $0, clock: clock) }
            keys.append(ItsmeKey(service: service, broker: broker, addresses: guardian.addresses, people: people, personKeys: personKeys,
                                 audit: audit, clock: clock))
        } else {
            keys.append(AnnouncedKey(profile: ItsmeProfile.profile))
        }
        let services = KeyServices(people: people, personKeys: personKeys, clock: clock)
        keys += extraKeys.map { $0(services) }
        self.keys = KeyRegistry(keys)
    }

    /// Where an application sends people after logging them out, to be told it worked.
    public static let loggedOutPath = GatewayPath.loggedOut

    public var migrations: [any Migration] { GatewayMigrations.all }

    public var purgeJobs: [PurgeJob] {
        [PurgeJob("gateway grants, codes and refresh tokens") { try await tokens.purgeExpired() },
         PurgeJob("gateway single-use markers, challenges and guards") { try await purgeExpired() }]
    }

    /// Deletes what is past its lifetime: client-assertion markers, login challenges, failure counters, trusted
    /// browsers and eID hand-offs.
    func purgeExpired() async throws -> Int {
        let now = clock()
        let markers = try await database.write { db -> Int in
            let markers = try await UsedAssertionRecord.query(on: db).filter(\.$expiresAt < now).count()
            try await UsedAssertionRecord.query(on: db).filter(\.$expiresAt < now).delete()
            try await CodeChallenge.query(on: db).filter(\.$expiresAt < now).delete()
            return markers
        }
        try await guardian.purge()
        try await devices.purge()
        try await handoffs.purge()
        return markers
    }

    /// What the registration office does for someone locked out after too many failures: lifts the waits and
    /// locks of the password and of every security code of the person with this username.
    public func unlock(username: String) async throws -> Bool {
        let personID = try await people.personID(username: username)
        return try await guardian.unlockAll(username: username, personID: personID, keys: keys.profiles)
    }

    /// Adds the demo organisations and people, with every key that can be given (idempotent); how many people were added.
    public func seedDemoData() async throws -> Int {
        try await database.write { [keys] db in try await DemoData.seed(on: db, keys: keys) }
    }

    /// Makes sure there is a signing key, so the JWKS is never empty.
    public func prepare() async throws {
        try await signingKeys.ensureKey()
    }

    public func register(on routes: Routes) {
        routes.claim(prefix: GatewayPath.root)
        let programs = routes.with(.applicationProtocol)
        programs.claim(prefix: ProviderSettings.basePath + "/")
        // Every page of the person's account area says who is logged in and leads back where they came from.
        let area = { (page: String) in routes.with(middleware: AccountArea(page: page, clients: clients, people: people)) }
        let profiles = keys.profiles
        let completion = LoginCompletion(tokens: tokens, audit: audit, guardian: guardian, devices: devices, keys: profiles,
                                         secureCookies: secureCookies, people: people, clock: clock)
        DiscoveryEndpoints(settings: settings, keys: signingKeys).register(on: programs, pages: routes)
        TokenEndpoints(clients: clientAuthentication, tokens: tokens, audit: audit, crossOrigin: CrossOriginAccess(clients: clients)).register(on: programs)
        LoginController(keys: keys, completion: completion, clients: clientAuthentication, audit: audit, clock: clock)
            .register(on: routes, entry: routes.with(Self.protocolPages))
        if let cardReader {
            registerProxiedCardReader(cardReader, on: routes)
        }
        MyKeysController(keys: keys, personKeys: personKeys, policy: keyPolicy, audit: audit, clock: clock)
            .register(on: area(GatewayPath.myKeys))
        MyPasswordController(keys: keys, policy: keyPolicy, audit: audit, guardian: guardian, outbox: outbox, people: people,
                        credentials: PasswordCredentials(database: database), hasher: PasswordHasher(), clock: clock)
            .register(on: area(GatewayPath.myPassword), files: routes)
        SessionController(keys: keys, tokens: tokens, clients: clientAuthentication, audit: audit, clock: clock)
            .register(on: routes, entry: routes.with(Self.protocolPages), activity: area(GatewayPath.myActivity))
    }

    // MARK: eID card reader

    private func cardReaderEndpoint(_ reader: CardReader) -> CardReaderEndpoint {
        CardReaderEndpoint(check: reader.check, handoffs: handoffs, audit: audit, people: people, publicURL: origin)
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
