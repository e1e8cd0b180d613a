import Contact
import DevelopmentPKI
import EBox
import Gateway
import Foundation
import Hummingbird
import Logging
import Messaging
import MobileID
import PersoCore
import Portal
import RegistrationOffice
import RelyingParty
import SelfService

/// The composition root: builds the product's parts from a configuration and mounts them on one router. Each part
/// declares its own tables, routes (with what maintenance and CSRF do to them), services and purge jobs; here they
/// are only listed, in the order their tables depend on each other.
public struct PersoPointApp: Sendable {
    public let configuration: PersoPointConfiguration
    public let database: PersoDatabase
    public let sessions: SessionStore
    public let maintenance: MaintenanceSchedule
    public let metrics: RequestMetrics
    public let messaging: MessagingModule
    public let gateway: GatewayModule
    public let selfService: SelfServiceModule
    public let ebox: EBoxPart
    public let contact: ContactPart
    public let office: RegistrationOfficePart
    public let mobileID: MobileIDPart
    public let environment: AppEnvironment
    /// Every part, shell first; `environment.extraParts` (tests) last.
    public let parts: [any Part]
    let logger: Logger

    /// Opens the database (creating the data directory for SQLite); call `prepare()` before serving.
    public init(configuration: PersoPointConfiguration, environment: AppEnvironment = .live, logger: Logger) throws {
        if case .sqlite = configuration.database {
            try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)
        }
        self.configuration = configuration
        self.environment = environment
        self.logger = logger
        database = try PersoDatabase(location: configuration.database, logger: logger)
        sessions = SessionStore(database: database, policy: configuration.sessionPolicy, clock: environment.clock)
        maintenance = MaintenanceSchedule(database: database, clock: environment.clock)
        metrics = RequestMetrics()
        messaging = try MessagingModule(
            database: database, settings: configuration.mail, sms: configuration.sms, development: configuration.development,
            heloName: configuration.publicURL.host ?? "localhost", clock: environment.clock
        )
        let keyPolicy = KeyPolicy(
            activationLevel: configuration.keyActivationLevel,
            tokenCardInactivity: TimeInterval(configuration.tokenCardInactivityDays) * 86_400
        )
        gateway = GatewayModule(database: database, outbox: messaging.outbox, publicURL: configuration.publicURL, keyPolicy: keyPolicy,
                                cardReader: try Self.cardReader(configuration), listenerHost: configuration.host,
                                mobileIdentity: Self.mobileIdentity(configuration),
                                extraKeys: environment.extraKeys, clock: environment.clock)
        selfService = SelfServiceModule(
            database: database, outbox: messaging.outbox,
            relyingParty: Self.relyingParty(for: BuiltInApplications.selfService, configuration: configuration, environment: environment),
            publicURL: configuration.publicURL, development: configuration.development, clock: environment.clock
        )
        ebox = EBoxPart(
            database: database, outbox: messaging.outbox,
            relyingParty: Self.relyingParty(for: BuiltInApplications.eBox, configuration: configuration, environment: environment),
            publicURL: configuration.publicURL,
            scratch: URL(fileURLWithPath: configuration.dataDirectory).appendingPathComponent("ebox-scratch"), clock: environment.clock
        )
        contact = ContactPart(
            database: database, outbox: messaging.outbox,
            relyingParty: Self.relyingParty(for: BuiltInApplications.contact, configuration: configuration, environment: environment),
            publicURL: configuration.publicURL,
            rules: DeskRules(answerWithinWorkingDays: configuration.contactAnswerDays, retentionDays: configuration.contactRetentionDays),
            secureCookies: configuration.servesHTTPS, clock: environment.clock
        )
        office = RegistrationOfficePart(database: database, outbox: messaging.outbox, authority: gateway.registrationAuthority,
                                        publicURL: configuration.publicURL, clock: environment.clock)
        mobileID = MobileIDPart(database: database, outbox: messaging.outbox,
                                relyingParty: Self.relyingParty(for: BuiltInApplications.mobileID, configuration: configuration, environment: environment),
                                publicURL: configuration.publicURL, development: configuration.development,
                                logger: logger, clock: environment.clock)
        parts = [
            ShellPart(database: database, sessions: sessions, metrics: metrics,
                      readiness: Readiness(database: database, dataDirectory: configuration.dataDirectory,
                                           minimumFreeBytes: configuration.readinessMinimumFreeBytes, clock: environment.clock)),
            messaging,
            gateway,
            office,
            mobileID,
            selfService,
            contact,
            ebox,
            PortalPart(helpDesk: configuration.helpDesk, sessions: configuration.sessionPolicy),
            DevelopmentPKIPart(pki: DevelopmentPKI(dataDirectory: configuration.dataDirectory), clock: environment.clock, logger: logger),
        ] + environment.extraParts
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

    /// Where the itsme key finds its provider: this product's own service unless the configuration names another, by
    /// CIBA or, in broker mode, by the code flow back to the gateway's return address.
    static func mobileIdentity(_ configuration: PersoPointConfiguration) -> MobileIdentitySettings {
        let itsme = configuration.itsme
        let own = configuration.publicURL.base + MobileIDPart.path
        var settings = MobileIdentitySettings(issuer: itsme.issuer?.absoluteString ?? own, clientID: itsme.clientID ?? MobileIdentitySettings.gatewayClientID,
                                              enrolmentURL: itsme.issuer == nil ? nil : "https://www.itsme-id.com/get-started")
        if itsme.mode == .broker {
            settings.broker = .init(scopes: itsme.scopes, acrValues: itsme.acrValues ?? LevelOfAssurance.level450.acr,
                                    nationalNumberClaim: itsme.nationalNumberClaim,
                                    redirectURI: MobileIdentitySettings.brokerReturn(publicURL: configuration.publicURL.base))
        }
        return settings
    }

    /// An application's OpenID Connect client, speaking HTTP to the configured gateway as any other host would.
    static func relyingParty(for application: BuiltInApplications.Application, configuration: PersoPointConfiguration,
                             environment: AppEnvironment) -> RelyingParty {
        var settings = RelyingPartySettings(
            clientID: application.clientID, applicationName: application.name, path: application.path,
            publicURL: configuration.publicURL, required: application.minimum(configuration),
            secretFile: BuiltInApplications.secretPath(application, dataDirectory: configuration.dataDirectory),
            warningLead: configuration.sessionWarning
        )
        // Logged out at the gateway, people land on its page that says so (registered by `BuiltInApplications`).
        settings.afterLogout = configuration.gatewayURL.base + GatewayModule.loggedOutPath
        settings.scopes = application.scopes
        settings.idleTimeout = configuration.sessionIdleTimeout
        settings.absoluteTimeout = configuration.sessionAbsoluteTimeout
        return RelyingParty(settings: settings, gatewayIssuer: configuration.gatewayURL.base + ProviderSettings.basePath,
                            transport: environment.gatewayTransport, clock: environment.clock)
    }

    /// Migrates the database and gives every part what it needs before the first request (signing keys). Only the
    /// server and `migrate` register the built-in applications: any other command may run with another public URL
    /// than the running server's, and must never rewrite the return addresses that server's applications use.
    public func prepare(registeringApplications: Bool) async throws {
        try await database.exclusively { [self] in
            try await database.migrate(parts.flatMap(\.migrations))
            for part in parts { try await part.prepare() }
            try await sessions.prepare()
            try await registerGatewayAtMobileID(returnAddress: registeringApplications)
            if registeringApplications {
                try await BuiltInApplications.register(with: gateway.clients, database: database, configuration: configuration)
                try await ebox.senders.register(Senders.Registration(
                    code: ContactPart.clientID, clientID: ContactPart.clientID,
                    names: [.fr: "PersoContact – guichet RH", .nl: "PersoContact – HR-loket", .de: "PersoContact – Personalschalter", .en: "PersoContact – HR desk"],
                    types: [ContactPart.eBoxMessageType.type: ContactPart.eBoxMessageType.days]
                ))
                try await ebox.senders.register(Senders.Registration(
                    code: SelfServiceModule.clientID, clientID: SelfServiceModule.clientID,
                    names: [.fr: "PersoSelfService – service du personnel", .nl: "PersoSelfService – personeelsdienst",
                            .de: "PersoSelfService – Personaldienst", .en: "PersoSelfService – HR service"],
                    types: SelfServiceModule.eBoxTypes
                ))
            }
        }
    }

    /// The demo people (gateway), the demo eBox sender's gateway client, and the demo people's eBoxes; idempotent.
    /// Returns how many people were added.
    @discardableResult
    public func seedDemoData() async throws -> Int {
        try await database.exclusively { [self] in try await seedDemoDataAlone() }
    }

    private func seedDemoDataAlone() async throws -> Int {
        let added = try await gateway.seedDemoData()
        if try await !gateway.clients.list().contains(where: { $0.clientID == EBoxDemo.senderClientID }) {
            var sender = ClientRegistry.Registration(clientID: EBoxDemo.senderClientID, name: "Demo HR sender (eBox)",
                                                     authMethod: .clientSecretBasic, redirectURIs: [])
            sender.scopes = ["ebox:publish"]
            sender.grantTypes = ["client_credentials"]
            try await gateway.clients.add(sender, secret: DemoSender.secret)
        }
        let recipients = DemoData.credentials.filter { $0.givenName != DemoSender.personWithoutEBox }.map { person in
            EBoxDemo.Recipient(nationalNumber: person.nrn, givenName: person.givenName, email: person.email,
                               language: Language(rawValue: person.language) ?? .fallback)
        }
        try await ebox.seedDemo(recipients: recipients)
        // Cases go to BOSA's desk for BOSA's staff, to their own organisation's for the others.
        try await contact.seedDemo(
            people: DemoData.credentials.map { person in
                ContactDemo.Person(nationalNumber: person.nrn, name: "\(person.givenName) \(person.surname)", email: person.email,
                                   language: Language(rawValue: person.language) ?? .fallback, desk: person.organisation)
            },
            handlers: DemoData.credentials.compactMap { person in
                let desks = person.memberships.compactMap { $0.hasSuffix(":case_handler") ? String($0.dropLast(":case_handler".count)) : nil }
                return desks.isEmpty ? nil : (person.nrn, "\(person.givenName) \(person.surname)", desks)
            }
        )
        try await seedHRRegister()
        for person in DemoData.credentials where try await !mobileID.isEnrolled(phone: person.phone) {
            try await mobileID.enrol(nationalNumber: person.nrn, givenName: person.givenName, surname: person.surname,
                                     language: Language(rawValue: person.language) ?? .fallback, phone: person.phone, code: person.itsmeCode)
        }
        // Registration officers work at the demo offices: at BOSA's for BOSA's staff, which they also administer.
        try await office.seedDemo(officers: DemoData.credentials.filter { $0.roles.contains("registration_officer") }.map {
            (nrn: $0.nrn, office: $0.organisation == "finance" ? "liege" : "bosa", administrator: true)
        })
        return added
    }

    /// The gateway is a relying party of the mobile identity service like any other: it signs its client assertions
    /// with its own ES256 keys, published here as the client's JWKS (again after every rotation: `keys rotate`).
    /// `returnAddress`: also (re)register the broker mode's return address under this configuration's public URL —
    /// only the server and `migrate` do, as for the applications (another command may run with another public URL).
    public func registerGatewayAtMobileID(returnAddress: Bool = false) async throws {
        try await mobileID.registerClient(id: MobileIdentitySettings.gatewayClientID, name: "PersoPoint – FAS",
                                          jwks: try await gateway.signingKeys.jwksJSON(),
                                          redirectURIs: returnAddress ? [MobileIdentitySettings.brokerReturn(publicURL: configuration.publicURL.base)] : nil)
    }

    /// The demo people in PersoSelfService's HR register (who manages whom, regimes, careers).
    func seedHRRegister() async throws {
        try await selfService.seedDemo(people: DemoData.credentials.map { person in
            SelfServiceModule.DemoPerson(nationalNumber: person.nrn, givenName: person.givenName, surname: person.surname, email: person.email,
                                         language: Language(rawValue: person.language) ?? .fallback, organisation: person.organisation,
                                         roles: person.roles)
        })
    }

    /// The route table once every part has declared its routes (the router is in `routes.router`).
    public func makeRoutes() -> RouteTable {
        let routes = RouteTable(router: Router(context: PersoRequestContext.self))
        let router = routes.router
        let secure = configuration.servesHTTPS
        // Outermost first. Middleware must be added before routes: the router attaches it when a route is added.
        router.add(middleware: SecurityHeadersMiddleware(strictTransportSecurity: secure))
        router.add(middleware: ClientAddressMiddleware(proxies: configuration.trustedProxies))
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.add(middleware: LanguageMiddleware(secureCookies: secure))
        router.add(middleware: ErrorPageMiddleware(routes: routes))
        router.add(middleware: BodyLimitMiddleware(routes: routes))
        router.add(middleware: SessionMiddleware(store: sessions))
        router.add(middleware: CSRFMiddleware(routes: routes))
        router.add(middleware: MaintenanceMiddleware(schedule: maintenance, routes: routes))
        for part in parts {
            part.register(on: routes.routes(of: part.name, policy: part.policy))
        }
        return routes
    }

    public func makeRouter() -> Router<PersoRequestContext> {
        makeRoutes().router
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
        app.addServices(ExpiryPurger(jobs: parts.flatMap(\.purgeJobs), interval: .seconds(300), logger: logger))
        for part in parts {
            app.addServices(part.services(logger: logger))
        }
        return app
    }
}
