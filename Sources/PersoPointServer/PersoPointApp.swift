import Contact
import DevelopmentPKI
import Gateway
import Foundation
import Hummingbird
import Logging
import Messaging
import PersoCore
import RelyingParty
import SelfService

/// The composition root: builds the whole product from a configuration and mounts every part on one router.
public struct PersoPointApp {
    public let configuration: PersoPointConfiguration
    public let database: PersoDatabase
    public let sessions: SessionStore
    public let maintenance: MaintenanceSchedule
    public let metrics: RequestMetrics
    public let messaging: MessagingModule
    public let gateway: GatewayModule
    public let selfService: SelfServiceModule
    public let environment: AppEnvironment
    let logger: Logger

    /// Opens the database (creating the data directory for SQLite); call `prepare()` before serving.
    public init(configuration: PersoPointConfiguration, environment: AppEnvironment = .live, logger: Logger) throws {
        if case .sqlite = configuration.database {
            try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        }
        self.configuration = configuration
        self.environment = environment
        self.logger = logger
        self.database = try PersoDatabase(location: configuration.database, migrations: ProductMigrations.all, logger: logger)
        self.sessions = SessionStore(database: database, policy: configuration.sessionPolicy, clock: environment.clock)
        self.maintenance = MaintenanceSchedule(database: database, clock: environment.clock)
        self.metrics = RequestMetrics()
        self.messaging = try MessagingModule(
            database: database, settings: configuration.mail, development: configuration.development,
            heloName: configuration.publicURL.host ?? "localhost", clock: environment.clock
        )
        let keyPolicy = KeyPolicy(
            activationLevel: LevelOfAssurance(rawValue: configuration.keyActivationLevel) ?? .level450,
            tokenCardInactivity: TimeInterval(configuration.tokenCardInactivityDays) * 86_400
        )
        self.gateway = GatewayModule(database: database, outbox: messaging.outbox, publicURL: configuration.publicURL, keyPolicy: keyPolicy,
                                     cardReader: try Self.cardReader(configuration), clock: environment.clock)
        self.selfService = SelfServiceModule(
            database: database, outbox: messaging.outbox, relyingParty: Self.relyingParty(for: BuiltInApplications.selfService, configuration: configuration, environment: environment),
            development: configuration.development, clock: environment.clock
        )
    }

    /// The eID key's trust: the configured PEM files, or else the development PKI's when `pki init` (or `--dev`)
    /// made one. Without either, there is no eID key.
    static func cardReader(_ configuration: PersoPointConfiguration) throws -> CardReader? {
        let settings = configuration.cardReader
        let pki = DevelopmentPKI(dataDirectory: configuration.dataDirectory)
        let configured = !settings.trustAnchorFiles.isEmpty
        guard configured || pki.exists else { return nil }
        return try CardReader(
            settings: settings,
            trustAnchorFiles: configured ? settings.trustAnchorFiles : [pki.rootCertificateFile.path],
            intermediateFiles: configured ? settings.intermediateFiles : [pki.citizenCACertificateFile.path],
            serverCertificateFile: settings.serverCertificateFile ?? (pki.exists ? pki.serverCertificateFile.path : nil),
            serverKeyFile: settings.serverKeyFile ?? (pki.exists ? pki.serverKeyFile.path : nil)
        )
    }

    /// An application's OpenID Connect client, speaking HTTP to the configured gateway as any other host would.
    static func relyingParty(for application: BuiltInApplications.Application, configuration: PersoPointConfiguration,
                             environment: AppEnvironment) -> RelyingParty {
        var settings = RelyingPartySettings(
            clientID: application.clientID, applicationName: application.name, path: application.path,
            publicURL: configuration.publicURL, required: AssuranceLevel(application.minimum(configuration).rawValue),
            secretFile: BuiltInApplications.secretPath(application, dataDirectory: configuration.dataDirectory),
            warningLead: configuration.sessionWarning
        )
        // Logged out at the gateway, people land on its page that says so (registered by `BuiltInApplications`).
        settings.afterLogout = configuration.gatewayURL.base + GatewayModule.loggedOutPath
        settings.idleTimeout = configuration.sessionIdleTimeout
        settings.absoluteTimeout = configuration.sessionAbsoluteTimeout
        return RelyingParty(settings: settings, gatewayIssuer: configuration.gatewayURL.base + ProviderSettings.basePath,
                            transport: environment.gatewayTransport, clock: environment.clock)
    }

    /// Migrates the database and gives every part what it needs before the first request (signing keys). Only the
    /// server and `migrate` register the built-in applications: any other command may run with another public URL
    /// than the running server's, and must never rewrite the return addresses that server's applications use.
    public func prepare(registeringApplications: Bool) async throws {
        try await database.migrate()
        try await gateway.prepare()
        if registeringApplications {
            try await BuiltInApplications.register(with: gateway.clients, database: database, configuration: configuration)
        }
    }

    /// Paths of the applications and the gateway: closed while maintenance is under way.
    static let applicationPrefixes = ["/selfservice", "/contact", "/ebox", "/fas", "/mobile"]

    /// Browser-less endpoints that authenticate by other means than a session, and so take no CSRF token.
    static let csrfExemptPrefixes: [String] = GatewayModule.csrfExemptPrefixes + OCSPResponder.csrfExemptPrefixes

    public func makeRouter() -> Router<PersoRequestContext> {
        let router = Router(context: PersoRequestContext.self)
        let routes = RouteTable(router: router)
        let secure = configuration.servesHTTPS
        // Outermost first. Middleware must be added before routes: the router attaches it when a route is added.
        router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: secure))
        router.add(middleware: ClientAddressMiddleware(proxies: configuration.trustedProxies))
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.add(middleware: LanguageMiddleware(secureCookies: secure))
        router.add(middleware: ErrorPageMiddleware(routes: routes, isProtocolPath: GatewayModule.isProtocolPath))
        router.add(middleware: BodyLimitMiddleware())
        router.add(middleware: SessionMiddleware(store: sessions))
        router.add(middleware: CSRFMiddleware(exemptPrefixes: Self.csrfExemptPrefixes))
        router.add(middleware: MaintenanceMiddleware(schedule: maintenance, closedPrefixes: Self.applicationPrefixes))
        router.add(middleware: gateway.accountArea)

        HealthRoutes.register(on: routes, database: database, metrics: metrics)
        routes.get(Stylesheet.path) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=31536000, immutable"],
                body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css))
            )
        }
        PortalController(helpDesk: configuration.helpDesk, sessions: configuration.sessionPolicy).register(on: routes)
        ContactEntryController(secureCookies: secure).register(on: routes)
        gateway.register(on: routes)
        messaging.register(on: routes)
        selfService.register(on: routes)
        let pki = DevelopmentPKI(dataDirectory: configuration.dataDirectory)
        if pki.exists {
            do {
                try OCSPResponder(pki: pki, clock: environment.clock).register(on: routes)
            } catch {
                logger.critical("development PKI unreadable: no OCSP responder", metadata: ["error": "\(error)"])
            }
        }
        return router
    }

    /// The HTTP application, with the background services that belong to it.
    public func makeApplication() -> some ApplicationProtocol {
        var app = Application(
            router: makeRouter(),
            // Header limits well under NIO's 80 KiB defaults: no page of ours needs more than a few KiB of headers.
            server: .http1(configuration: .init(
                idleTimeout: .seconds(75),
                httpDecoderConfiguration: .init(
                    maxHeaderFieldSize: RequestLimits.maxHeaderBytes,
                    maxHeaderListSize: RequestLimits.maxHeaderBytes * 2,
                    maxHeaderFieldCount: 100
                )
            )),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "PersoPoint"
            ),
            logger: logger
        )
        let sessions = self.sessions, gateway = self.gateway, outbox = messaging.outbox, selfService = self.selfService
        app.addServices(ExpiryPurger(jobs: [
            .init(name: "sessions") { try await sessions.purgeExpired() },
            .init(name: "gateway single-use markers") { try await gateway.purgeExpired() },
            .init(name: "delivered messages") { try await outbox.purge() },
            .init(name: "selfservice e-mail confirmations") { try await selfService.purgeExpired() },
        ], interval: .seconds(300), logger: logger))
        logger.info("e-mail", metadata: ["delivery": "\(messaging.destination)"])
        if let worker = messaging.deliveryWorker(logger: logger) {
            app.addServices(worker)
        }
        do {
            if let reader = gateway.cardReader, let listener = try gateway.cardReaderListener(host: configuration.host, logger: logger) {
                app.addServices(listener)
                logger.info("eID card reader", metadata: ["listener": "\(reader.settings.publicURL.absoluteString)"])
            }
        } catch {
            // The rest of the product still works; the eID tile stays but its listener is missing, which the log says loudly.
            logger.critical("eID listener not started", metadata: ["error": "\(error)"])
        }
        return app
    }
}
