import FluentKit
import Foundation
import Hummingbird
import PersoCore

/// The person's account area — my digital keys, my activity, my password — as one place: every page of it shows
/// who is logged in with a logout, the area's pages, and the way back to the application the person came from
/// (named by `?from=<client_id>` on the link that brought them, remembered for the session) or the portal.
/// It runs on the area's routes only: each page family registers its routes behind one (`Routes.with(middleware:)`).
struct AccountArea: RouterMiddleware {
    typealias Context = PersoRequestContext
    /// The page of the family this middleware serves, where a form's answer is shown again.
    let page: String
    let clients: ClientRegistry
    let people: PeopleDirectory

    /// The client id of the application the person came from, for the way back.
    static let cameFrom = SessionValue<String>("account.from")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        // A page answering a form of the area is shown again (and switches language) at the area page's address.
        if request.method == .post {
            context.pageAddress = page
        }
        if let from = request.uri.queryParameters["from"].map(String.init), from.count <= 100, try await clients.find(from) != nil {
            context.session[Self.cameFrom] = from
        }
        if let sso = SSOSession.current(in: context.session), let person = try await people.person(sso.personID) {
            let texts = AccountTexts.texts(for: context.language)
            let gateway = GatewayTexts.texts(for: context.language)
            context.account = SignedInAccount(label: texts.signedInAs, name: "\(person.givenName) \(person.surname)",
                                              logoutAction: GatewayPath.logout, logoutLabel: gateway.logout, csrfToken: context.session.csrfToken)
            context.areaNavigation = AreaNavigation(label: texts.areaLabel, links: [
                .init(title: gateway.keysTitle, href: GatewayPath.myKeys),
                .init(title: gateway.activityTitle, href: GatewayPath.myActivity),
                .init(title: AccountTexts.texts(for: context.language).passwordTitle, href: GatewayPath.myPassword),
            ], back: try await back(context: context, texts: texts))
        }
        return try await next(request, context)
    }

    /// Home of the application the person came from (its first post-logout address, where it expects people
    /// back), or the portal.
    private func back(context: PersoRequestContext, texts: AccountTexts) async throws -> AreaNavigation.Link {
        guard let clientID = context.session[Self.cameFrom], let client = try await clients.find(clientID),
              let home = client.postLogoutURIs.first ?? client.redirectURIs.first.flatMap(WebOrigin.init(uri:)).map({ $0.serialised + "/" }) else {
            return .init(title: texts.backToPortal, href: PortalPages.home)
        }
        return .init(title: texts.backTo(client.displayName(in: context.language)), href: home)
    }
}
