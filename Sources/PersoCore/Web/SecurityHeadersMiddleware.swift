import HTTPTypes
import Hummingbird

/// Headers every response carries. The CSP (`ContentSecurityPolicy.site`) allows no inline script or style and no
/// framing (clickjacking); a page that widened its `form-action` itself keeps its own.
public struct SecurityHeadersMiddleware: RouterMiddleware {
    public typealias Context = PersoRequestContext
    let strictTransportSecurity: Bool

    static let contentSecurityPolicy = ContentSecurityPolicy.site.headerValue
    // Made once: a name made from text is checked character by character each time.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let openerPolicy = HTTPField.Name("Cross-Origin-Opener-Policy")!
    static let permissionsPolicy = HTTPField.Name("Permissions-Policy")!
    static let requestID = HTTPField.Name("X-Request-Id")!

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
        response.headers[Self.referrerPolicy] = "no-referrer"
        response.headers[Self.frameOptions] = "DENY"
        response.headers[Self.openerPolicy] = "same-origin"
        response.headers[Self.permissionsPolicy] = "camera=(), microphone=(), geolocation=()"
        response.headers[Self.requestID] = context.requestID
        if strictTransportSecurity {
            response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains"
        }
        return response
    }
}
