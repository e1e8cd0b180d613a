import FluentKit
import Foundation
import Hummingbird
import PersoCore

/// "My digital keys": the keys a person can hold outside a login (every key with an enrolment, in the chooser's
/// order), and activating, replacing or removing them. As on the real portal, keys are activated only from a strong
/// enough session (eID or itsme by default), and a key is removed only after a fresh login.
struct MyKeysController: Sendable {
    let keys: KeyRegistry
    let personKeys: PersonKeys
    let policy: KeyPolicy
    let audit: AuditLog
    let clock: @Sendable () -> Date

    func register(on routes: Routes) {
        routes.get(GatewayPath.myKeys) { request, context in
            guard let sso = SSOSession.current(in: context.session) else { return login(returnTo: GatewayPath.myKeys, level: .level200, context: context) }
            return try await overview(sso, notice: notice(request, context), error: nil, context: context)
        }
        routes.get(GatewayPath.myKeysStepUp) { _, context in
            login(returnTo: GatewayPath.myKeys, level: policy.activationLevel, context: context)
        }
        routes.get(GatewayPath.myKeysRemove) { request, context in
            let key = try enrollable(request.uri.queryParameters["kind"].map(String.init))
            let here = GatewayPath.myKeysRemove + "?kind=" + key.profile.identifier.rawValue
            guard let sso = SSOSession.current(in: context.session) else { return login(returnTo: here, level: .level200, context: context) }
            // The same fresh-login rule as the removal itself, asked before the question rather than after the answer.
            guard isFresh(sso) else { return login(returnTo: here, level: sso.level, context: context) }
            return KeyRemovalPage.response(key.profile, context: context)
        }
        routes.post(GatewayPath.myKeysRemove) { request, context in
            guard let sso = SSOSession.current(in: context.session) else { return login(returnTo: GatewayPath.myKeys, level: .level200, context: context) }
            let key = try enrollable(context.form?["kind"])
            // A stolen session must not be enough to take someone's keys away: log in again first.
            guard isFresh(sso) else { return login(returnTo: GatewayPath.myKeys + "?notice=fresh", level: sso.level, context: context) }
            if try await personKeys.remove(key.profile.identifier, personID: sso.personID) {
                await audit.record(.keyRemoved, personID: sso.personID, key: key.profile.identifier, clientID: nil, success: true, request: request, context: context)
            }
            return Response(status: .seeOther, headers: [.location: GatewayPath.myKeys + "?done=removed"])
        }
        routes.get(GatewayPath.myKeyRoute) { request, context in
            let enrolment = try enrollable(context.parameters.get("key")).enrolment
            guard let enrolment, enrolment.start == .page else { throw PersoError.notFound }
            return try await activating(request: request, context: context) { sso in
                try await enrolment.page(personID: sso.personID, context: context)
            }
        }
        routes.post(GatewayPath.myKeyRoute) { request, context in
            let key = try enrollable(context.parameters.get("key"))
            guard let enrolment = key.enrolment else { throw PersoError.notFound }
            return try await activating(request: request, context: context) { sso in
                switch try await enrolment.activate(personID: sso.personID, request: request, context: context) {
                case .activated:
                    await audit.record(.keyActivated, personID: sso.personID, key: key.profile.identifier, clientID: nil, success: true, request: request, context: context)
                    return Response(status: .seeOther, headers: [.location: GatewayPath.myKeys + "?done=" + key.profile.identifier.rawValue])
                case .issued(let page):
                    await audit.record(.keyActivated, personID: sso.personID, key: key.profile.identifier, clientID: nil, success: true, request: request, context: context)
                    return page
                case .askAgain(let page):
                    return page
                case .refused(let reason):
                    return try await overview(sso, notice: nil, error: reason, context: context)
                }
            }
        }
    }

    // MARK: Page

    private func overview(_ sso: SSOSession, notice: String?, error: String?, context: PersoRequestContext) async throws -> Response {
        let view = MyKeysPage(keys: keys.enrollable, held: try await personKeys.keys(of: sso.personID),
                              mayActivate: sso.level >= policy.activationLevel, notice: notice, error: error,
                              language: context.language, session: context.session)
        return Layout.response(view.page, chrome: context.chrome)
    }

    // MARK: Helpers

    /// The key named in the address or the form, if this installation lets people hold it; otherwise a bad request.
    private func enrollable(_ name: String?) throws -> any DigitalKey {
        guard let name, name.count <= 64, let key = keys.enrollable.first(where: { $0.profile.identifier.rawValue == name }) else {
            throw PersoError.badRequest
        }
        return key
    }

    private func isFresh(_ sso: SSOSession) -> Bool {
        Int(clock().timeIntervalSince1970) - sso.authTime <= Int(policy.freshLogin)
    }

    /// Runs `body` when the session may activate keys; otherwise asks for a stronger login first.
    private func activating(request: Request, context: PersoRequestContext, _ body: (SSOSession) async throws -> Response) async throws -> Response {
        guard let sso = SSOSession.current(in: context.session) else { return login(returnTo: GatewayPath.myKeys, level: policy.activationLevel, context: context) }
        guard sso.level >= policy.activationLevel else {
            return try await overview(sso, notice: nil, error: GatewayTexts.texts(for: context.language).keysNeedStrongerLogin, context: context)
        }
        return try await body(sso)
    }

    private func login(returnTo: String, level: LevelOfAssurance, context: PersoRequestContext) -> Response {
        LoginTransaction.logIn(toReach: returnTo, level: level, session: context.session, now: clock())
    }

    private func notice(_ request: Request, _ context: PersoRequestContext) -> String? {
        let texts = GatewayTexts.texts(for: context.language)
        let done = request.uri.queryParameters["done"].map(String.init)
        if done == "removed" { return texts.keyRemovedNotice }
        if let done, keys.enrollable.contains(where: { $0.profile.identifier.rawValue == done }) { return texts.keyActivatedNotice }
        return request.uri.queryParameters["notice"] == "fresh" ? texts.keysFreshLoginDone : nil
    }
}
