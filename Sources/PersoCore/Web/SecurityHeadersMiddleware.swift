import HTTPTypes
import Hummingbird

/// Headers every response carries. The CSP (`ContentSecurityPolicy.site`) allows no inline script or style and no
/// framing (clickjacking); a page that widened its `form-action` itself keeps its own.
public struct SecurityHeadersMiddleware: RouterMiddleware {
    public typealias Context = PersoRequestContext
    let strictTransportSecurity: Bool

    static let contentSecurityPolicy = ContentSecurityPolicy.site.headerValue

    /// HSTS only when the public URL is HTTPS: sending it over plain HTTP is meaningless and breaks local use.
    public init(strictTransportSecurity: Bool) {
        self.strictTransportSecurity = strictTransportSecurity
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
        response.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        response.headers[HTTPField.Name("X-Request-Id")!] = context.requestID
        if strictTransportSecurity {
            response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains"
        }
        return response
    }
}
