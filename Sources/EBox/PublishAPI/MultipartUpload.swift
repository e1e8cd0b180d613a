import Crypto
import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import PersoCore

/// Reads a publish request's multipart body as it arrives, with multipart-kit's streaming parser: the metadata part
/// into memory (it is small), each file part into memory up to one blob chunk (256 KiB) and into a temporary file
/// beyond, while its SHA-256 and size are computed. Every limit is enforced on the way in, so a refused upload stops
/// being read at the first byte too many.
struct MultipartUpload {
    static let maximumPartBytes = 15 * 1024 * 1024
    static let maximumMessageBytes = 50 * 1024 * 1024
    static let maximumAttachments = 6
    static let mainPart = "main"

    /// The main document may be a PDF or plain text; attachments any of these.
    static let mainTypes: Set<String> = ["application/pdf", "text/plain"]
    static let attachmentTypes: Set<String> = [
        "application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv", "application/xml",
        "application/vnd.oasis.opendocument.text", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ]

    let directory: URL

    /// The metadata and the files, main document first. On any refusal the temporary files are already gone.
    func read(_ request: Request) async throws(PublishError) -> (MessageMetadata, [Documents.Upload]) {
        guard let contentType = request.headers[.contentType], let boundary = MultipartBoundary.of(contentType) else { throw .notMultipart }
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > Self.maximumMessageBytes + 64 * 1024 {
            throw .messageTooLarge
        }
        let reader = PartReader(directory: directory)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in reader.header(name, value) }
        parser.onBody = { buffer in reader.body(&buffer) }
        parser.onPartComplete = { reader.complete() }
        do {
            for try await chunk in request.body {
                do { try parser.execute(chunk) } catch { reader.fail(.malformed) }
                if let failure = reader.failure { throw failure }
            }
        } catch let failure as PublishError {
            reader.discard()
            throw failure
        } catch {
            reader.discard()
            throw .malformed
        }
        do {
            return try reader.finish()
        } catch {
            reader.discard()
            throw error
        }
    }
}

/// The parser's callbacks, one part at a time. Not shared between tasks: it lives inside one request.
private final class PartReader {
    let directory: URL
    var failure: PublishError?
    private var headers: [String: String] = [:]
    private var current: Part?
    private var metadata: MessageMetadata?
    private var uploads: [Documents.Upload] = []
    private var seenNames: Set<String> = []
    private var partsSeen = 0
    private var total = 0

    enum Part {
        case metadata(Data)
        case file(FileInProgress)
    }

    /// A file part being received: kept in memory while it fits in one chunk of the blob store (most documents do),
    /// then written to a temporary file in the scratch directory.
    final class FileInProgress {
        let name: String
        let fileName: String
        let mediaType: String
        var memory = Data()
        var spilled: (url: URL, handle: FileHandle)?
        var hasher = SHA256()
        var size = 0
        var head = Data()

        init(name: String, fileName: String, mediaType: String) {
            self.name = name
            self.fileName = fileName
            self.mediaType = mediaType
        }

        func append(_ bytes: [UInt8], directory: URL) throws {
            hasher.update(data: bytes)
            if let spilled {
                try spilled.handle.write(contentsOf: bytes)
                return
            }
            memory.append(contentsOf: bytes)
            guard memory.count > BlobStore.chunkSize else { return }
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let url = directory.appendingPathComponent("upload-" + SecureRandom.token(bytes: 12))
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
            let handle = try FileHandle(forWritingTo: url)
            spilled = (url, handle)
            try handle.write(contentsOf: memory)
            memory = Data()
        }

        /// The content, once the part is complete.
        var content: Documents.Upload.Content {
            if let spilled {
                try? spilled.handle.close()
                return .temporaryFile(spilled.url)
            }
            return .memory(memory)
        }

        func discard() {
            guard let spilled else { return }
            try? spilled.handle.close()
            try? FileManager.default.removeItem(at: spilled.url)
        }
    }

    init(directory: URL) {
        self.directory = directory
    }

    func fail(_ error: PublishError) {
        if failure == nil { failure = error }
    }

    func header(_ name: String, _ value: String) {
        guard failure == nil else { return }
        if headers.count < 16 { headers[name.lowercased()] = value }
    }

    func body(_ buffer: inout ByteBuffer) {
        guard failure == nil else { return }
        if current == nil { start() }
        guard failure == nil, let current else { return }
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        total += bytes.count
        switch current {
        case .metadata(var data):
            data.append(contentsOf: bytes)
            guard data.count <= MessageMetadata.maximumBytes else { return fail(.metadata("The metadata part is larger than 16 KiB.")) }
            self.current = .metadata(data)
        case .file(let file):
            file.size += bytes.count
            guard file.size <= MultipartUpload.maximumPartBytes else { return fail(.partTooLarge(file.name)) }
            guard total <= MultipartUpload.maximumMessageBytes else { return fail(.messageTooLarge) }
            if file.head.count < 8 { file.head.append(contentsOf: bytes.prefix(8 - file.head.count)) }
            do { try file.append(bytes, directory: directory) } catch {
                fail(.unavailable)
            }
        }
    }

    /// The part's headers are complete once its first byte (or its end) arrives.
    private func start() {
        defer { partsSeen += 1 }
        let disposition = Self.disposition(headers["content-disposition"] ?? "")
        guard let name = disposition["name"], disposition["form-data"] != nil || headers["content-disposition"] != nil else {
            return fail(.malformed)
        }
        if name == "metadata" {
            guard partsSeen == 0 else { return fail(.metadata("The metadata part must come first.")) }
            current = .metadata(Data())
            return
        }
        guard let metadata else { return fail(.metadata("The metadata part is missing or does not come first.")) }
        guard MessageMetadata.isPartName(name), !seenNames.contains(name) else {
            return fail(.metadata("Part names must be unique, of 1 to 64 characters among A-Z a-z 0-9 . _ -"))
        }
        seenNames.insert(name)
        let isMain = name == MultipartUpload.mainPart
        if !isMain, seenNames.subtracting([MultipartUpload.mainPart]).count > MultipartUpload.maximumAttachments {
            return fail(.tooManyAttachments)
        }
        guard metadata.digests[name] != nil else { return fail(.missingPart("Part \"\(name)\" has no digest in the metadata.")) }
        let mediaType = (headers["content-type"] ?? "application/octet-stream").split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard (isMain ? MultipartUpload.mainTypes : MultipartUpload.attachmentTypes).contains(mediaType) else {
            return fail(.mediaType(name))
        }
        current = .file(FileInProgress(name: name, fileName: Self.fileName(disposition["filename"], part: name, mediaType: mediaType),
                                       mediaType: mediaType))
    }

    func complete() {
        guard failure == nil else { return }
        if current == nil { start() }
        guard failure == nil, let current else { return }
        self.current = nil
        headers = [:]
        switch current {
        case .metadata(let data):
            do { metadata = try MessageMetadata.parse(data) } catch { fail(error) }
        case .file(let file):
            let digest = SecureRandom.base64URL(file.hasher.finalize())
            guard metadata?.digests[file.name] == digest else {
                file.discard()
                return fail(.digestMismatch(file.name))
            }
            guard Self.contentMatches(file.mediaType, head: file.head) else {
                file.discard()
                return fail(.mediaType(file.name))
            }
            uploads.append(Documents.Upload(part: file.name, fileName: file.fileName, mediaType: file.mediaType, size: file.size,
                                            digest: digest, content: file.content))
        }
    }

    func finish() throws(PublishError) -> (MessageMetadata, [Documents.Upload]) {
        // A part begun and never closed: the body was cut short.
        if let current {
            if case .file(let file) = current { file.discard() }
            self.current = nil
            throw .malformed
        }
        guard partsSeen > 0 else { throw .malformed }
        guard let metadata else { throw .metadata("The metadata part is missing.") }
        guard let main = uploads.first(where: { $0.part == MultipartUpload.mainPart }) else { throw .missingMain }
        let missing = Set(metadata.digests.keys).subtracting(uploads.map(\.part))
        if let part = missing.sorted().first { throw .missingPart("The metadata names a part \"\(part)\" that was not sent.") }
        return (metadata, [main] + uploads.filter { $0.part != MultipartUpload.mainPart })
    }

    /// Removes every temporary file (after a refusal).
    func discard() {
        if case .file(let file) = current { file.discard() }
        current = nil
        for upload in uploads { upload.discard() }
        uploads = []
    }

    /// PDF, PNG and JPEG announce themselves in their first bytes; a file that claims one of them must start so.
    static func contentMatches(_ mediaType: String, head: Data) -> Bool {
        let bytes = [UInt8](head)
        switch mediaType {
        case "application/pdf": return bytes.starts(with: Array("%PDF-".utf8))
        case "image/png": return bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case "image/jpeg": return bytes.starts(with: [0xFF, 0xD8, 0xFF])
        default: return true
        }
    }

    /// `form-data; name="main"; filename="a.pdf"` → ["form-data": "", "name": "main", "filename": "a.pdf"].
    static func disposition(_ value: String) -> [String: String] {
        var fields: [String: String] = [:]
        for field in value.split(separator: ";") {
            let pair = field.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let key = pair.first?.lowercased(), !key.isEmpty else { continue }
            var text = pair.count == 2 ? pair[1] : ""
            if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
            fields[key] = text
        }
        return fields
    }

    /// The name people will download the file under: the sender's, without a path or control characters.
    static func fileName(_ given: String?, part: String, mediaType: String) -> String {
        let last = (given ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.properties.generalCategory != .control && $0 != "\"" }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        if !clean.isEmpty, clean != ".", clean != ".." { return String(clean.prefix(200)) }
        let suffix = switch mediaType {
        case "application/pdf": ".pdf"
        case "image/png": ".png"
        case "image/jpeg": ".jpg"
        case "text/plain": ".txt"
        case "text/csv": ".csv"
        case "application/xml": ".xml"
        case "application/vnd.oasis.opendocument.text": ".odt"
        default: ".docx"
        }
        return part + suffix
    }
}
