import Crypto
import Foundation

/// A file a person or a handler attached, read from the form and checked: an allowed type whose content really is
/// of that type, within the size limits.
public struct IncomingFile: Sendable {
    public let fileName: String
    public let mediaType: String
    public let data: Data
    public let sha256: String

    public init(fileName: String, mediaType: String, data: Data) {
        self.fileName = fileName
        self.mediaType = mediaType
        self.data = data
        sha256 = SecureRandom.hex(SHA256.hash(data: data))
    }

    public static let maximumBytes = 10 * 1024 * 1024
    public static let maximumCount = 5
    public static let maximumTotalBytes = 20 * 1024 * 1024

    /// What attachments may be: documents and photos of documents, never anything a browser would run.
    public static let documents: Set<String> = ["application/pdf", "image/png", "image/jpeg", "text/plain"]

    /// The type the content proves, from the name's extension and the first bytes; nil when they disagree or the
    /// type is not allowed. What the browser declared is not asked: it only repeats the extension.
    public static func mediaType(fileName: String, content: Data) -> String? {
        let name = fileName.lowercased()
        let byName: String? = switch (name as NSString).pathExtension {
        case "pdf": "application/pdf"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "txt": "text/plain"
        case "csv": "text/csv"
        default: nil
        }
        guard let type = byName else { return nil }
        let bytes = content.prefix(8)
        switch type {
        case "application/pdf": return bytes.starts(with: Array("%PDF-".utf8)) ? type : nil
        case "image/png": return bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? type : nil
        case "image/jpeg": return bytes.starts(with: [0xFF, 0xD8, 0xFF]) ? type : nil
        default: return String(data: content, encoding: .utf8) != nil ? type : nil
        }
    }

    /// The name as shown and sent back: no path, no control characters, at most 120 characters.
    public static func cleanName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? raw
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\u{7F}" && $0 != "\"" }.map(Character.init))
        return String(clean.prefix(120))
    }
}
