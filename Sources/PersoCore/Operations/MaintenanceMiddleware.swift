import Foundation
import Hummingbird
import Plot

/// Puts the maintenance notice on every page (the banner) and, while a window is under way, answers the
/// applications' paths with the maintenance page. The portal, help and health stay up.
public struct MaintenanceMiddleware: RouterMiddleware {
    public typealias Context = PersoRequestContext
    let schedule: MaintenanceSchedule
    let closedPrefixes: [String]

    public init(schedule: MaintenanceSchedule, closedPrefixes: [String]) {
        self.schedule = schedule
        self.closedPrefixes = closedPrefixes
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let path = request.uri.path
        if path.hasPrefix("/health") || path.hasPrefix("/metrics") || path.hasPrefix("/assets") {
            return try await next(request, context)
        }
        // A database hiccup must not take the pages down with it: no notice is better than a 500.
        context.maintenance = try? await schedule.notice()
        if let notice = context.maintenance, notice.isActive, closedPrefixes.contains(where: { path.hasPrefix($0) }) {
            let texts = context.chrome.texts
            let retryAfter = max(60, Int(notice.endsAt.timeIntervalSinceNow))
            let page = Page(
                title: texts.maintenanceTitle, status: .serviceUnavailable, headers: [.retryAfter: String(retryAfter)],
                content: .div(
                    .class("maintenance-page"),
                    .h1(.text(texts.maintenanceTitle)),
                    .p(.text(texts.maintenanceBody(MaintenanceNotice.format(notice.endsAt)))),
                    .p(.a(.class("button secondary"), .href("/"), .text(texts.backToPortal)))
                )
            )
            return Layout.response(page, chrome: context.chrome)
        }
        return try await next(request, context)
    }
}
