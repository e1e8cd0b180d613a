import HTTPTypes
import Hummingbird

/// Headers every response carries. The CSP (`ContentSecurityPolicy.site`) allows no inline script or style and no
/// framing (clickjacking); a page that widened its `form-action` itself keeps its own.
public struct SecurityHeadersMiddleware: RouterMiddleware {
    public typealias Context = PersoRequestContext
    let strictTransportSecurity: Bool

    /// Made once: a name made from text is checked character by character, and a value legalised byte by byte, each
    /// time one is made — on every response, for fields that never change.
    static let contentSecurityPolicy = HTTPField(name: .contentSecurityPolicy, value: ContentSecurityPolicy.site.headerValue)
    static let fixed = [
        HTTPField(name: .xContentTypeOptions, value: "nosniff"),
        HTTPField(name: HTTPField.Name("Referrer-Policy")!, value: "no-referrer"),
        HTTPField(name: HTTPField.Name("X-Frame-Options")!, value: "DENY"),
        HTTPField(name: HTTPField.Name("Cross-Origin-Opener-Policy")!, value: "same-origin"),
        HTTPField(name: HTTPField.Name("Permissions-Policy")!, value: "camera=(), microphone=(), geolocation=()"),
    ]
    static let strictTransportSecurityField = HTTPField(name: .strictTransportSecurity, value: "max-age=31536000; includeSubDomains")
    static let requestID = HTTPField.Name("X-Request-Id")!

    /// HSTS only when the public URL is HTTPS: sending it over plain HTTP is meaningless and breaks local use.
    public init(strictTransportSecurity: Bool) {
        self.strictTransportSecurity = strictTransportSecurity
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if !response.headers.contains(.contentSecurityPolicy) {
            response.headers.append(Self.contentSecurityPolicy)
        }
        // A page may have set one of these itself (the same value: `Referrer-Policy` on the registration office's
        // pages); it is not sent twice.
        for field in Self.fixed where !response.headers.contains(field.name) {
            response.headers.append(field)
        }
        response.headers.append(HTTPField(name: Self.requestID, value: context.requestID))
        if strictTransportSecurity {
            response.headers.append(Self.strictTransportSecurityField)
        }
        return response
    }
}
