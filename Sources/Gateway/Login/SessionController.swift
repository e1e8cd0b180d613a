import FluentKit
import Foundation
import Hummingbird
import PersoCore

/// The person's side of the SSO session: RP-initiated logout, the logout button, and "my activity" (the pages are
/// `LogoutConfirmationPage`, `LoggedOutPage` and `ActivityPage`).
struct SessionController: Sendable {
    let keys: KeyRegistry
    let tokens: TokenService
    let clients: ClientAuthentication
    let audit: AuditLog
    let clock: @Sendable () -> Date

    /// `entry` takes the logout requests applications send people with (RP-initiated logout); `activity` is the
    /// account area's.
    func register(on routes: Routes, entry: Routes, activity: Routes) {
        entry.get(ProviderSettings.basePath + "/connect/endSession") { request, context in
            try await endSession(try LoginController.queryParameters(request).values, request: request, context: context)
        }
        entry.post(ProviderSettings.basePath + "/connect/endSession") { request, context in
            try await endSession(context.form?.values ?? [:], request: request, context: context)
        }
        routes.post(GatewayPath.logoutConfirm) { request, context in
            let parameters = context.form?.values ?? [:]
            var client: RegisteredClient?
            if let clientID = parameters["client_id"] { client = try await clients.find(clientID) }
            await logOut(request: request, context: context, clientID: client?.clientID)
            return leave(to: client, parameters, context: context)
        }
        routes.post(GatewayPath.logout) { request, context in
            await logOut(request: request, context: context)
            return loggedOutPage(context)
        }
        // Where applications send people after their logout (a registered post-logout address of the built-in ones).
        routes.get(GatewayPath.loggedOut) { _, context in loggedOutPage(context) }
        activity.get(GatewayPath.myActivity) { request, context in
            guard let sso = SSOSession.current(in: context.session) else {
                // The gateway's own page: log in with any key, then come back here.
                return LoginTransaction.logIn(toReach: GatewayPath.myActivity, level: .level200, session: context.session, now: clock())
            }
            return try await activityPage(sso, request: request, context: context)
        }
    }

    /// OIDC RP-Initiated Logout 1.0. Only a valid `id_token_hint` for this session proves that the application the
    /// person uses asks for the logout; anything else (a bare link on any site) is asked to the person first
    /// (§2: "the OP SHOULD ask the End-User whether to log out"), so no page can log a civil servant out of every
    /// application behind their back. Only the client's registered post-logout addresses are used.
    private func endSession(_ parameters: [String: String], request: Request, context: PersoRequestContext) async throws -> Response {
        var client: RegisteredClient?
        var hint: IDTokenHint?
        if let text = parameters["id_token_hint"], text.count <= 8192,
           let claims = try? await tokens.keys.verify(text, as: IDTokenHint.self), claims.iss == tokens.settings.issuer {
            hint = claims
            client = try await clients.find(claims.aud)
        } else if let clientID = parameters["client_id"] {
            client = try await clients.find(clientID)
        }
        if let named = parameters["client_id"], let found = client, named != found.clientID {
            client = nil  // The hint and client_id disagree: trust neither with a redirect.
        }
        guard let sso = SSOSession.current(in: context.session) else {
            context.session.end()
            return leave(to: client, parameters, context: context)
        }
        if let hint, hint.sub == sso.personID.uuidString, hint.sid == nil || hint.sid == sso.sid {
            await logOut(request: request, context: context, clientID: client?.clientID)
            return leave(to: client, parameters, context: context)
        }
        return confirmationPage(client: client, parameters, context: context)
    }

    /// A `state` is echoed only within an authorisation request's limit: a posted one could otherwise fill the header.
    static func echoable(_ state: String?) -> String? {
        state.flatMap { $0.count <= AuthorizationRequest.maxStateLength ? $0 : nil }
    }

    /// Back to the application's registered post-logout address (with its `state`), or the gateway's own page.
    private func leave(to client: RegisteredClient?, _ parameters: [String: String], context: PersoRequestContext) -> Response {
        if let uri = parameters["post_logout_redirect_uri"], let client, client.postLogoutURIs.contains(uri) {
            return Response(status: .seeOther, headers: [.location: ClientRedirect.url(uri, [("state", Self.echoable(parameters["state"]))])])
        }
        return loggedOutPage(context)
    }

    private func confirmationPage(client: RegisteredClient?, _ parameters: [String: String], context: PersoRequestContext) -> Response {
        let returnURI = parameters["post_logout_redirect_uri"].flatMap { uri in client?.postLogoutURIs.contains(uri) == true ? uri : nil }
        let view = LogoutConfirmationPage(client: client, returnURI: returnURI,
                                          state: returnURI == nil ? nil : Self.echoable(parameters["state"]),
                                          language: context.language, session: context.session)
        var response = Layout.response(view.page, chrome: context.chrome)
        if let returnURI { response.allowFormRedirects(to: [returnURI]) }
        return response
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
        Layout.response(LoggedOutPage(language: context.language).page, chrome: context.chrome)
    }

    /// `?page=N` (from 1); anything else is the first page.
    private func activityPage(_ sso: SSOSession, request: Request, context: PersoRequestContext) async throws -> Response {
        let asked = request.uri.queryParameters["page"].flatMap { Int($0) }.map { min(max($0, 1), 10_000) } ?? 1
        let (events, total) = try await audit.events(of: sso.personID, page: asked - 1, perPage: ActivityPage.perPage)
        var names: [String: String] = [:]
        for clientID in Set(events.compactMap(\.clientID)) {
            names[clientID] = clientID == LoginTransaction.gatewayClientID
                ? AccountTexts.texts(for: context.language).gatewayPages
                : try await clients.find(clientID)?.displayName(in: context.language)
                    ?? AccountTexts.texts(for: context.language).removedApplication
        }
        let lines = events.map { event in
            ActivityPage.Line(event: event, application: event.clientID.flatMap { names[$0] },
                              key: event.key.map { keys.shortName($0, in: context.language) ?? $0.rawValue })
        }
        return ActivityPage.response(lines: lines, page: asked - 1, total: total, context: context)
    }
}
