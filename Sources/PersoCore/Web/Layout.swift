import Foundation
import Hummingbird
import Plot

/// What the page frame needs to know about the request it answers.
public struct PageChrome: Sendable {
    public var language: Language
    public var maintenance: MaintenanceNotice?
    /// Who is logged in to the application drawing the page, shown in the header with a logout button.
    public var account: SignedInAccount?
    /// The address (path and query) that shows this page again, so that switching language keeps what the person
    /// is doing (a login in progress names its transaction in the query). Nil: the language links keep the path only.
    public var address: String?
    /// The pages of the area this page belongs to, with the way back (see `AreaNavigation`).
    public var areaNavigation: AreaNavigation?

    public init(language: Language, maintenance: MaintenanceNotice? = nil, account: SignedInAccount? = nil, address: String? = nil,
                areaNavigation: AreaNavigation? = nil) {
        self.language = language
        self.maintenance = maintenance
        self.account = account
        self.address = address
        self.areaNavigation = areaNavigation
    }

    public var texts: ShellTexts { .texts(for: language) }
}

/// One page of PersoPoint: a title and its main content, drawn inside the shared frame. Not `Sendable`: Plot's nodes
/// are not, and a page is built and rendered within one request.
public struct Page {
    public var title: String
    public var content: Node<HTML.BodyContext>
    public var status: HTTPResponse.Status
    /// Extra response headers, such as `Retry-After` on the maintenance page.
    public var headers: HTTPFields
    /// The web app manifest of a page that can be installed on a phone's home screen.
    public var manifest: String?

    public init(title: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], content: Node<HTML.BodyContext>,
                manifest: String? = nil) {
        self.title = title
        self.content = content
        self.status = status
        self.headers = headers
        self.manifest = manifest
    }
}

/// The frame every HTML page shares: the federal header with the language selector, the main area, the footer.
public enum Layout {
    public static func render(_ page: Page, chrome: PageChrome) -> String {
        let texts = chrome.texts
        let document = HTML(
            .attribute(named: "lang", value: chrome.language.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .title("\(page.title) – \(texts.siteName)"),
                .link(.rel(.stylesheet), .href(Stylesheet.path)),
                .link(.rel(.icon), .href("data:,")),
                .unwrap(page.manifest) { .link(.attribute(named: "rel", value: "manifest"), .href($0)) }
            ),
            .body(
                .a(.class("skip-link"), .href("#main"), .text(texts.skipToContent)),
                header(chrome: chrome),
                .unwrap(chrome.maintenance?.banner(texts: texts)) { $0 },
                .main(
                    .id("main"), .attribute(named: "tabindex", value: "-1"),
                    .unwrap(chrome.areaNavigation) { $0.node(currentPath: chrome.address.map { String($0.prefix { $0 != "?" }) }) },
                    page.content
                ),
                footer(texts: texts)
            )
        )
        return document.render()
    }

    /// Renders the page into a response: UTF-8 HTML, never cached (pages may show personal data).
    public static func response(_ page: Page, chrome: PageChrome) -> Response {
        response(status: page.status, headers: page.headers, body: ByteBuffer(string: render(page, chrome: chrome)))
    }

    static func response(status: HTTPResponse.Status, headers: HTTPFields, body: ByteBuffer) -> Response {
        var headers = headers
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }

    private static func header(chrome: PageChrome) -> Node<HTML.BodyContext> {
        let texts = chrome.texts
        return .header(
            .class("site-header"),
            .div(
                .class("federal-bar"),
                .div(
                    .class("federal-bar-inner"),
                    // The mark is the federal identity's logo; the link beside it says the same in words.
                    .span(.class("federal-mark"), .attribute(named: "aria-hidden", value: "true"), .text(".be")),
                    .a(
                        .class("federal-link"),
                        .href("https://www.belgium.be/\(chrome.language.rawValue)"),
                        .attribute(named: "hreflang", value: chrome.language.rawValue),
                        .text("belgium.be")
                    ),
                    .span(.class("federal-tagline"), .text(texts.federalBarTagline))
                )
            ),
            .div(
                .class("header-inner"),
                .a(.class("brand"), .href(PortalPages.home), .span(.class("brand-mark"), .text("PP")), .span(.text(texts.siteName))),
                .unwrap(chrome.account) { $0.node },
                .nav(
                    .class("languages"),
                    .attribute(named: "aria-label", value: texts.languageSelectorLabel),
                    .ul(.forEach(Language.allCases) { language in
                        .li(.a(
                            .href(LanguageLink.href(to: chrome.address, in: language)),
                            .attribute(named: "hreflang", value: language.rawValue),
                            .attribute(named: "lang", value: language.rawValue),
                            .attribute(named: "title", value: language.nativeName),
                            .if(language == chrome.language, .attribute(named: "aria-current", value: "true")),
                            .text(language.rawValue.uppercased())
                        ))
                    })
                )
            )
        )
    }

    /// The links every federal site has at the bottom of each page, in the order the federal sites give them.
    /// The paths are the portal's (`PortalPages`); the portal's tests check they answer.
    private static func footer(texts: ShellTexts) -> Node<HTML.BodyContext> {
        let links: [(path: String, name: String)] = [
            (PortalPages.accessibility, texts.footerAccessibility),
            (PortalPages.privacy, texts.footerPrivacy),
            (PortalPages.cookies, texts.footerCookies),
            (PortalPages.helpDesk, texts.footerContact),
            (PortalPages.help, texts.footerHelp),
            (PortalPages.home, texts.footerHome),
        ]
        return .footer(
            .class("site-footer"),
            .div(
                .class("footer-inner"),
                .p(.class("availability"), .text(texts.footerAvailability)),
                .nav(
                    .class("footer-links"),
                    .attribute(named: "aria-label", value: texts.footerNavigationLabel),
                    .ul(.forEach(links) { link in
                        .li(.a(.href(link.path), .text(link.name)))
                    })
                )
            )
        )
    }
}

extension MaintenanceNotice {
    func banner(texts: ShellTexts) -> Node<HTML.BodyContext> {
        .div(
            .class("maintenance-banner"),
            .attribute(named: "role", value: "status"),
            .p(.text(isActive
                ? texts.maintenanceBody(Self.format(endsAt))
                : texts.maintenanceAnnounced(Self.format(startsAt), Self.format(endsAt))))
        )
    }

    /// Belgian civil time, which is what the people reading the banner live in.
    public static func format(_ date: Date) -> String {
        BelgianTime.minute(date)
    }
}
