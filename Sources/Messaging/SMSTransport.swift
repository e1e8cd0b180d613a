import Foundation
import PersoCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where the delivery worker hands a text message over.
protocol SMSTransport: Sendable {
    /// Recorded on each delivered message: "sms-gateway", or "dev" for `/dev/sms`.
    var name: String { get }
    /// `reference` is the outbox message's id: a gateway that sees it twice (a retry after a lost answer) sends once.
    func deliver(to: String, text: String, reference: String) async throws
}

/// An SMS gateway reached over HTTP, the contract any provider's adapter can meet in a few lines (README, "Text
/// messages"): `POST` the gateway URL with `Authorization: Bearer <token>` and the JSON
/// `{"from": "8836", "to": "+32470123456", "text": "…", "reference": "<uuid>"}`; any 2xx means accepted, a 4xx is
/// final (the message is not retried), anything else or no answer is tried again later.
struct HTTPSMSGateway: SMSTransport {
    let url: URL
    let token: String?
    let sender: String
    var name: String { "sms-gateway" }

    func deliver(to: String, text: String, reference: String) async throws {
        var request = URLRequest(url: url, timeoutInterval: 20)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let token { request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization") }
        request.httpBody = try JSONSerialization.data(withJSONObject: ["from": sender, "to": to, "text": text, "reference": reference],
                                                      options: [.sortedKeys])
        let (body, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard (200..<300).contains(status) else {
            throw SMSGatewayError(status: status, answer: String(decoding: body.prefix(300), as: UTF8.self))
        }
    }
}

struct SMSGatewayError: Error, CustomStringConvertible {
    let status: Int
    let answer: String

    /// A 4xx says the message itself is refused (a bad number): trying again cannot help.
    var isPermanent: Bool { (400..<500).contains(status) && status != 408 && status != 429 }

    var description: String { "SMS gateway answered \(status): \(answer)" }
}

/// Development mode without a gateway: the outbox row is the delivered message, shown at `/dev/sms`.
struct DevelopmentSMSBox: SMSTransport {
    var name: String { "dev" }

    func deliver(to: String, text: String, reference: String) async throws {}
}
