import Foundation
import Hummingbird
import PersoCore
import RelyingParty

/// Activating the eBox, and confirming any new address: consent and address, then the 6-digit code.
struct ActivationController: Sendable {
    let relyingParty: RelyingParty
    let mailboxes: Mailboxes

    static let activatePath = EBoxPart.path + "/activate"
    static let verifyPath = EBoxPart.path + "/verify"
    static let resendPath = EBoxPart.path + "/verify/resend"

    func register(on routes: Routes) {
        routes.post(Self.activatePath) { request, context in
            try await Visitor.handle(relyingParty, request, context) { visitor in
                if try await mailboxes.mailbox(of: visitor.nationalNumber) != nil { return Self.redirect(EBoxPart.path) }
                guard let fields = context.form else { throw PersoError.badRequest }
                let form = PreferencesForm(fields: fields, language: context.language, needsConsent: true)
                guard form.problems.isEmpty else {
                    var context = context
                    context.pageAddress = EBoxPart.path
                    let page = ActivationPage(form: form, texts: EBoxTexts.texts(for: context.language), session: context.session).page
                    return relyingParty.response(page, person: visitor.person, request: request, context: context)
                }
                let sent = try await mailboxes.requestCode(for: visitor.nationalNumber, preferences: form.preferences)
                return Self.redirect(Self.verifyPath + (sent == .tooSoon ? "?notice=too-soon" : ""))
            }
        }
        routes.get(Self.verifyPath) { request, context in
            try await Visitor.handle(relyingParty, request, context) { visitor in
                guard let pending = try await mailboxes.pending(of: visitor.nationalNumber) else { return Self.redirect(EBoxPart.path) }
                let notice: VerifyPage.Notice? = switch FormFields(encoded: request.uri.query ?? "")?["notice"] {
                case "resent": .resent
                case "too-soon": .tooSoon
                default: nil
                }
                return page(email: pending.email, notice: notice, visitor: visitor, request: request, context: context)
            }
        }
        routes.post(Self.verifyPath) { request, context in
            try await Visitor.handle(relyingParty, request, context) { visitor in
                guard let pending = try await mailboxes.pending(of: visitor.nationalNumber) else { return Self.redirect(EBoxPart.path) }
                let code = String((context.form?["code"] ?? "").prefix(32))
                var context = context
                context.pageAddress = Self.verifyPath
                switch try await mailboxes.verify(code: code, for: visitor.nationalNumber) {
                case .activated: return Self.redirect(EBoxPart.path + "?done=activated")
                case .addressChanged: return Self.redirect(EBoxPart.path + "?done=address")
                case .nothingPending: return Self.redirect(EBoxPart.path)
                case .wrong(let remaining):
                    return page(email: pending.email, notice: .wrong(remaining: remaining), visitor: visitor, request: request, context: context)
                case .spent:
                    return page(email: pending.email, notice: .spent, visitor: visitor, request: request, context: context)
                }
            }
        }
        routes.post(Self.resendPath) { request, context in
            try await Visitor.handle(relyingParty, request, context) { visitor in
                switch try await mailboxes.resendCode(for: visitor.nationalNumber) {
                case .sent: return Self.redirect(Self.verifyPath + "?notice=resent")
                case .tooSoon: return Self.redirect(Self.verifyPath + "?notice=too-soon")
                case nil: return Self.redirect(EBoxPart.path)
                }
            }
        }
    }

    private func page(email: String, notice: VerifyPage.Notice?, visitor: Visitor, request: Request, context: PersoRequestContext) -> Response {
        let view = VerifyPage(email: email, notice: notice, texts: EBoxTexts.texts(for: context.language), session: context.session)
        return relyingParty.response(view.page, person: visitor.person, request: request, context: context)
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
