import Crypto
import Foundation
import PersoCore
import RelyingParty

/// Publishes an answer's document into the employee's eBox through the eBox's publish API, as any outside sender
/// would: client credentials at the gateway (scope `ebox:publish`), then one multipart request. PersoContact never
/// reads the eBox's tables.
struct EBoxDelivery: Sendable {
    let relyingParty: RelyingParty
    /// The publish endpoint: `{public URL}/ebox/api/v1/messages`.
    let endpoint: URL

    static let messageType = "hr_answer"
    static let scope = "ebox:publish"

    enum Outcome: Sendable, Equatable {
        /// In the eBox; its id there, which the case links to.
        case delivered(documentID: String)
        /// The employee has not activated an eBox: the document stays a download of the case.
        case noEBox
        /// The eBox or the gateway could not take it now; nothing was stored there.
        case unavailable
    }

    /// `messageID` makes a retry safe: the eBox keeps one document per sender and message id.
    func publish(_ file: IncomingFile, to nationalNumber: String, subject: String, language: Language, messageID: String) async -> Outcome {
        let token: String
        do { token = try await relyingParty.serviceToken(scope: Self.scope) } catch { return .unavailable }
        let metadata: [String: Any] = [
            "recipient": nationalNumber, "messageId": messageID, "type": Self.messageType, "language": language.rawValue,
            "subject": String(subject.prefix(200)), "registered": false,
            "digests": ["main": SecureRandom.base64URL(SHA256.hash(data: file.data))],
        ]
        guard let metadataJSON = try? JSONSerialization.data(withJSONObject: metadata) else { return .unavailable }
        let boundary = "persocontact-" + SecureRandom.token(bytes: 12)
        var body = Data()
        func part(_ headers: String, _ content: Data) {
            body.append(Data("--\(boundary)\r\n\(headers)\r\n\r\n".utf8))
            body.append(content)
            body.append(Data("\r\n".utf8))
        }
        part("Content-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json", metadataJSON)
        let quotedName = file.fileName.replacingOccurrences(of: "\"", with: "_")
        part("Content-Disposition: form-data; name=\"main\"; filename=\"\(quotedName)\"\r\nContent-Type: \(file.mediaType)", file.data)
        body.append(Data("--\(boundary)--\r\n".utf8))
        let request = GatewayRequest(method: .post, url: endpoint, headers: [
            "Content-Type": "multipart/form-data; boundary=\(boundary)", "Authorization": "Bearer \(token)", "Accept": "application/json",
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
}
