import Foundation
import Gateway
import Hummingbird
import PersoCore

/// The person at home with the letter and the e-mail: the link opens the page, the code from the paper proves the
/// letter is theirs, then they choose a username and password and their keys are activated. No login: this is how
/// people without eID or itsme get their first key.
struct ActivationController: Sendable {
    let activations: Activations
    let authority: RegistrationAuthority

    func register(on routes: Routes) {
        routes.get(OfficePath.activateRoute) { _, context in
            let link = context.parameters.get("token") ?? ""
            switch try await activations.usable(link: link) {
            case .failure(let gone): return ActivationPage.gone(gone, context: context)
            case .success(let activation):
                return try await form(activation, link: link, username: "", error: nil, status: .ok, context: context)
            }
        }
        routes.post(OfficePath.activateRoute) { request, context in
            let link = context.parameters.get("token") ?? ""
            switch try await activations.usable(link: link) {
            case .failure(let gone): return ActivationPage.gone(gone, context: context)
            case .success(let activation): return try await activate(activation, link: link, request: request, context: context)
            }
        }
    }

    private func activate(_ activation: Activation, link: String, request: Request, context: PersoRequestContext) async throws -> Response {
        let texts = OfficeTexts.texts(for: context.language).activation
        let fields = context.form
        let username = String((fields?["username"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let wait = try await authority.addressWait(context.clientAddress)
        if wait > 0.5 {
            return try await form(activation, link: link, username: username, error: texts.wait(Int(wait.rounded(.up))), status: .tooManyRequests, context: context)
        }
        if let left = try await activations.check(code: String((fields?["code"] ?? "").prefix(64)), link: link, activation: activation) {
            try await authority.recordFailedGuess(from: context.clientAddress)
            await authority.record(.activationRefused, personID: activation.personID, success: false, by: nil, request: request, context: context)
            guard left > 0 else { return ActivationPage.gone(.blocked, context: context) }
            return try await form(activation, link: link, username: username, error: texts.wrongCode(left), status: .unprocessableContent, context: context)
        }
        let password = String((fields?["password"] ?? "").prefix(1024))
        guard password == fields?["password_again"] ?? "" else {
            return try await form(activation, link: link, username: username, error: texts.passwordsDiffer, status: .unprocessableContent, context: context)
        }
        guard let person = try await authority.person(activation.personID) else { throw PersoError.notFound }
        if let refusal = try await authority.setPassword(password, username: username, for: activation.personID, language: context.language) {
            return try await form(activation, link: link, username: username, error: refusal, status: .unprocessableContent, context: context)
        }
        // The password is the person's now; the letter is spent by whichever submission gets here first.
        guard try await activations.use(activation) else { return ActivationPage.gone(.used, context: context) }
        await authority.record(.passwordCreated, personID: activation.personID, key: .password, by: nil, request: request, context: context)
        var issued: [(KeyProfile, IssuedKey)] = []
        for key in activation.keys {
            guard let profile = authority.enrollableKeys.first(where: { $0.identifier == key }) else { continue }
            issued.append((profile, try await authority.issue(key, to: activation.personID)))
            await authority.record(.keyActivated, personID: activation.personID, key: key, by: nil, request: request, context: context)
        }
        await authority.record(.activationUsed, personID: activation.personID, by: nil, request: request, context: context)
        return ActivatedPage(person: person, username: username.lowercased(), issued: issued, texts: OfficeTexts.texts(for: context.language))
            .response(context: context)
    }

    private func form(_ activation: Activation, link: String, username: String, error: String?, status: HTTPResponse.Status,
                      context: PersoRequestContext) async throws -> Response {
        guard let person = try await authority.person(activation.personID) else { throw PersoError.notFound }
        let keys = activation.keys.compactMap { key in authority.enrollableKeys.first { $0.identifier == key } }
        return ActivationPage(person: person, office: activation.office, keys: keys, link: link, username: username, error: error,
                              texts: OfficeTexts.texts(for: context.language)).response(status: status, context: context)
    }
}
