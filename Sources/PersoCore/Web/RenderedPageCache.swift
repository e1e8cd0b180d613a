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

    private let pages: NIOLockedValueBox<[Key: Rendered]> = .init([:])
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
}

