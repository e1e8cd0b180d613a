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
    let timeout: TimeInterval

    public init(timeout: TimeInterval = 10) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
        self.timeout = timeout
    }

    /// swift-corelibs-foundation's URLSession may never finish a request answered 401 with `WWW-Authenticate`
    /// (swift-corelibs-foundation#5456: a token endpoint refusing a stale client secret), whatever its timeouts, and
    /// ignores cancellation then; the person's request must still end, with the gateway-unavailable page.
    public func send(_ request: GatewayRequest) async throws -> GatewayResponse {
        let answer = OnceAnswer<GatewayResponse>()
        return try await withCheckedThrowingContinuation { continuation in
            answer.set(continuation)
            let exchange = Task {
                do { answer.resume(with: .success(try await self.exchange(request))) } catch { answer.resume(with: .failure(error)) }
            }
            let deadline = Task {
                try await Task.sleep(for: .seconds(timeout + 1))
                exchange.cancel()
                answer.resume(with: .failure(GatewayUnavailable()))
            }
            answer.onResume { deadline.cancel() }
        }
    }

    private func exchange(_ request: GatewayRequest) async throws -> GatewayResponse {
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

/// The first of two racing outcomes, delivered once.
private final class OnceAnswer<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value, any Error>?
    private var done = false
    private var cleanUp: (@Sendable () -> Void)?

    func set(_ continuation: CheckedContinuation<Value, any Error>) {
        lock.withLock { self.continuation = continuation }
    }

    func onResume(_ action: @escaping @Sendable () -> Void) {
        let runNow = lock.withLock { () -> Bool in
            if done { return true }
            cleanUp = action
            return false
        }
        if runNow { action() }
    }

    func resume(with result: Result<Value, any Error>) {
        let (continuation, cleanUp) = lock.withLock { () -> (CheckedContinuation<Value, any Error>?, (@Sendable () -> Void)?) in
            guard !done else { return (nil, nil) }
            done = true
            defer { self.continuation = nil; self.cleanUp = nil }
            return (self.continuation, self.cleanUp)
        }
        continuation?.resume(with: result)
        cleanUp?()
    }
}
