import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// The home page: who the person is, for which organisation and in which role; managers see that they are.
struct HomeController: Sendable {
    let relyingParty: RelyingParty

    func register(on routes: Routes) {
        routes.get(SelfServiceModule.path) { request, context in
            guard let person = relyingParty.person(in: context.session) else { return relyingParty.loginRequired(request, context: context) }
            return relyingParty.response(page(person, context: context), person: person, request: request, context: context)
        }
    }

    private func page(_ person: SignedInPerson, context: PersoRequestContext) -> Page {
        let texts = SelfServiceTexts.texts(for: context.language)
        let memberships = person.memberships
        let organisations = memberships.map(\.organisation).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let isManager = memberships.contains { $0.role == "manager" }
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
            .if(isManager, .p(.id("manager-notice"), .class("notice"), .text(texts.managerNotice))),
            .div(
                .class("card"),
                .h2(.a(.id("personal-data-link"), .href(SelfServiceModule.path + "/personal"), .text(texts.personalDataLink))),
                .p(.text(texts.personalDataLead))
            ),
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
}
