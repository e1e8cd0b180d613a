import Foundation
import Hummingbird
import PersoCore
import RelyingParty

/// The desk's saved answers, kept by its handlers.
struct TemplatesController: Sendable {
    let relyingParty: RelyingParty
    let templates: AnswerTemplates

    func register(on routes: Routes) {
        routes.get(ContactPath.templates) { request, context in
            try await Handler.handle(relyingParty, request, context) { handler in
                let desk = handler.desk(FormFields(encoded: request.uri.query ?? "")?["desk"])
                return try await page(desk: desk, draft: .init(), problems: [], handler: handler, request: request, context: context)
            }
        }
        routes.post(ContactPath.templates) { request, context in
            try await Handler.handle(relyingParty, request, context) { handler in
                let desk = handler.desk(context.form?["desk"])
                var draft = AnswerTemplates.Draft()
                draft.title = (context.form?["title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                draft.topic = context.form?["topic"].flatMap(Topic.init(rawValue:))
                var problems: Set<String> = []
                if draft.title.isEmpty || draft.title.count > 100 { problems.insert("title") }
                for language in Language.allCases {
                    let body = (context.form?["body_\(language.rawValue)"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                    draft.bodies[language] = body
                    if body.isEmpty || body.count > QuestionForm.bodyLimit { problems.insert(language.rawValue) }
                }
                guard problems.isEmpty else {
                    var context = context
                    context.pageAddress = ContactPath.templates
                    return try await page(desk: desk, draft: draft, problems: problems, handler: handler, request: request, context: context)
                }
                try await templates.add(draft, desk: desk, by: handler.visitor.person.fullName)
                return seeOther(ContactPath.templates + "?desk=" + desk)
            }
        }
        routes.post(ContactPath.templates + "/:id/delete") { request, context in
            try await Handler.handle(relyingParty, request, context) { handler in
                let desk = handler.desk(context.form?["desk"])
                guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw PersoError.notFound }
                try await templates.delete(id, desk: desk)
                return seeOther(ContactPath.templates + "?desk=" + desk)
            }
        }
    }

    private func page(desk: String, draft: AnswerTemplates.Draft, problems: Set<String>, handler: Handler, request: Request,
                      context: PersoRequestContext) async throws -> Response {
        let view = TemplatesPage(desk: desk, templates: try await templates.list(desk: desk), draft: draft, problems: problems,
                                 texts: ContactTexts.texts(for: context.language), token: context.session.csrfToken)
        return relyingParty.response(view.page, person: handler.visitor.person, request: request, context: context)
    }
}
