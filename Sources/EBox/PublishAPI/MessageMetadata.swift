import Foundation
import PersoCore

/// The `metadata` part of a publish request: who receives what, and the SHA-256 of every file part.
struct MessageMetadata: Decodable, Sendable {
    let recipient: String
    let messageId: String
    let type: String
    let language: Language
    let subject: String
    let summary: String?
    let registered: Bool
    /// Part name → SHA-256 of its content, base64url without padding.
    let digests: [String: String]

    enum CodingKeys: String, CodingKey { case recipient, messageId, type, language, subject, summary, registered, digests }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        recipient = try container.decode(String.self, forKey: .recipient)
        messageId = try container.decode(String.self, forKey: .messageId)
        type = try container.decode(String.self, forKey: .type)
        language = try container.decode(Language.self, forKey: .language)
        subject = try container.decode(String.self, forKey: .subject)
        summary = try container.decodeIfPresent(String.self, forKey: .summary)
        registered = try container.decodeIfPresent(Bool.self, forKey: .registered) ?? false
        digests = try container.decode([String: String].self, forKey: .digests)
    }

    static let maximumBytes = 16 * 1024

    /// Reads and checks the part; the words of a refusal say which field is wrong.
    static func parse(_ data: Data) throws(PublishError) -> MessageMetadata {
        let metadata: MessageMetadata
        do {
            metadata = try JSONDecoder().decode(MessageMetadata.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw .metadata("The field \"\(key.stringValue)\" is missing.")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw .metadata("The field \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type.")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw .metadata("The field \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has a value that is not allowed.")
        } catch {
            throw .metadata("The metadata part is not a JSON object.")
        }
        try metadata.check()
        return metadata
    }

    private func check() throws(PublishError) {
        guard (1...128).contains(messageId.count), messageId.unicodeScalars.allSatisfy(Self.isIdentifierCharacter) else {
            throw .metadata("messageId must be 1 to 128 characters among A-Z a-z 0-9 . _ : -")
        }
        guard (1...64).contains(type.count), type.unicodeScalars.allSatisfy({ Self.isIdentifierCharacter($0) && $0 != ":" }) else {
            throw .metadata("type must be 1 to 64 characters among A-Z a-z 0-9 . _ -")
        }
        let trimmed = subject.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, subject.count <= 200, !subject.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .metadata("subject must be 1 to 200 characters, without control characters")
        }
        guard (summary?.count ?? 0) <= 2000 else { throw .metadata("summary is limited to 2000 characters") }
        guard !digests.isEmpty, digests.count <= 64 else {
            throw .metadata("digests must name the main document and each attachment")
        }
        for (part, digest) in digests {
            guard Self.isPartName(part) else { throw .metadata("\"\(part)\" is not a valid part name") }
            guard digest.count == 43, digest.unicodeScalars.allSatisfy(Self.isBase64URL) else {
                throw .metadata("the digest of \"\(part)\" must be a SHA-256 in base64url without padding (43 characters)")
            }
        }
    }

    static func isPartName(_ name: String) -> Bool {
        (1...64).contains(name.count) && name.unicodeScalars.allSatisfy { isIdentifierCharacter($0) && $0 != ":" }
    }

    private static func isIdentifierCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", ".", "_", ":", "-": true
        default: false
        }
    }

    private static func isBase64URL(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "-", "_": true
        default: false
        }
    }
}
