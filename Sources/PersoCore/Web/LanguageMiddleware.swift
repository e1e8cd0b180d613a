import Hummingbird

/// Chooses the page language (see `LanguageNegotiation`) and remembers an explicit choice in a cookie.
public struct LanguageMiddleware: RouterMiddleware {
    public typealias Context = PersoRequestContext
    let secureCookies: Bool

    public init(secureCookies: Bool) {
        self.secureCookies = secureCookies
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let asked = request.uri.queryParameters["lang"].flatMap { Language(tag: Substring($0)) }
        context.language = LanguageNegotiation.choose(
            query: asked?.rawValue,
            cookie: request.cookies[LanguageNegotiation.cookieName]?.value,
            acceptLanguage: request.headers[.acceptLanguage]
        )
        if request.method == .get || request.method == .head {
            context.pageAddress = LanguageLink.address(path: request.uri.path, query: request.uri.query)
        }
        var response = try await next(request, context)
        if let asked, asked.rawValue != request.cookies[LanguageNegotiation.cookieName]?.value {
            response.setCookie(Cookie(
                name: LanguageNegotiation.cookieName, value: asked.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                secure: secureCookies, httpOnly: true, sameSite: .lax
            ))
        }
        return response
    }
}
