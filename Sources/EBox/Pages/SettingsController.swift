import Foundation
import Hummingbird
import PersoCore
import RelyingParty

/// The eBox's settings: the notices' language, format and frequency, a new address (confirmed by a code), and the
/// notices sent.
struct SettingsController: Sendable {
    let relyingParty: RelyingParty
    let mailboxes: Mailboxes

    static let path = EBoxPart.path + "/settings"
    static let addressPath = path + "/address"

    func register(on routes: Routes) {
        routes.get(Self.path) { request, context in
            guard case .found(let visitor, let mailbox) = try await find(request, context) else { return try await answer(request, context) }
            let notice: SettingsPage.Notice? = FormFields(encoded: request.uri.query ?? "")?["done"] == "saved" ? .saved : nil
            let form = PreferencesForm(language: mailbox.language)
            return try await page(mailbox, form: form, notice: notice, visitor: visitor, request: request, context: context)
        }
        routes.post(Self.path) { request, context in
            guard case .found(_, let mailbox) = try await find(request, context) else { return try await answer(request, context) }
            guard let fields = context.form else { throw PersoError.badRequest }
            try await mailboxes.update(
                mailbox,
                language: fields["language"].flatMap(Language.init(rawValue:)) ?? mailbox.language,
                format: fields["format"].flatMap(NoticeFormat.init(rawValue:)) ?? mailbox.format,
                frequency: fields["frequency"].flatMap(NoticeFrequency.init(rawValue:)) ?? mailbox.frequency
            )
            return Response(status: .seeOther, headers: [.location: Self.path + "?done=saved"])
        }
        routes.post(Self.addressPath) { request, context in
            guard case .found(let visitor, let mailbox) = try await find(request, context) else { return try await answer(request, context) }
            guard let fields = context.form else { throw PersoError.badRequest }
            var form = PreferencesForm(fields: fields, language: mailbox.language, needsConsent: false)
            // Only the address changes here; the other choices stay as they are.
            (form.language, form.format, form.frequency) = (mailbox.language, mailbox.format, mailbox.frequency)
            guard form.problems.isEmpty else {
                var context = context
                context.pageAddress = Self.path
                return try await page(mailbox, form: form, notice: nil, visitor: visitor, request: request, context: context)
            }
            let sent = try await mailboxes.requestCode(for: visitor.nationalNumber, preferences: form.preferences)
            return ActivationController.redirect(ActivationController.verifyPath + (sent == .tooSoon ? "?notice=too-soon" : ""))
        }
    }

    private enum Lookup {
        case found(Visitor, Mailbox)
        case elsewhere
    }

    private func find(_ request: Request, _ context: PersoRequestContext) async throws -> Lookup {
        guard case .visitor(let visitor) = Visitor.resolve(relyingParty, request: request, context: context),
              let mailbox = try await mailboxes.mailbox(of: visitor.nationalNumber) else { return .elsewhere }
        return .found(visitor, mailbox)
    }

    /// For a visitor without an eBox (or not logged in): the login, or the activation page.
    private func answer(_ request: Request, _ context: PersoRequestContext) async throws -> Response {
        if case .answered(let response) = Visitor.resolve(relyingParty, request: request, context: context) { return response }
        return ActivationController.redirect(EBoxPart.path)
    }

    private func page(_ mailbox: Mailbox, form: PreferencesForm, notice: SettingsPage.Notice?, visitor: Visitor,
                      request: Request, context: PersoRequestContext) async throws -> Response {
        let view = SettingsPage(mailbox: mailbox, addressForm: form, notices: try await mailboxes.notices(of: visitor.nationalNumber),
                                notice: notice, texts: EBoxTexts.texts(for: context.language), session: context.session)
        return relyingParty.response(view.page, person: visitor.person, request: request, context: context)
    }
}
