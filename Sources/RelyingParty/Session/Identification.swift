import Hummingbird
import PersoCore

/// Who asks for a page of an application that keeps things under the national register number (the eBox, the HR
/// desk): the signed-in person with the number the gateway gave (scope `egovnrn`), or the answer for everyone else.
public enum Identification {
    case person(SignedInPerson, nationalNumber: NationalRegisterNumber)
    /// Not logged in: the gateway's login. Logged in without a number: `withoutNumber`, refused (403).
    case answered(Response)
}

extension RelyingParty {
    public func identify(_ request: Request, context: PersoRequestContext, withoutNumber: () -> Page) -> Identification {
        guard let person = person(in: context.session) else { return .answered(loginRequired(request, context: context)) }
        guard let number = person.nationalNumber.flatMap({ try? NationalRegisterNumber($0) }) else {
            var page = withoutNumber()
            page.status = .forbidden
            return .answered(response(page, person: person, request: request, context: context))
        }
        return .person(person, nationalNumber: number)
    }
}
