import HTTPTypes
import Hummingbird
import NIOConcurrencyHelpers

/// Pages whose HTML depends only on the language and the maintenance notice (the portal, help, error pages)
/// are rendered once per variant: rendering Plot trees was most of the cost of a portal request.
public final class RenderedPageCache: Sendable {
    private struct Key: Hashable {
        let page: String
        let language: Language
        let maintenance: MaintenanceNotice?
    }

    private struct Rendered {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: ByteBuffer
    }

    /// A form page's HTML cut where the visitor's CSRF token goes.
    private struct Form {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let pieces: [String]
    }

    private let pages: NIOLockedValueBox<[Key: Rendered]> = .init([:])
    private let forms: NIOLockedValueBox<[Key: Form]> = .init([:])
    /// Variants are few (pages × 4 languages × current notice); the bound only guards against a mistake.
    private let capacity = 512

    public init() {}

    /// The cached rendering of `page` for this request's chrome, building it on first use.
    public func response(for page: String, chrome: PageChrome, build: () -> Page) -> Response {
        // A page that names its visitor (and carries their form token) is never shared with another.
        guard chrome.account == nil, chrome.areaNavigation == nil else { return Layout.response(build(), chrome: chrome) }
        let key = Key(page: page, language: chrome.language, maintenance: chrome.maintenance)
        if let rendered = pages.withLockedValue({ $0[key] }) {
            return Layout.response(status: rendered.status, headers: rendered.headers, body: rendered.body)
        }
        let page = build()
        // Shared pages switch language by a relative `?lang=` link, which keeps their path: never one visitor's query.
        var shared = chrome
        shared.address = nil
        let rendered = Rendered(status: page.status, headers: page.headers, body: ByteBuffer(string: Layout.render(page, chrome: shared)))
        pages.withLockedValue { pages in
            if pages.count >= capacity { pages.removeAll(keepingCapacity: true) }
            pages[key] = rendered
        }
        return Layout.response(status: rendered.status, headers: rendered.headers, body: rendered.body)
    }

    /// The same for a page whose only part of its own is the visitor's form token (an anonymous visitor's form):
    /// rendered once with a stand-in, cut there, and put together again around each visitor's token. A page for
    /// a signed-in person is rendered every time.
    public func response(for page: String, chrome: PageChrome, formToken: String, build: (String) -> Page) -> Response {
        guard chrome.account == nil, chrome.areaNavigation == nil else { return Layout.response(build(formToken), chrome: chrome) }
        let key = Key(page: page, language: chrome.language, maintenance: chrome.maintenance)
        let form: Form
        if let cached = forms.withLockedValue({ $0[key] }) {
            form = cached
        } else {
            let built = build(Self.standIn)
            var shared = chrome
            shared.address = nil
            form = Form(status: built.status, headers: built.headers,
                        pieces: Layout.render(built, chrome: shared).components(separatedBy: Self.standIn))
            forms.withLockedValue { forms in
                if forms.count >= capacity { forms.removeAll(keepingCapacity: true) }
                forms[key] = form
            }
        }
        return Layout.response(status: form.status, headers: form.headers,
                               body: ByteBuffer(string: form.pieces.joined(separator: formToken)))
    }

    /// Shaped like a token (43 characters of base64url), so nothing in the page escapes or wraps it differently.
    private static let standIn = "PersoPointFormTokenStandIn0000000000000000_"
}

