import Foundation
import Hummingbird
import Plot

/// Puts the maintenance notice on every page (the banner) and, while a window is under way, answers the
/// routes whose declaration says maintenance closes them (`RoutePolicy.Maintenance`) with the maintenance page.
/// The portal, help and health stay up.
public struct MaintenanceMiddleware: RouterMiddleware {
    public typealias Context = PersoRequestContext
    let schedule: MaintenanceSchedule
    let routes: RouteTable

    public init(schedule: MaintenanceSchedule, routes: RouteTable) {
        self.schedule = schedule
        self.routes = routes
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let policy = routes.policy(endpoint: context.endpointPath, path: request.uri.path)
        // A machine endpoint that stays open (health, metrics, the stylesheet, OCSP) has no banner to show and is never
        // closed: it is spared the schedule's query.
        if policy.maintenance == .staysOpen, policy.errors == .json {
            return try await next(request, context)
        }
        // A database hiccup must not take the pages down with it: no notice is better than a 500.
        context.maintenance = try? await schedule.notice()
        if let notice = context.maintenance, notice.isActive, policy.maintenance == .closes {
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
