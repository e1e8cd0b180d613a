import Crypto
import Foundation
import PersoCore

/// Publishes a document into a person's eBox through the eBox's publish API, as any outside sender would: client
/// credentials at the gateway (scope `ebox:publish`), then one multipart request. The applications never read the
/// eBox's tables.
public struct EBoxPublisher: Sendable {
    let relyingParty: RelyingParty
    /// The publish endpoint: `{public URL}/ebox/api/v1/messages`.
    let endpoint: URL

    public static let scope = "ebox:publish"

    public init(relyingParty: RelyingParty, publicURL base: String) {
        self.relyingParty = relyingParty
        endpoint = URL(string: base + "/ebox/api/v1/messages")!
    }

    public enum Outcome: Sendable, Equatable {
        /// In the eBox; its id there.
        case delivered(documentID: String)
        /// The person has not activated an eBox: nothing was stored there.
        case noEBox
        /// The eBox or the gateway could not take it now; nothing was stored there.
        case unavailable
    }

    /// One document: its file and what the eBox shows of it.
    public struct Document: Sendable {
        public let fileName: String
        public let mediaType: String
        public let data: Data
        /// The eBox's message type, one the sender is registered for.
        public let type: String
        public let subject: String
        public let language: Language
        /// A registered document asks the person to acknowledge it, and the sender gets a signed receipt.
        public let registered: Bool

        public init(fileName: String, mediaType: String, data: Data, type: String, subject: String, language: Language, registered: Bool = false) {
            self.fileName = fileName
            self.mediaType = mediaType
            self.data = data
            self.type = type
            self.subject = subject
            self.language = language
            self.registered = registered
        }
    }

    /// `messageID` makes a retry safe: the eBox keeps one document per sender and message id. A caller publishing
    /// many documents passes the token it got once (`token()`), rather than asking the gateway for each.
    public func publish(_ document: Document, to nationalNumber: String, messageID: String, token: String? = nil) async -> Outcome {
        let accessToken: String
        if let token { accessToken = token } else {
            do { accessToken = try await self.token() } catch { return .unavailable }
        }
        let metadata: [String: Any] = [
            "recipient": nationalNumber, "messageId": messageID, "type": document.type, "language": document.language.rawValue,
            "subject": String(document.subject.prefix(200)), "registered": document.registered,
            "digests": ["main": SecureRandom.base64URL(SHA256.hash(data: document.data))],
        ]
        guard let metadataJSON = try? JSONSerialization.data(withJSONObject: metadata) else { return .unavailable }
        let boundary = "persopoint-" + SecureRandom.token(bytes: 12)
        var body = Data()
        func part(_ headers: String, _ content: Data) {
            body.append(Data("--\(boundary)\r\n\(headers)\r\n\r\n".utf8))
            body.append(content)
            body.append(Data("\r\n".utf8))
        }
        part("Content-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json", metadataJSON)
        let quotedName = document.fileName.replacingOccurrences(of: "\"", with: "_")
        part("Content-Disposition: form-data; name=\"main\"; filename=\"\(quotedName)\"\r\nContent-Type: \(document.mediaType)", document.data)
        body.append(Data("--\(boundary)--\r\n".utf8))
        let request = GatewayRequest(method: .post, url: endpoint, headers: [
            "Content-Type": "multipart/form-data; boundary=\(boundary)", "Authorization": "Bearer \(accessToken)", "Accept": "application/json",
        ], body: body)
        guard let response = try? await relyingParty.send(request) else { return .unavailable }
        let answer = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        switch response.status {
        case 200, 201:
            guard let id = answer?["id"] as? String else { return .unavailable }
            return .delivered(documentID: id)
        case 422 where answer?["code"] as? String == "NO_DIGITAL_USER":
            return .noEBox
        default:
            return .unavailable
        }
    }

    /// An access token for publishing, from the gateway (client credentials).
    public func token() async throws(LoginRefusal) -> String { try await relyingParty.serviceToken(scope: Self.scope) }
}
