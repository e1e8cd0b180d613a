import HTTPTypes
import Hummingbird

/// Gives each request its session and writes it back afterwards, setting or clearing the cookie as needed.
public struct SessionMiddleware: RouterMiddleware {
    public typealias Context = PersoRequestContext
    let store: SessionStore

    /// Requests the page makes by itself (timers, polling) send this header; they must not count as activity.
    public static let backgroundHeader = HTTPField.Name("X-PersoPoint-Background")!

    public init(store: SessionStore) {
        self.store = store
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var loaded: (record: SessionRecord, values: [String: String])?
        if let cookie = request.cookies[store.policy.cookieName] {
            loaded = try await store.load(token: cookie.value)
        }
        let preLogin = request.cookies[store.policy.preLoginCookieName]
        var sealed: PreLoginCookie.Content?
        if loaded == nil, let preLogin {
            sealed = try await store.open(preLogin: preLogin.value)
        }
        let activity = request.headers[Self.backgroundHeader] == nil
        let session = Session(values: loaded?.values ?? sealed?.values ?? [:], storedKey: loaded?.record.id, sealed: sealed != nil,
                              deadlines: loaded.map { store.deadlines(of: $0.record, activity: activity) })
        context.session = session

        // Errors are pages too (the error middleware sits outside); the session still has to be written.
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            _ = try await store.save(session, loaded: loaded?.record, sealed: sealed, activity: activity)
            throw error
        }
        switch try await store.save(session, loaded: loaded?.record, sealed: sealed, activity: activity) {
        case .none:
            // A stale pre-login cookie beside a live stored session is dropped.
            if loaded != nil, preLogin != nil { response.setCookie(cookie(store.policy.preLoginCookieName, value: "", maxAge: 0)) }
        case .set(let token):
            response.setCookie(cookie(store.policy.cookieName, value: token, maxAge: nil))
            if preLogin != nil { response.setCookie(cookie(store.policy.preLoginCookieName, value: "", maxAge: 0)) }
        case .clear:
            response.setCookie(cookie(store.policy.cookieName, value: "", maxAge: 0))
            if preLogin != nil { response.setCookie(cookie(store.policy.preLoginCookieName, value: "", maxAge: 0)) }
        case .sealed(let text):
            response.setCookie(cookie(store.policy.preLoginCookieName, value: text, maxAge: nil))
        }
        return response
    }

    // A browser-session cookie (no Max-Age): closing the browser forgets it; the server limits still apply.
    private func cookie(_ name: String, value: String, maxAge: Int?) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge, path: "/",
            secure: store.policy.secureCookies, httpOnly: true, sameSite: .lax
        )
    }
}
