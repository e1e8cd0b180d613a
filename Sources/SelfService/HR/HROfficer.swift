import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// Who may use the HR area: a person the gateway says is `hr_officer` of one or more organisations, for those only.
struct HROfficer: Sendable {
    let person: SignedInPerson
    let organisations: [String]
    /// Their own record, to sign decisions and runs with; HR officers are staff too.
    let member: StaffMember?

    var actor: (nationalNumber: String, name: String) { (person.nationalNumber ?? person.subject, person.fullName) }

    /// The officer, or a 403 page for anyone else (a login first for a visitor).
    static func serve(_ request: Request, _ context: PersoRequestContext, relyingParty: RelyingParty, register: StaffRegister,
                      _ work: (HROfficer) async throws -> Response) async throws -> Response {
        guard let person = relyingParty.person(in: context.session) else { return relyingParty.loginRequired(request, context: context) }
        let organisations = person.memberships.filter { $0.role == "hr_officer" }.map(\.organisation)
        guard !organisations.isEmpty else {
            let texts = HRTexts.texts(for: context.language)
            let page = Page(title: texts.hrTitle, status: .forbidden, content: .div(
                ApplicationNavigation.node(current: .hr, texts: SelfServiceTexts.texts(for: context.language)),
                .h1(.text(texts.hrTitle)),
                .p(.id("not-hr-officer"), .class("form-error"), .text(texts.notHROfficer))
            ))
            return relyingParty.response(page, person: person, request: request, context: context)
        }
        return try await work(HROfficer(person: person, organisations: organisations, member: try await register.member(person.nationalNumber)))
    }
}
