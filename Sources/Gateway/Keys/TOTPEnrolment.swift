import Crypto
import FluentKit
import Foundation
import Hummingbird
import PersoCore
import Plot

/// Activating an authenticator app from "my keys": a page with the QR code and the secret, then the app's first
/// code proves it was scanned. The secret waits in the session until then; the code's step counts as used.
struct TOTPEnrolment: KeyEnrolment {
    let people: PeopleDirectory
    let personKeys: PersonKeys
    let guardian: BruteForceGuard
    let clock: @Sendable () -> Date

    static let issuer = "PersoPoint"
    static let pendingSecret = SessionValue<String>("keys.totp.pending")

    var start: EnrolmentStart { .page }

    func page(personID: UUID, context: PersoRequestContext) async throws -> Response {
        let secret = TOTP.newSecret()
        context.session[Self.pendingSecret] = Base32.encode(secret)
        return try await page(personID: personID, secret: secret, error: nil, context: context)
    }

    func activate(personID: UUID, request: Request, context: PersoRequestContext) async throws -> EnrolmentOutcome {
        let texts = GatewayTexts.texts(for: context.language)
        guard let text = context.session[Self.pendingSecret], let secret = Base32.decode(text), secret.count == TOTP.secretBytes else {
            return .askAgain(Response(status: .seeOther, headers: [.location: GatewayPath.myKey(.totp)]))
        }
        let subject = BruteForceGuard.codeSubject(.totp, personID: personID)
        let ip = context.clientAddress
        if let refusal = try await guardian.verdict(subject: subject, ip: ip).refusal(texts) {
            return .askAgain(try await page(personID: personID, secret: secret, error: refusal, context: context))
        }
        let code = (context.form?["code"] ?? "").filter { !$0.isWhitespace }
        guard let step = TOTP(secret: secret).matchingStep(for: String(code.prefix(16)), at: clock()) else {
            try await guardian.recordFailure(subject: subject, ip: ip)
            return .askAgain(try await page(personID: personID, secret: secret, error: texts.totpEnrolWrongCode, context: context))
        }
        _ = try await personKeys.replace(.totp, personID: personID) {
            $0.totpSecret = secret
            $0.totpLastStep = step
        }
        try await guardian.recordSuccess(subject: subject)
        context.session[Self.pendingSecret] = nil
        return .activated
    }

    func issue(to personID: UUID, account: String) async throws -> IssuedKey {
        let secret = TOTP.newSecret()
        _ = try await personKeys.replace(.totp, personID: personID) { $0.totpSecret = secret }
        return IssuedKey(secret: Base32.encode(secret), uri: TOTP(secret: secret).provisioningURI(account: account, issuer: Self.issuer))
    }

    func issueForDemo(to personID: UUID, account: String, seed: String, on db: any Database) async throws {
        _ = try await personKeys.replace(.totp, personID: personID, on: db) { $0.totpSecret = Self.demoSecret(seed: seed) }
    }

    /// Demo secrets are derived from the demo person, like the demo passwords: known to anyone who reads this.
    static func demoSecret(seed: String) -> Data {
        Data(SHA256.hash(data: Data("persopoint-demo-totp:\(seed)".utf8)).prefix(TOTP.secretBytes))
    }

    private func page(personID: UUID, secret: Data, error: String?, context: PersoRequestContext) async throws -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        let account = try await people.username(of: personID) ?? "persopoint"
        let uri = TOTP(secret: secret).provisioningURI(account: account, issuer: Self.issuer)
        let grouped = Base32.encode(secret).enumerated().map { $0.offset > 0 && $0.offset % 4 == 0 ? " \($0.element)" : "\($0.element)" }.joined()
        let page = Page(title: texts.totpEnrolTitle, content: .div(
            .class("login-form"),
            .h1(.text(texts.totpEnrolTitle)),
            .ol(.forEach(texts.totpEnrolSteps) { .li(.text($0)) }),
            .div(.id("totp-qr"), .class("qr"), .raw(QRCode(uri)?.svg(title: texts.totpQRTitle) ?? "")),
            .p(.text(texts.totpSecretLabel), .text(" "), .code(.id("totp-secret"), .text(grouped))),
            .unwrap(error) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .id("totp-form"), .method(.post), .action(GatewayPath.myKey(.totp)), .csrfField(context.session),
                .div(.class("field"),
                     .label(.for("code"), .text(texts.codeLabel)),
                     .input(.id("code"), .name("code"), .type(.text), .class("code"), .attribute(named: "inputmode", value: "numeric"),
                            .attribute(named: "autocomplete", value: "one-time-code"), .required(true), .autofocus(true))),
                .button(.id("totp-confirm"), .type(.submit), .text(texts.totpEnrolConfirm))
            ),
            .p(.a(.href(GatewayPath.myKeys), .text(texts.keysBack)))
        ))
        return Layout.response(page, chrome: context.chrome)
    }
}
