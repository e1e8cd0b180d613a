import Foundation
import Hummingbird
import PersoCore
import RelyingParty

/// Asking a question: the topic, then its form. The case goes to the desk of the organisation chosen on the entry
/// page (BOSA's, or the person's own federal service's), to the next handler on duty for the topic.
struct AskController: Sendable {
    let relyingParty: RelyingParty
    let cases: Cases

    func register(on routes: Routes) {
        routes.get(ContactPath.ask) { request, context in
            try await Visitor.handle(relyingParty, request, context) { visitor in
                let desk: String
                switch route(request, visitor: visitor, context: context) {
                case .answered(let response): return response
                case .desk(let found): desk = found
                }
                let view = TopicChoicePage(desk: desk, texts: ContactTexts.texts(for: context.language))
                return relyingParty.response(view.page, person: visitor.person, request: request, context: context)
            }
        }
        routes.get(ContactPath.askTopicRoute) { request, context in
            try await atDesk(request, context) { visitor, desk, topic in
                form(QuestionForm(), topic: topic, desk: desk, visitor: visitor, request: request, context: context)
            }
        }
        routes.with(.uploadPages).post(ContactPath.sendRoute) { request, context in
            try await atDesk(request, context) { visitor, desk, topic in
                var context = context
                context.pageAddress = ContactPath.ask(topic)
                let upload = try await CaseController.read(request, context)
                let question = QuestionForm(upload, topic: topic)
                // A file over a limit or of a type we do not take: the form again with the reason and all that was typed.
                guard question.problems.isEmpty, upload.fileProblem == nil else {
                    return form(question, topic: topic, desk: desk, visitor: visitor, request: request, context: context)
                }
                let opened = try await cases.open(Cases.Question(
                    desk: desk, topic: topic, requester: visitor.actor, email: visitor.person.email, language: context.language,
                    subject: question.subject, fields: question.fields, body: question.body, files: upload.files
                ))
                return seeOther(ContactPath.item(opened.idString) + "?done=asked")
            }
        }
    }

    enum Routing {
        case desk(String)
        case answered(Response)
    }

    /// Runs `body` for a visitor with a desk to ask, on the topic of the address.
    private func atDesk(_ request: Request, _ context: PersoRequestContext,
                        _ body: (Visitor, String, Topic) async throws -> Response) async throws -> Response {
        try await Visitor.handle(relyingParty, request, context) { visitor in
            guard let topic = context.parameters.get("topic").flatMap(Topic.init(rawValue:)) else { throw PersoError.notFound }
            switch route(request, visitor: visitor, context: context) {
            case .answered(let response): return response
            case .desk(let desk): return try await body(visitor, desk, topic)
            }
        }
    }

    /// The desk from the entry page's answer; without an answer, the entry page first.
    private func route(_ request: Request, visitor: Visitor, context: PersoRequestContext) -> Routing {
        guard let employer = request.cookies[ContactEntryController.employerCookie].flatMap({ Employer(rawValue: $0.value) }) else {
            return .answered(seeOther(ContactPath.home))
        }
        guard let desk = employer.desk(memberships: visitor.person.memberships) else {
            let texts = ContactTexts.texts(for: context.language)
            let page = Page(title: texts.askTitle, status: .unprocessableContent, content: .div(
                .h1(.text(texts.askTitle)),
                .p(.id("no-desk"), .class("form-error"), .text(texts.noOtherService)),
                .p(.a(.class("button secondary"), .href(ContactPath.home), .text(texts.change)))
            ))
            return .answered(relyingParty.response(page, person: visitor.person, request: request, context: context))
        }
        return .desk(desk)
    }

    private func form(_ form: QuestionForm, topic: Topic, desk: String, visitor: Visitor, request: Request, context: PersoRequestContext) -> Response {
        let view = AskPage(topic: topic, desk: desk, form: form, texts: ContactTexts.texts(for: context.language), token: context.session.csrfToken)
        return relyingParty.response(view.page, person: visitor.person, request: request, context: context)
    }
}
