import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import X509

/// Sends OCSP requests over HTTP POST (RFC 6960 §A.1). A responder that cannot be reached, or answers anything but
/// 200, is a *terminal* error under hard-fail: swift-certificates otherwise lets the certificate through when the
/// network fails, even in hard mode.
struct OCSPOverHTTP: OCSPRequester {
    /// Asks this responder instead of the one the certificate names.
    let override: URL?
    let hardFail: Bool
    static let timeout: TimeInterval = 5

    func query(request: [UInt8], uri: String) async -> OCSPRequesterQueryResult {
        guard let url = override ?? URL(string: uri), ["http", "https"].contains(url.scheme ?? "") else {
            return failure(OCSPUnavailable(reason: "unusable responder address \(uri)"))
        }
        var post = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: Self.timeout)
        post.httpMethod = "POST"
        post.setValue("application/ocsp-request", forHTTPHeaderField: "Content-Type")
        post.setValue("application/ocsp-response", forHTTPHeaderField: "Accept")
        post.httpBody = Data(request)
        do {
            let (body, response) = try await URLSession.shared.data(for: post)
            guard let status = (response as? HTTPURLResponse)?.statusCode, status == 200, !body.isEmpty else {
                return failure(OCSPUnavailable(reason: "responder \(url.absoluteString) answered HTTP \((response as? HTTPURLResponse)?.statusCode ?? 0)"))
            }
            return .response(Array(body))
        } catch {
            return failure(OCSPUnavailable(reason: "responder \(url.absoluteString) unreachable: \(error.localizedDescription)"))
        }
    }

    private func failure(_ error: OCSPUnavailable) -> OCSPRequesterQueryResult {
        hardFail ? .terminalError(error) : .nonTerminalError(error)
    }
}

struct OCSPUnavailable: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}
