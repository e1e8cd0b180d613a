import FluentKit
import Foundation
import Hummingbird
import JWTKit
import Logging
import Messaging
import NIOCore
import PasswordHashing
import PersoCore
import RelyingParty

/// The mobile identity service (the itsme role) as one part of the product: its own OpenID provider under
/// `/mobileid` — CIBA in poll and ping modes, `private_key_jwt` only — and the app on the phone, which holds a
/// device key and confirms logins with number matching and a 5-digit code. It never imports the gateway: the gateway
/// is one of its relying parties.
public struct MobileIDPart: Part {
    public let name = "mobileid"
    public let policy = RoutePolicy.applicationPages
    public static let path = MobileIDPath.base
    /// Where the service's own client at the gateway comes back (its `RelyingParty` path).
    public static let enrolmentPath = MobileIDPath.enrol
    public static let clientID = "mobileid"

    let identities: Identities
    let requests: AuthenticationRequests
    let keys: MobileIDKeys
    let enrolments: Enrolments
    let codes: AuthorizationCodes
    let biometrics: PlatformAuthenticator
    let outbox: Outbox
    /// The service's own client at the gateway: the contract of the enrolment is signed by an eID login there.
    let relyingParty: RelyingParty
    let issuer: String
    let development: Bool
    let database: PersoDatabase
    let logger: Logger
    let clock: @Sendable () -> Date

    public init(database: PersoDatabase, outbox: Outbox, relyingParty: RelyingParty, publicURL: URL, development: Bool, logger: Logger,
                clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.outbox = outbox
        self.relyingParty = relyingParty
        self.development = development
        self.logger = logger
        self.clock = clock
        issuer = publicURL.base + MobileIDPath.base
        identities = Identities(database: database, hasher: PasswordHasher(), outbox: outbox, clock: clock)
        requests = AuthenticationRequests(database: database, clock: clock)
        keys = MobileIDKeys(database: database, clock: clock)
        enrolments = Enrolments(database: database, identities: identities, outbox: outbox, clock: clock)
        codes = AuthorizationCodes(database: database, clock: clock)
        biometrics = PlatformAuthenticator(publicURL: publicURL)
    }

    public var migrations: [any Migration] { [CreateMobileIDTables(), CreateMobileIDEnrolments(), CreateMobileIDCodeFlow()] }

    public func prepare() async throws {
        try await keys.ensureKey()
    }

    public func register(on routes: Routes) {
        routes.claim(prefix: MobileIDPath.base)
        if development { DevelopmentPhonesPage(identities: identities).register(on: routes) }
        let development = self.development
        EnrolmentController(enrolments: enrolments, relyingParty: relyingParty, appURL: issuer + "/app", clock: clock).register(on: routes)
        routes.get(MobileIDPath.app) { _, context in
            Layout.response(AppPage(texts: .texts(for: context.language), enrolment: .texts(for: context.language), development: development).page, chrome: context.chrome)
        }
        routes.get(MobileIDPath.appScript) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                     body: .init(byteBuffer: ByteBuffer(string: AppScript.source)))
        }
        routes.get(MobileIDPath.manifest) { _, context in
            let texts = MobileIDTexts.texts(for: context.language)
            return JSONResponse.make(headers: [.cacheControl: "public, max-age=3600"], [
                "name": texts.appTitle, "short_name": "PersoPoint ID", "start_url": MobileIDPath.app, "scope": MobileIDPath.base + "/",
                "display": "standalone", "background_color": "#ffffff", "theme_color": "#003d7a", "lang": context.language.rawValue,
            ])
        }
        let database = self.database
        let protocolRoutes = routes.with(.applicationProtocol)
        let notifier = PingNotifier(logger: logger)
        CIBAController(
            identities: identities, requests: requests,
            assertions: ClientAssertionCheck(database: database, issuer: issuer, clock: clock),
            issuerTokens: TokenIssuer(keys: keys, issuer: issuer, clock: clock), codes: codes, keys: keys, notifier: notifier, issuer: issuer,
            logger: logger
        ).register(on: protocolRoutes)
        AuthorizeController(identities: identities, requests: requests, codes: codes, issuer: issuer, enrolmentURL: MobileIDPath.enrol,
                            clock: clock).register(on: routes)
        PhoneEnrolmentController(enrolments: enrolments, outbox: outbox, logger: logger).register(on: protocolRoutes)
        AppController(
            identities: identities, requests: requests, clients: { try await CIBAClient.find($0, on: database.db) },
            notifier: notifier, biometrics: biometrics, development: development, logger: logger, clock: clock
        ).register(on: protocolRoutes)
    }

    public var purgeJobs: [PurgeJob] {
        let requests = self.requests, enrolments = self.enrolments, codes = self.codes, database = self.database, clock = self.clock
        return [
            PurgeJob("mobileid requests") { try await requests.purge() },
            PurgeJob("mobileid abandoned enrolments") { try await enrolments.purge() },
            PurgeJob("mobileid authorization codes") { try await codes.purge() },
            PurgeJob("mobileid used client assertions") {
                let now = clock()
                return try await database.write { db in
                    let spent = UsedAssertion.query(on: db).filter(\.$expiresAt < now)
                    let count = try await spent.copy().count()
                    try await spent.delete()
                    return count
                }
            },
        ]
    }

    // MARK: What the composition root, the CLI and the demo data use

    /// Registers (or updates) a relying party: its public keys, how it learns of a decision, and (when given) the
    /// redirect URIs of its code flow.
    public func registerClient(id: String, name: String, jwks: String, ping notificationEndpoint: String? = nil,
                               redirectURIs: [String]? = nil) async throws {
        for uri in redirectURIs ?? [] {
            guard let url = URL(string: uri), ["https", "http"].contains(url.scheme ?? ""), url.host != nil, url.fragment == nil else {
                throw MobileIDInputError.redirectURI(uri)
            }
        }
        // Refused here rather than at the client's first request: keys JWTKit cannot read would never verify.
        try await JWTKeyCollection().add(jwksJSON: jwks)
        let now = clock()
        try await database.write { db in
            let client = try await CIBAClient.find(id, on: db) ?? CIBAClient()
            if client.id == nil {
                client.id = id
                client.createdAt = now
            }
            client.name = name
            client.jwks = jwks
            client.delivery = notificationEndpoint == nil ? .poll : .ping
            client.notificationEndpoint = notificationEndpoint
            // Not named: the registered ones stay (a key rotation must not forget where the client returns).
            if let redirectURIs { client.redirectURIs = redirectURIs.isEmpty ? nil : redirectURIs }
            try await client.save(on: db)
        }
    }

    /// A person with an enrolled phone and code, as the demo data and tests need them.
    public func enrol(nationalNumber: String, givenName: String, surname: String, language: PersoCore.Language,
                      phone: String, code: String) async throws {
        guard let number = PhoneNumber(phone) else { throw MobileIDInputError.phoneNumber(phone) }
        try await identities.enrol(nationalNumber: nationalNumber, givenName: givenName, surname: surname, language: language,
                                   phone: number, code: code)
    }

    /// True when the phone number belongs to an enrolled identity.
    public func isEnrolled(phone: String) async throws -> Bool {
        guard let number = PhoneNumber(phone) else { return false }
        return try await identities.identity(phone: number) != nil
    }
}

public enum MobileIDInputError: Error, CustomStringConvertible {
    case phoneNumber(String)
    case redirectURI(String)

    public var description: String {
        switch self {
        case .phoneNumber(let typed): "not a phone number in E.164 form: \(typed)"
        case .redirectURI(let typed): "not an absolute http(s) redirect URI without fragment: \(typed)"
        }
    }
}
