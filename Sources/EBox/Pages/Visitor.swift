import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// Who is asking for an eBox page: a person logged in through the gateway, known by their national register number.
struct Visitor: Sendable {
    let person: SignedInPerson
    let nationalNumber: String

    enum Resolution {
        case visitor(Visitor)
        case answered(Response)
    }

    /// The visitor, or the answer for everyone else: the gateway's login, or a page saying the number is missing.
    static func resolve(_ relyingParty: RelyingParty, request: Request, context: PersoRequestContext) -> Resolution {
        let identification = relyingParty.identify(request, context: context) {
            let texts = EBoxTexts.texts(for: context.language)
            return Page(title: texts.name, content: .div(
                .h1(.text(texts.name)),
                .p(.id("no-national-number"), .class("form-error"), .text(texts.noNationalNumber))
            ))
        }
        switch identification {
        case .answered(let response): return .answered(response)
        case .person(let person, let number): return .visitor(Visitor(person: person, nationalNumber: number.digits))
        }
    }

    /// Runs `page` for a visitor; everyone else gets the answer `resolve` gives them.
    static func handle(_ relyingParty: RelyingParty, _ request: Request, _ context: PersoRequestContext,
                       _ page: (Visitor) async throws -> Response) async throws -> Response {
        switch resolve(relyingParty, request: request, context: context) {
        case .answered(let response): return response
        case .visitor(let visitor): return try await page(visitor)
        }
    }
}
