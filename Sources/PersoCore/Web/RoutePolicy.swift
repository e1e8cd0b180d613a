/// What the shell does around a route besides calling it, declared where the route is declared so that the two
/// can never disagree: whether maintenance closes it, whether a state-changing request needs the session's CSRF
/// token, and whether its errors are pages for people or JSON for programs.
public struct RoutePolicy: Sendable, Hashable {
    public enum Maintenance: Sendable, Hashable {
        /// Answered with the maintenance page while a window is under way (the applications and the gateway).
        case closes
        /// Stays up through maintenance (the portal, its help, health checks, development tools).
        case staysOpen
    }

    public enum Forgery: Sendable, Hashable {
        /// A browser form: POSTs carry the session's CSRF token.
        case tokenRequired
        /// A program that authenticates otherwise (client credentials, bearer tokens, an OCSP client).
        case exempt
        /// A browser form that sends files (multipart): the token is a field of the body, which the handler streams,
        /// so the handler's upload reader checks it (`CSRFMiddleware.accepts`) before it keeps anything.
        case checkedByUploadReader
    }

    public enum Errors: Sendable, Hashable {
        /// A localised page for people (or JSON for a client that asked for it).
        case pages
        /// Always JSON with a stable code: the endpoint's clients are programs.
        case json
    }

    public enum Body: Sendable, Hashable {
        /// Forms and small JSON: a declared length over `RequestLimits.maxBodyBytes` is refused before a byte is read.
        case small
        /// An upload the handler streams and limits itself (with its own error codes).
        case streamedByHandler
    }

    public var maintenance: Maintenance
    public var forgery: Forgery
    public var errors: Errors
    public var body: Body

    public init(maintenance: Maintenance, forgery: Forgery = .tokenRequired, errors: Errors = .pages, body: Body = .small) {
        self.maintenance = maintenance
        self.forgery = forgery
        self.errors = errors
        self.body = body
    }

    /// Pages of an application or of the gateway.
    public static let applicationPages = RoutePolicy(maintenance: .closes)
    /// A protocol endpoint of an application or of the gateway, for programs.
    public static let applicationProtocol = RoutePolicy(maintenance: .closes, forgery: .exempt, errors: .json)
    /// An API for programs that takes uploads larger than a form, streamed and limited by the handler.
    public static let uploadProtocol = RoutePolicy(maintenance: .closes, forgery: .exempt, errors: .json, body: .streamedByHandler)
    /// A page's form that sends files: streamed and limited by the handler, which checks the CSRF token in the body.
    public static let uploadPages = RoutePolicy(maintenance: .closes, forgery: .checkedByUploadReader, errors: .pages, body: .streamedByHandler)
    /// Pages that stay up through maintenance.
    public static let alwaysOpenPages = RoutePolicy(maintenance: .staysOpen)
    /// A machine endpoint that stays up through maintenance (health, metrics, OCSP).
    public static let alwaysOpenProtocol = RoutePolicy(maintenance: .staysOpen, forgery: .exempt, errors: .json)
}
