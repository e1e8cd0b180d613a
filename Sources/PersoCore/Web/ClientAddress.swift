import Foundation
import HTTPTypes
import Hummingbird

/// The reverse proxies in front of PersoPoint (`PERSOPOINT_TRUSTED_PROXIES`). Every HTTPS deployment has one, and then
/// the socket's peer is the proxy, the same for everybody: limits per address must count the address the proxy
/// says it forwarded — but only when the peer really is one of ours, or anyone could name any address.
public struct TrustedProxies: Sendable, Equatable {
    public let addresses: Set<String>

    public init(_ addresses: [String]) {
        self.addresses = Set(addresses.compactMap(Self.canonical))
    }

    /// The client: the peer, or, when the peer is a trusted proxy, the right-most address of `X-Forwarded-For` that is
    /// not itself a trusted proxy (the left part of the header is whatever the client wrote, and proves nothing).
    public func clientAddress(peer: String?, forwardedFor: @autoclosure () -> [String]) -> String? {
        guard let peer = peer.flatMap(Self.canonical) else { return nil }
        guard addresses.contains(peer) else { return peer }
        let hops = forwardedFor().flatMap { $0.split(separator: ",") }.map { String($0.trimmingOptionalWhitespace) }
        var client = peer
        for hop in hops.reversed() {
            guard let address = Self.canonical(hop) else { break }  // garbage: stop at the last address we can vouch for
            client = address
            if !addresses.contains(address) { break }
        }
        return client
    }

    /// One spelling per address (`::ffff:10.0.0.1` and `::FFFF:a00:1` are the same client); nil for what is not one.
    public static func canonical(_ text: String) -> String? {
        var v4 = in_addr(), v6 = in6_addr()
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        if inet_pton(AF_INET, text, &v4) == 1, inet_ntop(AF_INET, &v4, &buffer, socklen_t(buffer.count)) != nil {
            return String(cString: buffer)
        }
        if inet_pton(AF_INET6, text, &v6) == 1, inet_ntop(AF_INET6, &v6, &buffer, socklen_t(buffer.count)) != nil {
            return String(cString: buffer)
        }
        return nil
    }
}

/// Puts the client's address (see `TrustedProxies`) in the request context, for limits, the audit log and logs.
public struct ClientAddressMiddleware: RouterMiddleware {
    public typealias Context = PersoRequestContext
    let proxies: TrustedProxies
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    public init(proxies: TrustedProxies) {
        self.proxies = proxies
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Without proxies the peer is the client, already spelt as `canonical` would (the socket address's own text).
        guard !proxies.addresses.isEmpty else { return try await next(request, context) }
        var context = context
        context.clientAddress = proxies.clientAddress(peer: context.remoteAddress?.ipAddress,
                                                      forwardedFor: request.headers[values: Self.forwardedFor])
        return try await next(request, context)
    }
}
