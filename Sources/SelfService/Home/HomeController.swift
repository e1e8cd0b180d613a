import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// The home page: who the person is, for which organisation and in which role; managers see that they are.
struct HomeController: Sendable {
    let relyingParty: RelyingParty
    let register: StaffRegister
    let absences: Absences

    func register(on routes: Routes) {
        routes.get(SelfServiceModule.path) { request, context in
            guard let person = relyingParty.person(in: context.session) else { return relyingParty.loginRequired(request, context: context) }
            let member = try await register.member(person.nationalNumber)
            // Managers (and substitutes standing in today) see how many requests wait for them.
            var waiting: Int?
            if let member {
                let team = try await register.team(of: member.nationalNumber)
                let standingIn = try await register.substituted(by: member.nationalNumber, on: absences.today)
                if !team.isEmpty || !standingIn.isEmpty { waiting = try await absences.waiting(for: member).count }
            }
            return relyingParty.response(page(person, waiting: waiting, context: context), person: person, request: request, context: context)
        }
    }

    private func page(_ person: SignedInPerson, waiting: Int?, context: PersoRequestContext) -> Page {
        let texts = SelfServiceTexts.texts(for: context.language)
        let memberships = person.memberships
        let organisations = memberships.map(\.organisation).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let isHROfficer = memberships.contains { $0.role == "hr_officer" }
        let hrTexts = HRTexts.texts(for: context.language)
        return Page(title: texts.name, content: .div(
            ApplicationNavigation.node(current: .home, texts: texts),
            .h1(.id("welcome"), .text(texts.welcome(person.fullName))),
            .if(organisations.isEmpty, .p(.text(texts.noOrganisation)), else: .div(
                .class("card"),
                .forEach(organisations) { code in
                    .dl(
                        .class("facts"),
                        .dt(.text(texts.organisation)),
                        .dd(.class("organisation"), .text(texts.organisationName(code, language: context.language))),
                        .dt(.text(texts.role)),
                        .dd(.class("roles"), .text(memberships.filter { $0.organisation == code }
                            .map { texts.roleNames($0.role) ?? $0.role }.joined(separator: ", ")))
                    )
                }
            )),
            .unwrap(waiting) { count in
                .div(.class("card"), .id("manager-notice"),
                     .h2(.a(.id("team-link"), .href(SelfServicePath.team), .text(texts.teamLink))),
                     .p(.id("waiting-count"), .attribute(named: "data-count", value: String(count)), .text(texts.managerWaiting(count))))
            },
            card("personal-data-link", SelfServicePath.personal, texts.personalDataLink, texts.personalDataLead),
            card("absences-link", SelfServicePath.absences, texts.absencesLink, texts.absencesLead),
            card("telework-home-link", SelfServicePath.telework, hrTexts.teleworkTitle, hrTexts.patternLegend),
            card("interruption-home-link", SelfServicePath.interruption, hrTexts.interruptionTitle, hrTexts.interruptionLead),
            card("payslips-link", SelfServicePath.payslips, texts.payslipsLink, texts.payslipsLead),
            card("file-link", SelfServicePath.file, texts.fileLink, texts.fileLead),
            .if(isHROfficer, card("hr-link", SelfServicePath.hr, texts.hrLink, texts.hrLead)),
            .div(
                .class("card"), .id("account-links"),
                .h2(.text(texts.accountTitle)),
                .p(.text(texts.accountLead)),
                .ul(
                    .li(.a(.id("my-keys-link"), .href(relyingParty.gatewayAccountPage(AccountPages.myKeys)), .text(texts.myKeysLink))),
                    .li(.a(.id("my-activity-link"), .href(relyingParty.gatewayAccountPage(AccountPages.myActivity)), .text(texts.myActivityLink))),
                    .li(.a(.id("my-password-link"), .href(relyingParty.gatewayAccountPage(AccountPages.myPassword)), .text(texts.myPasswordLink)))
                )
            )
        ))
    }

    private func card(_ id: String, _ path: String, _ title: String, _ lead: String) -> Node<HTML.BodyContext> {
        .div(.class("card"), .h2(.a(.id(id), .href(path), .text(title))), .p(.text(lead)))
    }
}
