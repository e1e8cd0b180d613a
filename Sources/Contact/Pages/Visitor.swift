import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// Who is asking for a PersoContact page: a person logged in through the gateway, known by their national register
/// number (the desk keeps cases under it, and the eBox delivers to it), with the desks they handle cases for.
struct Visitor: Sendable {
    let person: SignedInPerson
    let nationalNumber: String

    var actor: Actor { Actor(nationalNumber: nationalNumber, name: person.fullName) }

    /// The desks (organisations) where the gateway says this person is a case handler.
    var handledDesks: [String] {
        var seen = Set<String>()
        return person.memberships.filter { $0.role == "case_handler" && seen.insert($0.organisation).inserted }.map(\.organisation)
    }

    /// Runs `page` for a visitor; everyone else gets the gateway's login or the page saying the number is missing.
    static func handle(_ relyingParty: RelyingParty, _ request: Request, _ context: PersoRequestContext,
                       _ page: (Visitor) async throws -> Response) async throws -> Response {
        let identification = relyingParty.identify(request, context: context) {
            let texts = ContactTexts.texts(for: context.language)
            return Page(title: texts.name, content: .div(.h1(.text(texts.name)), .p(.id("no-national-number"), .class("form-error"), .text(texts.noNationalNumber))))
        }
        switch identification {
        case .answered(let response): return response
        case .person(let person, let number): return try await page(Visitor(person: person, nationalNumber: number.digits))
        }
    }
}
