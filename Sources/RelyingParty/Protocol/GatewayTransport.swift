import Foundation

/// One HTTP exchange with the gateway. The relying party speaks to the gateway only through this, so an
/// application can run in another process or on another host; tests hand it the in-process product instead of
/// a socket, and the real gateway answers all the same.
public protocol GatewayTransport: Sendable {
    func send(_ request: GatewayRequest) async throws -> GatewayResponse
}

public struct GatewayRequest: Sendable {
    public enum Method: String, Sendable { case get = "GET", post = "POST" }

    public var method: Method
    public var url: URL
    public var headers: [String: String]
    public var body: Data?

    public init(method: Method, url: URL, headers: [String: String] = [:], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct GatewayResponse: Sendable {
    public var status: Int
    public var body: Data

    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}
