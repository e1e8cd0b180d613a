import Foundation
import HTTPTypes
import Hummingbird
import PersoCore

/// Why the publish API refused a request: a status, a stable code a sender's program can act on, and words for the
/// sender's developers. Nothing internal is ever in the message.
struct PublishError: Error, Sendable {
    let status: HTTPResponse.Status
    let code: String
    let message: String

    static let unauthorized = PublishError(status: .unauthorized, code: "UNAUTHORIZED", message: "A valid bearer access token from the gateway is required.")
    static let insufficientScope = PublishError(status: .forbidden, code: "INSUFFICIENT_SCOPE", message: "The access token lacks the ebox:publish scope.")
    static let unknownSender = PublishError(status: .forbidden, code: "UNKNOWN_SENDER", message: "This client is not registered as an eBox sender.")
    static let notMultipart = PublishError(status: .badRequest, code: "INVALID_REQUEST", message: "Send multipart/form-data with a boundary.")
    static let malformed = PublishError(status: .badRequest, code: "MALFORMED_MULTIPART", message: "The multipart body is truncated or cannot be parsed.")
    static let missingMain = PublishError(status: .badRequest, code: "MISSING_PART", message: "The main document (part \"main\") is missing.")
    static let invalidRecipient = PublishError(status: .badRequest, code: "INVALID_RECIPIENT", message: "The recipient is not a valid national register number.")
    static let noDigitalUser = PublishError(status: .unprocessableContent, code: "NO_DIGITAL_USER", message: "The recipient has not activated an eBox; nothing was stored.")
    static let typeNotAllowed = PublishError(status: .forbidden, code: "MESSAGE_TYPE_NOT_ALLOWED", message: "This sender may not publish messages of this type.")
    static let tooManyAttachments = PublishError(status: .unprocessableContent, code: "TOO_MANY_ATTACHMENTS", message: "At most 6 attachments are allowed besides the main document.")
    static let messageTooLarge = PublishError(status: .contentTooLarge, code: "MESSAGE_TOO_LARGE", message: "The message is larger than 50 MiB.")
    static let reused = PublishError(status: .conflict, code: "MESSAGE_ID_REUSED", message: "This message id was already used for another message.")
    static let notFound = PublishError(status: .notFound, code: "NOT_FOUND", message: "No message of this sender has this id.")
    static let unavailable = PublishError(status: .serviceUnavailable, code: "TEMPORARILY_UNAVAILABLE", message: "The eBox could not handle the request; try again later.")
    static let notRegistered = PublishError(status: .notFound, code: "NOT_REGISTERED_MAIL", message: "Only registered mail has a receipt.")

    static func metadata(_ problem: String) -> PublishError {
        PublishError(status: .badRequest, code: "INVALID_METADATA", message: problem)
    }

    static func missingPart(_ problem: String) -> PublishError {
        PublishError(status: .badRequest, code: "MISSING_PART", message: problem)
    }

    static func digestMismatch(_ part: String) -> PublishError {
        PublishError(status: .unprocessableContent, code: "DIGEST_MISMATCH", message: "The SHA-256 of part \"\(part)\" is not the one in the metadata.")
    }

    static func mediaType(_ part: String) -> PublishError {
        PublishError(status: .unsupportedMediaType, code: "MEDIA_TYPE_NOT_ALLOWED",
                     message: "Part \"\(part)\" has a media type that is not allowed here, or content that does not match its type.")
    }

    static func partTooLarge(_ part: String) -> PublishError {
        PublishError(status: .contentTooLarge, code: "PART_TOO_LARGE", message: "Part \"\(part)\" is larger than 15 MiB.")
    }

    var response: Response {
        var headers: HTTPFields = [:]
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"ebox\"" }
        if code == "INSUFFICIENT_SCOPE" { headers[.wwwAuthenticate] = "Bearer realm=\"ebox\", error=\"insufficient_scope\", scope=\"ebox:publish\"" }
        return JSONResponse.make(status: status, headers: headers, ["code": code, "message": message])
    }
}
