import Foundation
import Hummingbird
import PersoCore
import Plot

extension RelyingParty {
    /// Where a visitor without a session goes: to the gateway, coming back to the page asked for. The timer's
    /// background requests get a JSON error instead, which a script can act on.
    public func loginRequired(_ request: Request, context: PersoRequestContext) -> Response {
        if request.headers[SessionMiddleware.backgroundHeader] != nil {
            return JSONResponse.make(status: .unauthorized, ["error": "session_expired"])
        }
        var asked = request.uri.path
        if request.method == .get, let query = request.uri.query, !query.isEmpty { asked += "?" + query }
        return Response(status: .seeOther, headers: [.location: loginLink(returnTo: asked)])
    }

    func loginLink(returnTo: String) -> String {
        settings.path + "/login?return=" + FormEncoding.escape(safeReturn(returnTo))
    }

    /// An application page in the shared frame, with who is logged in in the header, the timeout stated, and
    /// the warning dialog and its script (WCAG 2.2.1, 2.2.5, 2.2.6).
    public func response(_ page: Page, person: SignedInPerson, request: Request, context: PersoRequestContext) -> Response {
        let texts = SessionTexts.texts(for: context.language)
        var chrome = context.chrome
        chrome.account = SignedInAccount(label: texts.signedInAs, name: person.fullName, logoutAction: settings.path + "/logout",
                                         logoutLabel: texts.logout, csrfToken: context.session.csrfToken)
        var page = page
        page.content = .group([page.content, sessionTimer(person: person, request: request, context: context, texts: texts)])
        var response = Layout.response(page, chrome: chrome)
        // The header's logout form ends at the gateway's end-session endpoint, which may live on another origin.
        response.allowFormRedirects(to: [provider.issuer])
        return response
    }

    private func sessionTimer(person: SignedInPerson, request: Request, context: PersoRequestContext, texts: SessionTexts) -> Node<HTML.BodyContext> {
        let deadlines = context.session.deadlines
        let idle = Int(deadlines?.idleTimeout ?? settings.idleTimeout)
        let warning = Int(settings.warningLead)
        var here = request.uri.path
        if let query = request.uri.query, !query.isEmpty { here += "?" + query }
        let relogin = loginLink(returnTo: here)
        let owner = String(SecureRandom.digest(settings.clientID + "|" + person.subject).prefix(16))
        let name = settings.applicationName
        return .group([
            .p(.class("session-note"), .id("session-note"),
               .text(texts.timeoutNote(name, texts.duration(idle), texts.duration(Int(settings.absoluteTimeout)), texts.duration(warning)))),
            .div(
                .id("session-timer"), .attribute(named: "hidden", value: "hidden"),
                .attribute(named: "data-status", value: (settings.path + "/session")),
                .attribute(named: "data-extend", value: (settings.path + "/session/extend")),
                .attribute(named: "data-seconds-left", value: String(deadlines?.secondsLeft ?? idle)),
                .attribute(named: "data-warning", value: String(warning)),
                .attribute(named: "data-csrf", value: context.session.csrfToken),
                .attribute(named: "data-channel", value: ("persopoint-session-" + settings.clientID)),
                .attribute(named: "data-owner", value: owner),
                .attribute(named: "data-login-mark", value: person.loginMark),
                .attribute(named: "data-announce", value: texts.announcement("{time}")),
                .attribute(named: "data-unit-minutes", value: texts.minutes(2).replacingOccurrences(of: "2", with: "{n}")),
                .attribute(named: "data-unit-minute", value: texts.minutes(1).replacingOccurrences(of: "1", with: "{n}")),
                .attribute(named: "data-unit-seconds", value: texts.seconds(2).replacingOccurrences(of: "2", with: "{n}")),
                .attribute(named: "data-unit-second", value: texts.seconds(1).replacingOccurrences(of: "1", with: "{n}"))
            ),
            .element(named: "dialog", nodes: [
                .id("session-dialog"), .class("session-dialog"),
                .attribute(named: "role", value: "alertdialog"),
                .attribute(named: "aria-modal", value: "true"),
                .attribute(named: "aria-labelledby", value: "session-warning-title"),
                .attribute(named: "aria-describedby", value: "session-warning-body"),
                .div(
                    .id("session-warning"),
                    .h2(.id("session-warning-title"), .text(texts.warningTitle)),
                    .p(.id("session-warning-body"), .text(texts.warningBody(name, texts.duration(idle)))),
                    .p(.class("countdown"), .attribute(named: "aria-hidden", value: "true"),
                       .span(.class("countdown-label"), .text(texts.timeLeft + " ")), .span(.id("session-countdown"), .text(""))),
                    .p(.id("session-announce"), .class("sr-only"), .attribute(named: "aria-live", value: "assertive"), .text("")),
                    .button(.id("session-extend"), .type(.button), .text(texts.ok))
                ),
                .div(
                    .id("session-expired"), .attribute(named: "hidden", value: "hidden"),
                    .h2(.id("session-expired-title"), .text(texts.expiredTitle)),
                    .p(.id("session-expired-body"), .text(texts.expiredBody)),
                    .p(.a(.id("session-relogin"), .class("button"), .href(relogin), .text(texts.loginAgain(name))))
                ),
            ]),
            .div(
                .id("draft-offer"), .class("draft-offer"), .attribute(named: "hidden", value: "hidden"),
                .attribute(named: "role", value: "region"), .attribute(named: "aria-labelledby", value: "draft-offer-text"),
                .p(.id("draft-offer-text"), .text(texts.draftOffer)),
                .button(.id("draft-restore"), .type(.button), .text(texts.draftRestore)),
                .button(.id("draft-discard"), .class("secondary"), .type(.button), .text(texts.draftDiscard))
            ),
            .script(.src((settings.path + SessionTimerScript.fileName)), .attribute(named: "defer", value: "defer")),
        ])
    }
}
