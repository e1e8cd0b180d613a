import FluentKit
import Foundation
import Hummingbird
import PersoCore
import Plot

/// The person's side of the SSO session: RP-initiated logout, the logout button, and "my activity".
struct SessionPages: Sendable {
    let tokens: TokenService
    let clients: ClientAuthentication
    let audit: AuditLog
    let clock: @Sendable () -> Date

    func register(on routes: RouteTable) {
        routes.get(ProviderSettings.basePath + "/connect/endSession") { request, context in
            try await endSession(try LoginController.queryParameters(request), request: request, context: context)
        }
        routes.post(ProviderSettings.basePath + "/connect/endSession") { request, context in
            try await endSession(context.form?.values ?? [:], request: request, context: context)
        }
        routes.post("/fas/logout") { request, context in
            await logOut(request: request, context: context)
            return loggedOutPage(context)
        }
        routes.get("/fas/activity") { request, context in
            guard let sso = SSOSession.current(in: context.session) else {
                // The gateway's own page: log in with any key, then come back here.
                let transaction = LoginTransaction.forGatewayPage(returnTo: "/fas/activity", requiredLevel: .level200, now: clock())
                transaction.save(in: context.session)
                return Response(status: .seeOther, headers: [.location: "/fas/login?tx=\(transaction.id)"])
            }
            return try await activityPage(sso, context: context)
        }
    }

    /// OIDC RP-Initiated Logout 1.0: the hint names the client; only its registered post-logout URIs are used.
    private func endSession(_ parameters: [String: String], request: Request, context: PersoRequestContext) async throws -> Response {
        var client: RegisteredClient?
        if let hint = parameters["id_token_hint"], hint.count <= 8192,
           let claims = try? await tokens.keys.verify(hint, as: IDTokenHint.self), claims.iss == tokens.settings.issuer {
            client = try await clients.find(claims.aud)
        } else if let clientID = parameters["client_id"] {
            client = try await clients.find(clientID)
        }
        await logOut(request: request, context: context, clientID: client?.clientID)
        if let uri = parameters["post_logout_redirect_uri"], let client, client.postLogoutURIs.contains(uri) {
            return Response(status: .seeOther, headers: [.location: ClientRedirect.url(uri, [("state", parameters["state"])])])
        }
        return loggedOutPage(context)
    }

    private func logOut(request: Request, context: PersoRequestContext, clientID: String? = nil) async {
        guard let sso = SSOSession.current(in: context.session) else {
            context.session.end()
            return
        }
        try? await tokens.revokeSession(sid: sso.sid)
        context.session.end()
        await audit.record(.logout, personID: sso.personID, key: sso.key, clientID: clientID, success: true, request: request, context: context)
    }

    private func loggedOutPage(_ context: PersoRequestContext) -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        return Layout.response(Page(title: texts.loggedOutTitle, content: .div(
            .h1(.id("logged-out"), .text(texts.loggedOutTitle)),
            .p(.text(texts.loggedOutBody)),
            .p(.a(.class("button secondary"), .href("/"), .text(context.chrome.texts.backToPortal)))
        )), chrome: context.chrome)
    }

    private func activityPage(_ sso: SSOSession, context: PersoRequestContext) async throws -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        let events = try await audit.events(of: sso.personID)
        let page = Page(title: texts.activityTitle, content: .div(
            .h1(.text(texts.activityTitle)),
            .p(.class("lead"), .text(texts.activityLead)),
            .if(events.isEmpty, .p(.text(texts.activityNone)), else: .div(
                .class("table-scroll"),
                .table(
                    .id("activity"),
                    .thead(.tr(.th(.text(texts.activityWhen)), .th(.text(texts.activityWhat)), .th(.text(texts.activityKey)),
                               .th(.text(texts.activityApplication)), .th(.text(texts.activityFrom)))),
                    .tbody(.forEach(events) { event in
                        .tr(
                            .class(event.success ? "ok" : "failed"),
                            .td(.text(MaintenanceNotice.format(event.at))),
                            .td(.text(AuditKind(rawValue: event.kind).map(texts.eventNames) ?? event.kind)),
                            .td(.text(event.key.flatMap(DigitalKeyKind.init(rawValue:)).map(texts.keyName) ?? "–")),
                            .td(.text(event.clientID ?? "–")),
                            .td(.text([event.ip, event.userAgent.map { String($0.prefix(60)) }].compactMap { $0 }.joined(separator: " · ")))
                        )
                    })
                )
            )),
            .form(.method(.post), .action("/fas/logout"), .csrfField(context.session),
                  .button(.id("logout"), .class("secondary"), .type(.submit), .text(texts.logout)))
        ))
        return Layout.response(page, chrome: context.chrome)
    }
}
