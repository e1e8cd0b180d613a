import FluentKit
import Foundation
import Hummingbird
import PersoCore
import Plot

/// "My digital keys": the security-code keys a person holds, and activating, replacing or removing them. As on
/// the real portal, keys are activated only from a strong enough session (eID or itsme by default), and a key
/// is removed only after a fresh login.
struct MyKeysPages: Sendable {
    let enrolment: KeyEnrolment
    let policy: KeyPolicy
    let audit: AuditLog
    let guardian: BruteForceGuard
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    static let path = "/fas/keys"
    static let pendingSecretKey = "keys.totp.pending"
    static let managedKinds: [DigitalKeyKind] = [.email, .totp, .token]

    func register(on routes: Routes) {
        routes.get(Self.path) { request, context in
            guard let sso = SSOSession.current(in: context.session) else { return login(returnTo: Self.path, level: .level200, context: context) }
            return try await overview(sso, notice: notice(request, context), error: nil, context: context)
        }
        routes.get(Self.path + "/step-up") { _, context in
            login(returnTo: Self.path, level: policy.activationLevel, context: context)
        }
        routes.post(Self.path + "/email") { request, context in
            try await activating(request: request, context: context) { sso in
                do {
                    _ = try await enrolment.add(.email, personID: sso.personID, account: "")
                } catch KeyEnrolment.Refusal.noEmailAddress {
                    return try await overview(sso, notice: nil, error: GatewayTexts.texts(for: context.language).noEmailAddress, context: context)
                }
                await audit.record(.keyActivated, personID: sso.personID, key: .email, clientID: nil, success: true, request: request, context: context)
                return Response(status: .seeOther, headers: [.location: Self.path + "?done=email"])
            }
        }
        routes.get(Self.path + "/totp") { request, context in
            try await activating(request: request, context: context) { sso in
                let secret = TOTP.newSecret()
                context.session[Self.pendingSecretKey] = Base32.encode(secret)
                return try await totpEnrolment(sso, secret: secret, error: nil, context: context)
            }
        }
        routes.post(Self.path + "/totp") { request, context in
            try await activating(request: request, context: context) { sso in
                try await confirmTOTP(sso, request: request, context: context)
            }
        }
        routes.post(Self.path + "/token") { request, context in
            try await activating(request: request, context: context) { sso in
                guard case .token(let codes) = try await enrolment.add(.token, personID: sso.personID, account: "") else { throw PersoError.badRequest }
                await audit.record(.keyActivated, personID: sso.personID, key: .token, clientID: nil, success: true, request: request, context: context)
                return printableCard(codes, context: context)
            }
        }
        routes.get(Self.path + "/remove") { request, context in
            guard let kind = request.uri.queryParameters["kind"].flatMap({ DigitalKeyKind(rawValue: String($0)) }), Self.managedKinds.contains(kind) else {
                throw PersoError.badRequest
            }
            let here = Self.path + "/remove?kind=" + kind.rawValue
            guard let sso = SSOSession.current(in: context.session) else { return login(returnTo: here, level: .level200, context: context) }
            // The same fresh-login rule as the removal itself, asked before the question rather than after the answer.
            guard Int(clock().timeIntervalSince1970) - sso.authTime <= Int(policy.freshLogin) else {
                return login(returnTo: here, level: sso.level, context: context)
            }
            return KeyRemovalPage.response(kind, context: context)
        }
        routes.post(Self.path + "/remove") { request, context in
            guard let sso = SSOSession.current(in: context.session) else { return login(returnTo: Self.path, level: .level200, context: context) }
            guard let kind = context.form?["kind"].flatMap(DigitalKeyKind.init(rawValue:)), Self.managedKinds.contains(kind) else {
                throw PersoError.badRequest
            }
            // A stolen session must not be enough to take someone's keys away: log in again first.
            guard Int(clock().timeIntervalSince1970) - sso.authTime <= Int(policy.freshLogin) else {
                return login(returnTo: Self.path + "?notice=fresh", level: sso.level, context: context)
            }
            if try await enrolment.remove(kind, personID: sso.personID) {
                await audit.record(.keyRemoved, personID: sso.personID, key: kind, clientID: nil, success: true, request: request, context: context)
            }
            return Response(status: .seeOther, headers: [.location: Self.path + "?done=removed"])
        }
    }

    // MARK: Pages

    private func overview(_ sso: SSOSession, notice: String?, error: String?, context: PersoRequestContext) async throws -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        let keys = try await enrolment.keys(of: sso.personID)
        let mayActivate = sso.level >= policy.activationLevel
        let page = Page(title: texts.keysTitle, content: .div(
            .h1(.text(texts.keysTitle)),
            .p(.class("lead"), .text(texts.keysLead)),
            .unwrap(notice) { .p(.class("form-notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .unwrap(error) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .if(!mayActivate, .p(
                .id("keys-step-up"), .class("notice"), .text(texts.keysNeedStrongerLogin), .text(" "),
                .a(.href(Self.path + "/step-up"), .text(texts.keysStrongerLoginLink))
            )),
            .ul(.class("my-keys"), .forEach(Self.managedKinds) { kind in
                keyItem(kind, key: keys[kind], mayActivate: mayActivate, texts: texts, context: context)
            }),
            .p(.a(.id("my-password-link"), .href(MyPasswordPages.path), .text(AccountTexts.texts(for: context.language).myPasswordLink)))
        ))
        return Layout.response(page, chrome: context.chrome)
    }

    private func keyItem(_ kind: DigitalKeyKind, key: PersonKey?, mayActivate: Bool, texts: GatewayTexts, context: PersoRequestContext) -> Node<HTML.ListContext> {
        let status = key.flatMap { PersonKey.Status(rawValue: $0.status) }
        let statusText = switch status {
        case .active: texts.keyStatusActive
        case .pending: texts.keyStatusPending
        case .deactivated: texts.keyStatusDeactivated
        case nil: texts.keyStatusNone
        }
        let activate: Node<HTML.BodyContext> = {
            guard mayActivate else { return .empty }
            let label = status == .active ? texts.keysReplace : texts.keysActivate
            if kind == .totp {
                return .a(.id("activate-\(kind.rawValue)"), .class("button"), .href(Self.path + "/totp"), .text(label))
            }
            return .form(.method(.post), .action("\(Self.path)/\(kind.rawValue)"), .csrfField(context.session),
                         .button(.id("activate-\(kind.rawValue)"), .type(.submit), .text(label)))
        }()
        return .li(
            .id("my-key-\(kind.rawValue)"), .class("my-key \(status?.rawValue ?? "none")"),
            .h2(.text(texts.keyName(kind))),
            .p(.class("key-status"), .text(statusText)),
            .unwrap(key?.activatedAt) { .p(.text(texts.keysActivatedOn(MaintenanceNotice.format($0)))) },
            .unwrap(key?.lastUsedAt) { .p(.text(texts.keysLastUsed(MaintenanceNotice.format($0)))) },
            .div(.class("actions"),
                 activate,
                 .if(key != nil, .form(
                    .method(.get), .action(Self.path + "/remove"),
                    .input(.type(.hidden), .name("kind"), .value(kind.rawValue)),
                    .button(.id("remove-\(kind.rawValue)"), .class("secondary"), .type(.submit), .text(texts.keysRemove))
                 )))
        )
    }

    private func totpEnrolment(_ sso: SSOSession, secret: Data, error: String?, context: PersoRequestContext) async throws -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        let account = try await PasswordCredential.query(on: database.db).filter(\.$person.$id == sso.personID).first()?.username ?? "persopoint"
        let uri = TOTP(secret: secret).provisioningURI(account: account, issuer: KeyEnrolment.issuer)
        let grouped = Base32.encode(secret).enumerated().map { $0.offset > 0 && $0.offset % 4 == 0 ? " \($0.element)" : "\($0.element)" }.joined()
        let page = Page(title: texts.totpEnrolTitle, content: .div(
            .class("login-form"),
            .h1(.text(texts.totpEnrolTitle)),
            .ol(.forEach(texts.totpEnrolSteps) { .li(.text($0)) }),
            .div(.id("totp-qr"), .class("qr"), .raw(QRCode(uri)?.svg(title: texts.totpQRTitle) ?? "")),
            .p(.text(texts.totpSecretLabel), .text(" "), .code(.id("totp-secret"), .text(grouped))),
            .unwrap(error) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .id("totp-form"), .method(.post), .action(Self.path + "/totp"), .csrfField(context.session),
                .div(.class("field"),
                     .label(.for("code"), .text(texts.codeLabel)),
                     .input(.id("code"), .name("code"), .type(.text), .class("code"), .attribute(named: "inputmode", value: "numeric"),
                            .attribute(named: "autocomplete", value: "one-time-code"), .required(true), .autofocus(true))),
                .button(.id("totp-confirm"), .type(.submit), .text(texts.totpEnrolConfirm))
            ),
            .p(.a(.href(Self.path), .text(texts.keysBack)))
        ))
        return Layout.response(page, chrome: context.chrome)
    }

    private func confirmTOTP(_ sso: SSOSession, request: Request, context: PersoRequestContext) async throws -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        guard let text = context.session[Self.pendingSecretKey], let secret = Base32.decode(text), secret.count == TOTP.secretBytes else {
            return Response(status: .seeOther, headers: [.location: Self.path + "/totp"])
        }
        let subject = BruteForceGuard.codeSubject(.totp, personID: sso.personID)
        let ip = context.clientAddress
        if let refusal = try await guardian.verdict(subject: subject, ip: ip).refusal(texts) {
            return try await totpEnrolment(sso, secret: secret, error: refusal, context: context)
        }
        let code = (context.form?["code"] ?? "").filter { !$0.isWhitespace }
        guard let step = TOTP(secret: secret).matchingStep(for: String(code.prefix(16)), at: clock()) else {
            try await guardian.recordFailure(subject: subject, ip: ip)
            return try await totpEnrolment(sso, secret: secret, error: texts.totpEnrolWrongCode, context: context)
        }
        try await enrolment.activateTOTP(personID: sso.personID, secret: secret, usedStep: step)
        try await guardian.recordSuccess(subject: subject)
        context.session[Self.pendingSecretKey] = nil
        await audit.record(.keyActivated, personID: sso.personID, key: .totp, clientID: nil, success: true, request: request, context: context)
        return Response(status: .seeOther, headers: [.location: Self.path + "?done=totp"])
    }

    /// The 24 codes, shown this once: the page prints as a card (the stylesheet's print rules hide the rest).
    private func printableCard(_ codes: [String], context: PersoRequestContext) -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        let page = Page(title: texts.tokenCardTitle, headers: [.cacheControl: "no-store"], content: .div(
            .h1(.text(texts.tokenCardTitle)),
            .p(.class("lead"), .text(texts.tokenCardLead)),
            .table(
                .id("token-card"), .class("token-card"),
                .tbody(.forEach(stride(from: 0, to: codes.count, by: 4).map { Array(codes.indices[$0..<min($0 + 4, codes.count)]) }) { row in
                    .tr(.forEach(row) { index in
                        .td(.span(.class("position"), .text("\(index + 1)")), .span(.class("token-code"), .text(codes[index])))
                    })
                })
            ),
            .p(.class("no-print"), .a(.href(Self.path), .text(texts.keysBack)))
        ))
        return Layout.response(page, chrome: context.chrome)
    }

    // MARK: Helpers

    /// Runs `body` when the session may activate keys; otherwise asks for a stronger login first.
    private func activating(request: Request, context: PersoRequestContext, _ body: (SSOSession) async throws -> Response) async throws -> Response {
        guard let sso = SSOSession.current(in: context.session) else { return login(returnTo: Self.path, level: policy.activationLevel, context: context) }
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
        switch request.uri.queryParameters["done"].map(String.init) {
        case "email", "totp", "token": return texts.keyActivatedNotice
        case "removed": return texts.keyRemovedNotice
        default: return request.uri.queryParameters["notice"] == "fresh" ? texts.keysFreshLoginDone : nil
        }
    }
}
