import Foundation
import Hummingbird
import PersoCore
import RelyingParty

/// The senders' API: publish a message, follow its status, fetch the receipt of registered mail. Senders log in to
/// the gateway with client credentials and present the access token; the token's client must be a registered sender.
struct PublishController: Sendable {
    let tokens: AccessTokenVerifier
    let senders: Senders
    let mailboxes: Mailboxes
    let documents: Documents
    let receipts: ReceiptKeys
    let upload: MultipartUpload
    let issuer: String
    let clock: @Sendable () -> Date

    static let base = EBoxPart.path + "/api/v1/messages"
    static let scope = "ebox:publish"

    func register(on routes: Routes) {
        routes.with(.uploadProtocol).post(Self.base) { request, context in
            await answer(context) { try await publish(request) }
        }
        routes.get(Self.base + "/:messageId") { request, context in
            await answer(context) {
                let sender = try await authenticate(request)
                guard let document = try await documents.message(context.parameters.get("messageId") ?? "", of: sender) else { throw PublishError.notFound }
                return try await JSONResponse.make(encoding: status(of: document))
            }
        }
        routes.get(Self.base + "/:messageId/receipt") { request, context in
            await answer(context) {
                let sender = try await authenticate(request)
                guard let document = try await documents.message(context.parameters.get("messageId") ?? "", of: sender) else { throw PublishError.notFound }
                guard document.registered else { throw PublishError.notRegistered }
                return JSONResponse.make(status: .ok, ["receipt": try await receipt(for: document, sender: sender)])
            }
        }
        routes.get(EBoxPart.path + "/api/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8", .cacheControl: "public, max-age=300"],
                     body: .init(byteBuffer: ByteBuffer(string: PublishAPIDescription.yaml)))
        }
        routes.get(EBoxPart.path + "/.well-known/jwks.json") { _, _ in
            let keys = try await receipts.current()
            return JSONResponse.make(status: .ok, headers: [.cacheControl: "public, max-age=300"], keys.jwks)
        }
    }

    /// A refusal is the API's JSON error. A failure of ours (the database unreachable, a full disk) is logged with the
    /// request id and answered 503, which a sender retries: publishing is idempotent on the message id.
    private func answer(_ context: PersoRequestContext, _ body: () async throws -> Response) async -> Response {
        do {
            return try await body()
        } catch let refusal as PublishError {
            return refusal.response
        } catch {
            context.logger.error("ebox API request failed", metadata: ["error": "\(String(reflecting: error))", "request_id": "\(context.requestID)"])
            return PublishError.unavailable.response
        }
    }

    private func authenticate(_ request: Request) async throws(PublishError) -> SenderProfile {
        guard let authorization = request.headers[.authorization], authorization.count > 7,
              authorization.prefix(7).lowercased() == "bearer ", let bearer = await tokens.verify(String(authorization.dropFirst(7))) else {
            throw .unauthorized
        }
        guard bearer.scopes.contains(Self.scope) else { throw .insufficientScope }
        let sender: SenderProfile?
        do { sender = try await senders.sender(clientID: bearer.clientID) } catch { throw .unavailable }
        guard let sender else { throw .unknownSender }
        return sender
    }

    private func publish(_ request: Request) async throws -> Response {
        let sender = try await authenticate(request)
        let (metadata, uploads) = try await upload.read(request)
        defer { for upload in uploads { upload.discard() } }
        guard let number = try? NationalRegisterNumber(metadata.recipient) else { throw PublishError.invalidRecipient }
        guard let days = sender.types[metadata.type] else { throw PublishError.typeNotAllowed }
        guard let mailbox = try await mailboxes.mailbox(of: number.digits) else { throw PublishError.noDigitalUser }
        switch try await documents.publish(metadata, uploads: uploads, sender: sender, to: mailbox, keptFor: days) {
        case .created(let document):
            // Everything the answer says is known here: no need to read it back.
            let files = uploads.map { MessageStatus.File(part: $0.part, fileName: $0.fileName, mediaType: $0.mediaType, size: $0.size, sha256: $0.digest) }
            let status = MessageStatus(document: document, files: files, recipient: mailbox.nationalNumber,
                                       notice: (document.noticeKey == nil ? "digest" : "pending", nil))
            return JSONResponse.make(status: .created, encoding: status, headers: [.location: Self.base + "/" + document.messageID])
        case .alreadyDelivered(let document):
            return JSONResponse.make(encoding: try await status(of: document), headers: [.location: Self.base + "/" + document.messageID])
        case .conflict:
            throw PublishError.reused
        }
    }

    private func status(of document: EBoxDocument) async throws -> MessageStatus {
        let files = try await documents.files(of: document)
            .map { MessageStatus.File(part: $0.part, fileName: $0.fileName, mediaType: $0.mediaType, size: $0.size, sha256: $0.digest) }
        return MessageStatus(document: document, files: files, recipient: try await documents.mailbox(of: document)?.nationalNumber ?? "",
                             notice: try await documents.noticeDelivery(of: document))
    }

    private func receipt(for document: EBoxDocument, sender: SenderProfile) async throws -> String {
        let files = try await documents.files(of: document)
        let recipient = try await documents.mailbox(of: document)?.nationalNumber ?? ""
        let receipt = RegisteredMailReceipt(
            iss: issuer, iat: Int(clock().timeIntervalSince1970), jti: SecureRandom.token(bytes: 12),
            message_id: document.messageID, ebox_id: try document.requireID().uuidString.lowercased(), sender: sender.code, recipient: recipient,
            type: document.type, digests: Dictionary(uniqueKeysWithValues: files.map { ($0.part, $0.digest) }),
            delivered_at: Int(document.deliveredAt.timeIntervalSince1970), opened_at: document.readAt.map { Int($0.timeIntervalSince1970) }
        )
        return try await receipts.sign(receipt)
    }
}
