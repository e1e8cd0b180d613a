import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import RelyingParty

/// The relying party's HTTP to the gateway, answered by the product under test through HummingbirdTesting's
/// router client: no socket, but the real gateway code answers every request, as it would over the network.
final class InProcessGateway: GatewayTransport, Sendable {
    private let client = NIOLockedValueBox<(any TestClientProtocol)?>(nil)
    private let sent = NIOLockedValueBox<[String]>([])

    /// Called at the start of `test(.router)`, once the client exists.
    func connect(_ client: any TestClientProtocol) {
        self.client.withLockedValue { $0 = client }
    }

    /// The paths the relying party asked, in order.
    var requests: [String] { sent.withLockedValue { $0 } }

    func send(_ request: GatewayRequest) async throws -> GatewayResponse {
        guard let client = client.withLockedValue({ $0 }) else { throw GatewayUnavailable() }
        var uri = request.url.path
        if let query = request.url.query { uri += "?" + query }
        sent.withLockedValue { $0.append(request.url.path) }
        var headers = HTTPFields()
        for (name, value) in request.headers { if let name = HTTPField.Name(name) { headers[name] = value } }
        let response = try await client.executeRequest(
            uri: uri, method: request.method == .get ? .get : .post, headers: headers,
            body: request.body.map { ByteBuffer(bytes: $0) }
        )
        return GatewayResponse(status: Int(response.status.code), body: Data(buffer: response.body))
    }
}
