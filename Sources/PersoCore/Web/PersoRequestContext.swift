import Hummingbird
import NIOCore

/// What every PersoPoint request carries from the shell's middleware to the pages.
public struct PersoRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Chosen by `LanguageMiddleware` before anything can fail, so even error pages speak it.
    public var language: Language = .fallback
    /// The visitor's server-side session; created on first write, persisted by `SessionMiddleware`.
    public var session: Session = .detached
    /// Fields of an `application/x-www-form-urlencoded` body, already read by `CSRFMiddleware`.
    public var form: FormFields?
    /// A maintenance window announced or under way, for the banner; set by `MaintenanceMiddleware`.
    public var maintenance: MaintenanceNotice?
    /// The address that shows the page being answered again (see `PageChrome.address`): set by `LanguageMiddleware`
    /// for GET requests; a controller answering a POST with a page names the GET address of that page.
    public var pageAddress: String?
    /// Who is logged in, for the header, when a part's middleware knows it for every page of an area.
    public var account: SignedInAccount?
    /// The navigation of the area the page belongs to (see `AreaNavigation`).
    public var areaNavigation: AreaNavigation?
    public let remoteAddress: SocketAddress?
    /// The client's address, seen through the trusted reverse proxies (`ClientAddressMiddleware`); the socket's peer
    /// before that middleware ran.
    public var clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
        self.clientAddress = remoteAddress?.ipAddress
    }

    /// Pages take forms and small JSON; anything larger is refused with 413 before it is read whole.
    public var maxUploadSize: Int { RequestLimits.maxBodyBytes }

    /// The per-request id that the logs, the `X-Request-Id` header and the 500 page share.
    public var requestID: String { id }

    /// Everything the layout needs to draw the page frame for this request.
    public var chrome: PageChrome {
        PageChrome(language: language, maintenance: maintenance, account: account, address: pageAddress, areaNavigation: areaNavigation)
    }
}

public enum RequestLimits {
    public static let maxBodyBytes = 1024 * 1024
    public static let maxHeaderBytes = 16 * 1024
}
