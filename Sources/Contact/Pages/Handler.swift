import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// A visitor who handles cases: the desks the gateway gives them the `case_handler` role in.
struct Handler: Sendable {
    let visitor: Visitor
    let desks: [String]

    /// The desk asked for, if the handler works there; their first desk otherwise.
    func desk(_ asked: String?) -> String {
        asked.flatMap { desks.contains($0) ? $0 : nil } ?? desks[0]
    }

    /// Runs `page` for a handler; a logged-in person without the role gets "forbidden", anyone else the login.
    static func handle(_ relyingParty: RelyingParty, _ request: Request, _ context: PersoRequestContext,
                       _ page: (Handler) async throws -> Response) async throws -> Response {
        try await Visitor.handle(relyingParty, request, context) { visitor in
            let desks = visitor.handledDesks
            guard !desks.isEmpty else {
                let texts = ContactTexts.texts(for: context.language)
                let page = Page(title: texts.queueTitle, status: .forbidden, content: .div(
                    .h1(.text(texts.queueTitle)),
                    .p(.id("not-a-handler"), .class("form-error"), .text(texts.notAHandler))
                ))
                return relyingParty.response(page, person: visitor.person, request: request, context: context)
            }
            return try await page(Handler(visitor: visitor, desks: desks))
        }
    }
}
