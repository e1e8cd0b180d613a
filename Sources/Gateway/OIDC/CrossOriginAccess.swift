import HTTPTypes
import Hummingbird
import PersoCore

/// CORS for the endpoints a browser application calls from its own pages: token, userinfo and revocation answer
/// the origins of registered public clients only (a confidential client's secret never belongs in a browser), and
/// say so with `Vary: Origin` so no cache hands one origin's answer to another. Discovery and the JWKS are public
/// documents and answer every origin.
struct CrossOriginAccess: Sendable {
    let clients: ClientRegistry

    static let publicDocument: HTTPFields = [.accessControlAllowOrigin: "*"]

    /// The headers that let the calling page read this answer; only `Vary` when its origin is not registered.
    func headers(for request: Request) async -> HTTPFields {
        var headers: HTTPFields = [.vary: "Origin"]
        guard let origin = request.headers[.origin], origin.count <= 300,
              let allowed = try? await clients.publicOrigins(), allowed.contains(origin) else { return headers }
        headers[.accessControlAllowOrigin] = origin
        // The bearer challenge tells a page why userinfo refused its token.
        headers[.accessControlExposeHeaders] = "WWW-Authenticate"
        return headers
    }

    /// Answers a preflight (`OPTIONS` with `Access-Control-Request-Method`) for an endpoint taking `methods`.
    func preflight(_ request: Request, methods: [HTTPRequest.Method]) async -> Response {
        var headers = await headers(for: request)
        if headers[.accessControlAllowOrigin] != nil {
            headers[.accessControlAllowMethods] = methods.map(\.rawValue).joined(separator: ", ")
            headers[.accessControlAllowHeaders] = "Authorization, Content-Type"
            headers[.accessControlMaxAge] = "600"
        }
        return Response(status: .noContent, headers: headers)
    }

    /// `response` with the CORS headers of this request added.
    func answer(_ request: Request, _ response: Response) async -> Response {
        var response = response
        for field in await headers(for: request) { response.headers[field.name] = field.value }
        return response
    }
}
