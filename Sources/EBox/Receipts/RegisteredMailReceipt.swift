import Foundation
import JWTKit

/// What the eBox attests about registered mail: which message, with which contents (digests), to whom, from whom,
/// delivered when and first opened when. Signed as a JWS by `ReceiptKeys`.
struct RegisteredMailReceipt: JWTPayload {
    static let type = "ebox-receipt+jwt"

    let iss: String
    let iat: Int
    let jti: String
    let message_id: String
    let ebox_id: String
    let sender: String
    let recipient: String
    let type: String
    let digests: [String: String]
    let delivered_at: Int
    let opened_at: Int?

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
