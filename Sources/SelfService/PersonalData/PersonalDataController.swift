import Foundation
import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// The personal data page: view, change (with history), and the e-mail confirmation link.
struct PersonalDataController: Sendable {
    let relyingParty: RelyingParty
    let store: PersonalDataStore
    let development: Bool

    static let path = SelfServiceModule.path + "/personal"
    static let confirmPath = path + "/confirm-email"
    /// The development copy of the last confirmation link, shown once on the next page.
    static let developmentLink = SessionValue<String>("selfservice.dev-confirmation-link")
    /// What was typed when a change needed a fresh login first, kept for the page the person comes back to.
    static let typedBeforeStepUp = SessionValue<[String: String]>("selfservice.typed-before-step-up")
    /// A payment detail (the salary account) changes only after a login at Level400 or above in the last 5 minutes.
    static let paymentStepUp = StepUp(level: .level400, maxAge: 300)

    func register(on routes: Routes) {
        routes.get(Self.path) { request, context in
            guard let person = relyingParty.person(in: context.session) else { return relyingParty.loginRequired(request, context: context) }
            let query = FormFields(encoded: request.uri.query ?? "")
            let notice: PersonalDataPage.Notice? = switch query?["done"] {
            case "saved": .saved
            case "unchanged": .unchanged
            default: nil
            }
            // Back from the fresh login a payment change asked for: the form as the person left it (WCAG 2.2.5).
            if query?["resume"] != nil, let values = context.session[Self.typedBeforeStepUp] {
                context.session[Self.typedBeforeStepUp] = nil
                var form = PersonalDataForm(fields: FormFields(values))
                if let iban = IBAN(form[.iban]) { form.values[.iban] = iban.printed }
                return try await show(form, notice: .resumed, status: .ok, person: person, request: request, context: context)
            }
            let details = try await store.details(of: person.subject)
            var values: [PersonalField: String] = [:]
            for field in PersonalField.allCases { values[field] = details?[field] ?? "" }
            if let iban = values[.iban].flatMap(IBAN.init) { values[.iban] = iban.printed }
            return try await show(PersonalDataForm(values: values), notice: notice, status: .ok, person: person, request: request, context: context)
        }
        routes.post(Self.path) { request, context in
            guard let person = relyingParty.person(in: context.session) else { return relyingParty.loginRequired(request, context: context) }
            guard let fields = context.form else { throw PersoError.badRequest }
            let form = PersonalDataForm(fields: fields)
            guard form.isValid else {
                return try await show(form, notice: .invalid, status: .unprocessableContent, person: person, request: request, context: context)
            }
            let current = try await store.details(of: person.subject)?[.iban]
            let newIBAN = form[.iban].isEmpty ? nil : form[.iban]
            if newIBAN != current, !Self.paymentStepUp.isSatisfied(by: person, now: relyingParty.now) {
                let typed = Dictionary(uniqueKeysWithValues: PersonalField.allCases.map { ($0.rawValue, form[$0]) })
                context.session[Self.typedBeforeStepUp] = typed
                return await relyingParty.stepUp(Self.paymentStepUp, returnTo: Self.path + "?resume=1", context: context)
            }
            let base = relyingParty.settings.publicURL.base
            let language = context.language
            let mails = PersonalDataStore.Mails(
                confirmation: { address, token in
                    EmailConfirmationMail.texts(for: language).message(
                        to: address, name: person.fullName, link: base + Self.confirmPath + "?token=" + token, language: language)
                },
                paymentChange: { address, date, iban in
                    PaymentChangeNotice.texts(for: language).message(to: address, name: person.fullName, at: date, iban: iban, language: language)
                },
                workEmail: person.email
            )
            let outcome = try await store.apply(form, subject: person.subject, mails: mails)
            if let token = outcome.confirmationToken, development {
                context.session[Self.developmentLink] = base + Self.confirmPath + "?token=" + token
            }
            let done = outcome.applied.isEmpty && outcome.confirmationToken == nil ? "unchanged" : "saved"
            return Response(status: .seeOther, headers: [.location: Self.path + "?done=" + done])
        }
        routes.get(Self.confirmPath) { request, context in
            guard let person = relyingParty.person(in: context.session) else { return relyingParty.loginRequired(request, context: context) }
            let token = FormFields(encoded: request.uri.query ?? "")?["token"] ?? ""
            let texts = SelfServiceTexts.texts(for: context.language)
            let confirmed = try await store.confirmEmail(token: token, subject: person.subject)
            let page = Page(title: texts.personalTitle, status: confirmed == nil ? .badRequest : .ok, content: .div(
                ApplicationNavigation.node(current: .personal, texts: texts),
                .h1(.text(texts.personalTitle)),
                .p(.id(confirmed == nil ? "confirmation-invalid" : "email-confirmed"), .class(confirmed == nil ? "form-error" : "notice"),
                   .text(confirmed.map(texts.emailConfirmed) ?? texts.confirmationInvalid)),
                .p(.a(.class("button"), .href(Self.path), .text(texts.personalDataLink)))
            ))
            return relyingParty.response(page, person: person, request: request, context: context)
        }
    }

    private func show(_ form: PersonalDataForm, notice: PersonalDataPage.Notice?, status: HTTPResponse.Status,
                      person: SignedInPerson, request: Request, context: PersoRequestContext) async throws -> Response {
        let developmentLink = context.session[Self.developmentLink]
        if developmentLink != nil { context.session[Self.developmentLink] = nil }
        let view = PersonalDataPage(
            form: form, notice: notice, pendingEmail: try await store.pendingEmail(of: person.subject),
            developmentLink: developmentLink, history: try await store.history(of: person.subject),
            texts: SelfServiceTexts.texts(for: context.language), session: context.session
        )
        var page = view.page
        page.status = status
        return relyingParty.response(page, person: person, request: request, context: context)
    }
}

