import Foundation
import Gateway
import Hummingbird
import PersoCore

/// The registration officer behind a back-office request: logged in at the gateway with eID or itsme (Level450 or
/// more), holding the `registration_officer` role, and on the staff of the office they are working for.
struct Officer: Sendable {
    let personID: UUID
    let name: String
    let office: Office
    /// Every office the officer works at, for the switch.
    let offices: [Office]
    let administrator: Bool

    /// How audit lines name this officer.
    var performer: PerformedBy {
        .office(code: office.code, name: office.name, officer: personID)
    }

    static let minimumLevel = LevelOfAssurance.level450
    /// The office the officer last worked for in this session.
    static let currentOffice = SessionValue<String>("office.current")
}

/// Finds the officer, or the answer for a visitor who is not one (yet): a login, a stronger login, or "not for you".
struct OfficerGate: Sendable {
    let authority: RegistrationAuthority
    let offices: Offices

    enum Outcome {
        case officer(Officer)
        case refused(Response)
    }

    /// Runs `body` for an officer (an administrator of the office, with `administrators`); anyone else gets the login,
    /// the stronger login or the refusal. After a login a page comes back with its query (the agenda's day, the person
    /// searched); a form's answer is shown, and switches language, at `formPage`.
    func serve(_ request: Request, _ context: PersoRequestContext, formPage: String, administrators: Bool = false,
               _ body: (Officer, PersoRequestContext) async throws -> Response) async throws -> Response {
        var context = context
        // Path and query only: a request line in absolute form must not make the way back another host's address.
        let back = request.method == .get ? request.uri.path + (request.uri.query.map { "?" + $0 } ?? "") : formPage
        switch try await officer(request, context: &context, here: back) {
        case .refused(let response): return response
        case .officer(let officer):
            guard officer.administrator || !administrators else { return NotAnOfficerPage.response(context: context, administrators: true) }
            if request.method == .post { context.pageAddress = formPage }
            return try await body(officer, context)
        }
    }

    /// `here` is where the login brings the officer back.
    private func officer(_ request: Request, context: inout PersoRequestContext, here: String) async throws -> Outcome {
        guard let signedIn = authority.signedIn(context.session), signedIn.level >= Officer.minimumLevel else {
            // No login, or one with a key too weak for the back-office: eID or itsme first.
            return .refused(authority.logIn(toReach: here, level: Officer.minimumLevel, session: context.session))
        }
        let roles = try await authority.roles(of: signedIn.personID)
        let workplaces = try await offices.workplaces(of: signedIn.personID)
        guard roles.contains(where: { $0.role == .registrationOfficer }), !workplaces.isEmpty,
              let person = try await authority.person(signedIn.personID) else {
            return .refused(NotAnOfficerPage.response(context: context))
        }
        let asked = request.uri.queryParameters["office"].map(String.init) ?? context.form?["office"] ?? context.session[Officer.currentOffice]
        let chosen = workplaces.first { $0.office.code == asked } ?? workplaces[0]
        context.session[Officer.currentOffice] = chosen.office.code
        let name = "\(person.givenName) \(person.surname)"
        let texts = OfficeTexts.texts(for: context.language)
        context.account = SignedInAccount(label: texts.desk.signedInAs, name: name, logoutAction: RegistrationAuthority.logoutPath,
                                          logoutLabel: texts.desk.logout, csrfToken: context.session.csrfToken)
        return .officer(Officer(personID: signedIn.personID, name: name, office: chosen.office, offices: workplaces.map(\.office),
                                administrator: chosen.administrator))
    }
}
