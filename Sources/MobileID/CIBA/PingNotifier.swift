import Foundation
import Logging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Ping mode (CIBA Core §10.2): once the person answered, the client's notification endpoint is told which request
/// to collect, with the bearer token the client gave for it. Sent once, beside the phone's answer (which does not
/// wait for it); a client that misses it still collects by polling.
struct PingNotifier: Sendable {
    let logger: Logger

    func notify(endpoint: String, token: String, authReqID: String) {
        guard let url = URL(string: endpoint), url.scheme == "https" || url.scheme == "http" else { return }
        var request = URLRequest(url: url, timeoutInterval: 10)
        request.httpMethod = "POST"
        request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = try? JSONSerialization.data(withJSONObject: ["auth_req_id": authReqID])
        let logger = logger
        Task.detached {
            do {
                let (_, response) = try await URLSession.shared.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if !(200..<300).contains(status) {
                    logger.warning("mobileid ping refused by the client", metadata: ["status": "\(status)", "endpoint": "\(endpoint)"])
                }
            } catch {
                logger.warning("mobileid ping not delivered", metadata: ["error": "\(error)", "endpoint": "\(endpoint)"])
            }
        }
    }
}
