import Hummingbird
import PersoCore
import Plot

/// PersoContact's entry: asks "I work for BOSA / for another federal public service" once and remembers the
/// answer in a long-lived cookie, so the next visit goes straight on (with a way to change it). The page itself needs
/// no login; asking, "my cases" and the queue do.
struct ContactEntryController: Sendable {
    static let employerCookie = "persopoint_contact_employer"
    let secureCookies: Bool
    let cache = RenderedPageCache()

    init(secureCookies: Bool) {
        self.secureCookies = secureCookies
    }

    func register(on routes: Routes) {
        routes.get(ContactPath.home) { request, context in
            let remembered = request.cookies[Self.employerCookie].flatMap { Employer(rawValue: $0.value) }
            return entry(remembered: remembered, context: context)
        }
        routes.post(ContactPath.employer) { _, context in
            let choice = context.form?["organisation"]
            var response = Response(status: .seeOther, headers: [.location: ContactPath.home])
            if choice == Self.askAgain {
                response.setCookie(cookie(value: "", maxAge: 0))
            } else if let employer = choice.flatMap(Employer.init(rawValue:)) {
                response.setCookie(cookie(value: employer.rawValue, maxAge: 365 * 24 * 3600))
            } else {
                throw PersoError.badRequest
            }
            return response
        }
    }

    /// The "change" button's value: forget the answer and ask the question again.
    static let askAgain = "ask-again"

    private func cookie(value: String, maxAge: Int) -> Cookie {
        Cookie(name: Self.employerCookie, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }

    /// Rendered once per language and answer, the visitor's form token put in each time (`RenderedPageCache`).
    private func entry(remembered: Employer?, context: PersoRequestContext) -> Response {
        cache.response(for: "contact-entry-\(remembered?.rawValue ?? "ask")", chrome: context.chrome, formToken: context.session.csrfToken) { token in
            page(remembered: remembered, token: token, language: context.language)
        }
    }

    private func page(remembered: Employer?, token: String, language: Language) -> Page {
        let texts = ContactTexts.texts(for: language)
        let content: Node<HTML.BodyContext>
        if let remembered {
            content = .div(
                .h1(.text(texts.name)),
                .p(.id("contact-choice"), .class("card"), .text(texts.choiceSentence(remembered))),
                .p(.class("lead"), .text(texts.entryLead)),
                .ul(.id("contact-actions"), .class("tiles"),
                    .li(.class("tile"), .a(.id("start-question"), .href(ContactPath.ask), .strong(.text(texts.askTitle)), .p(.text(texts.askHint)))),
                    .li(.class("tile"), .a(.id("my-cases"), .href(ContactPath.cases), .strong(.text(texts.myCasesTitle)), .p(.text(texts.myCasesHint)))),
                    .li(.class("tile"), .a(.id("case-queue"), .href(ContactPath.queue), .strong(.text(texts.queueTitle)), .p(.text(texts.queueHint))))),
                .form(
                    .method(.post), .action(ContactPath.employer),
                    .csrfField(token: token),
                    .button(.id("contact-change"), .class("secondary"), .type(.submit), .name("organisation"),
                            .value(Self.askAgain),
                            .text(texts.change))
                )
            )
        } else {
            content = .div(
                .h1(.text(texts.question)),
                .p(.class("lead"), .text(texts.lead)),
                .form(
                    .method(.post), .action(ContactPath.employer),
                    .csrfField(token: token),
                    .div(
                        .class("choices"),
                        .button(.type(.submit), .name("organisation"), .value(Employer.bosa.rawValue), .text(texts.bosa)),
                        .button(.type(.submit), .name("organisation"), .value(Employer.other.rawValue), .text(texts.otherService))
                    )
                )
            )
        }
        return Page(title: texts.name, content: content)
    }
}
