import Foundation
import Hummingbird
import Logging
import PersoCore
import Plot

/// The routes every application gets from the relying party, under its own path: login, the gateway's callback,
/// logout, and the session's status and extension for the page's timer (with the timer's script).
public struct RelyingPartyRoutes: Sendable {
    let relyingParty: RelyingParty

    public init(relyingParty: RelyingParty) {
        self.relyingParty = relyingParty
    }

    public func register(on routes: Routes) {
        let path = relyingParty.settings.path
        routes.get(path + "/login") { request, context in
            let returnTo = try Self.query(request)["return"]
            do throws(LoginRefusal) {
                return try await relyingParty.startLogin(returnTo: returnTo, context: context)
            } catch {
                return failurePage(error, context: context)
            }
        }
        routes.get(path + "/callback") { request, context in
            let parameters = try Self.query(request)
            do throws(LoginRefusal) {
                let returnTo = try await relyingParty.finishLogin(parameters, context: context)
                return Response(status: .seeOther, headers: [.location: returnTo])
            } catch {
                context.logger.notice("login refused", metadata: ["client": "\(relyingParty.settings.clientID)", "reason": "\(error.rawValue)"])
                return failurePage(error, context: context)
            }
        }
        routes.post(path + "/logout") { _, context in
            await relyingParty.logout(context: context)
        }
        routes.get(path + "/session") { _, context in
            sessionStatus(context, extended: false)
        }
        routes.post(path + "/session/extend") { _, context in
            guard relyingParty.person(in: context.session) != nil else { return sessionStatus(context, extended: false) }
            context.session.keepAlive()
            return sessionStatus(context, extended: true)
        }
        routes.get(path + SessionTimerScript.fileName) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: ByteBuffer(string: SessionTimerScript.source))
            )
        }
    }

    /// What the page's timer asks: how long the session has left, or a stable error code once it is gone.
    /// An extension that cannot push the end past the warning (the absolute limit is near) is refused as such.
    private func sessionStatus(_ context: PersoRequestContext, extended: Bool) -> Response {
        guard relyingParty.person(in: context.session) != nil, let deadlines = context.session.deadlines else {
            return JSONResponse.make(status: .unauthorized, ["error": "session_expired"])
        }
        if extended, deadlines.endsAtAbsoluteLimit, TimeInterval(deadlines.secondsLeft) <= relyingParty.settings.warningLead {
            return JSONResponse.make(status: .conflict, ["error": "absolute_limit_reached", "secondsLeft": deadlines.secondsLeft])
        }
        return JSONResponse.make(status: .ok, [
            "secondsLeft": deadlines.secondsLeft,
            "absoluteLimit": deadlines.endsAtAbsoluteLimit,
        ])
    }

    func failurePage(_ refusal: LoginRefusal, context: PersoRequestContext) -> Response {
        let texts = SessionTexts.texts(for: context.language)
        let (title, body, status): (String, String, HTTPResponse.Status) = switch refusal {
        case .cancelled: (texts.loginCancelledTitle, texts.loginCancelledBody, .ok)
        case .gatewayUnavailable, .notConfigured: (texts.loginFailedTitle, texts.gatewayUnavailableBody, .serviceUnavailable)
        default: (texts.loginFailedTitle, texts.loginFailedBody, .badRequest)
        }
        let page = Page(title: title, status: status, content: .div(
            .class("login-refused"),
            .h1(.id("login-refused"), .text(title)),
            .p(.text(body)),
            .p(.attribute(named: "data-reason", value: refusal.rawValue),
               .a(.class("button"), .href(relyingParty.settings.path + "/login"), .text(texts.tryAgain)),
               .text(" "),
               .a(.class("button secondary"), .href("/"), .text(context.chrome.texts.backToPortal)))
        ))
        return Layout.response(page, chrome: context.chrome)
    }

    /// The query as form fields (`+` is a space), as OAuth encodes it.
    static func query(_ request: Request) throws -> [String: String] {
        guard let fields = FormFields(encoded: request.uri.query ?? "") else { throw PersoError.badRequest }
        return fields.values
    }
}
