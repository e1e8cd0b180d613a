import Foundation
import Hummingbird
import Logging
import Messaging
import PersoCore
import RelyingParty

/// The computer's half of the enrolment (steps 1 to 4). The contract is signed by logging in through the gateway
/// with the eID at Level500, as any relying party would: the service never sees the card, only the gateway's ID
/// token with the national number, and records the signature with that login's `sid`.
struct EnrolmentController: Sendable {
    let enrolments: Enrolments
    let relyingParty: RelyingParty
    let appURL: String
    let clock: @Sendable () -> Date

    /// Signing asks for a fresh eID login: an older single sign-on, even with the card, is not a signature.
    static let signature = StepUp(level: .level500, maxAge: 0)
    /// How long after that login the signature may be recorded (the person is back from the gateway within seconds).
    static let signatureWindow: TimeInterval = 10 * 60

    func register(on routes: Routes) {
        RelyingPartyRoutes(relyingParty: relyingParty).register(on: routes)
        routes.get(MobileIDPath.enrol) { _, context in
            pages(context).getApp(appURL: appURL)
        }
        routes.get(MobileIDPath.enrolDetails) { _, context in
            let draft = context.session[EnrolmentDraft.key] ?? EnrolmentDraft(country: CountryCode.be.rawValue, number: "", email: "", phone: "")
            return pages(context).details(draft)
        }
        routes.post(MobileIDPath.enrolDetails) { _, context in
            let texts = EnrolmentTexts.texts(for: context.language)
            func field(_ name: String, _ limit: Int) -> String {
                String((context.form?[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(limit))
            }
            let country = CountryCode(rawValue: field("country", 4)) ?? .be
            var draft = EnrolmentDraft(country: country.rawValue, number: field("phone", 30), email: field("email", 254), phone: "")
            var errors: [String: String] = [:]
            if let phone = PhoneNumber(draft.number, country: country) { draft.phone = phone.e164 } else { errors["phone"] = texts.phoneInvalid }
            if !MailAddress.isPlausible(draft.email) { errors["email"] = texts.emailInvalid }
            guard errors.isEmpty else { return pages(context).details(draft, errors: errors) }
            context.session[EnrolmentDraft.key] = draft
            return seeOther(MobileIDPath.enrolContract)
        }
        routes.get(MobileIDPath.enrolContract) { _, context in
            guard context.session[EnrolmentDraft.key] != nil else { return pages(context).sessionLost() }
            return pages(context).contract(refused: false)
        }
        routes.post(MobileIDPath.enrolContract) { _, context in
            guard context.session[EnrolmentDraft.key] != nil else { return pages(context).sessionLost() }
            return await relyingParty.stepUp(Self.signature, returnTo: MobileIDPath.enrolToken, context: context)
        }
        routes.get(MobileIDPath.enrolToken) { _, context in
            try await token(context)
        }
    }

    private func pages(_ context: PersoRequestContext) -> EnrolmentPages {
        EnrolmentPages(texts: .texts(for: context.language), context: context)
    }

    /// Back from the gateway: the signature is recorded once, then the page shows the same token on every reload
    /// until the phone has used it.
    private func token(_ context: PersoRequestContext) async throws -> Response {
        guard var draft = context.session[EnrolmentDraft.key], let phone = PhoneNumber(draft.phone) else { return pages(context).sessionLost() }
        if let id = draft.enrolmentID, let token = draft.token {
            guard let enrolment = try await enrolments.enrolment(id) else { return pages(context).tokenGone(taken: false) }
            if enrolment.tokenUsedAt != nil || enrolment.completedAt != nil { return pages(context).tokenGone(taken: true) }
            guard enrolment.awaitsToken(at: clock()) else { return pages(context).tokenGone(taken: false) }
            return pages(context).token(token, validUntil: enrolment.tokenExpiresAt)
        }
        let now = clock()
        guard let person = relyingParty.person(in: context.session), person.level >= .level500,
              now.timeIntervalSince(person.provenAt) <= Self.signatureWindow, let nationalNumber = person.nationalNumber else {
            return pages(context).contract(refused: true)
        }
        let (enrolment, token) = try await enrolments.begin(Enrolments.Signature(
            nationalNumber: nationalNumber, givenName: person.givenName, surname: person.familyName, language: context.language,
            phone: phone, email: draft.email, contractVersion: Contract.version, contractSHA256: Contract.sha256(context.language),
            loginSID: person.sid
        ))
        draft.enrolmentID = try enrolment.requireID()
        draft.token = token
        context.session[EnrolmentDraft.key] = draft
        return pages(context).token(token, validUntil: enrolment.tokenExpiresAt)
    }
}
