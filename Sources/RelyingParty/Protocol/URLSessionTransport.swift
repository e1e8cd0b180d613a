import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Real HTTP to the gateway with Foundation's URLSession (libcurl on Linux). Chosen over async-http-client, which
/// is not a dependency and would add minutes to every clean build, and over a hand-made NIO client, which would
/// need TLS wiring of its own: a relying party makes a handful of requests per login, so URLSession's cost is
/// irrelevant and it brings HTTPS, proxies and timeouts for free.
public struct URLSessionTransport: GatewayTransport {
    let session: URLSession

    public init(timeout: TimeInterval = 10) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    public func send(_ request: GatewayRequest) async throws -> GatewayResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        urlRequest.httpBody = request.body
        let (data, response) = try await session.data(for: urlRequest)
        guard let http = response as? HTTPURLResponse else { throw GatewayUnavailable() }
        // Nothing the gateway legitimately answers is this large; a bigger answer is not worth reading.
        guard data.count <= 512 * 1024 else { throw GatewayUnavailable() }
        return GatewayResponse(status: http.statusCode, body: data)
    }
}

/// The gateway could not be reached or answered something that is not HTTP.
public struct GatewayUnavailable: Error {
    public init() {}
}
