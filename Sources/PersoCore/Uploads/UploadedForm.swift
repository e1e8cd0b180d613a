import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A browser form with files (`multipart/form-data`), read as it arrives with multipart-kit's parser. The CSRF token
/// is a field of the body, checked here before anything is kept; every limit is enforced on the way in, so a form
/// over a limit stops being read at the first byte too many.
public struct UploadedForm: Sendable {
    public let fields: [String: String]
    /// The files of each file input, by its name.
    public let filesByField: [String: [IncomingFile]]
    /// Why the files were refused (too many, too large, a type we do not take): the fields are still all read, so the
    /// page comes back with everything typed, and no file is kept.
    public let fileProblem: Problem?

    public enum Problem: Error, Sendable, Equatable {
        /// Not multipart, truncated, or more fields than any of our forms has.
        case malformed
        case forgery
        case tooManyFiles
        case fileTooLarge(String)
        case tooLargeInTotal
        /// A type we do not take, or content that is not what its name says.
        case notAllowed(String)
    }

    static let maximumFieldBytes = 64 * 1024
    static let maximumFields = 40

    /// The files of the `attachments` input.
    public var files: [IncomingFile] { filesByField["attachments"] ?? [] }

    /// Reads the body; files come from the parts named in `fileFields` that carry a file name (an empty file input
    /// sends a part without content, which is skipped).
    /// `accepting` is the media types the form takes (see `IncomingFile.mediaType`).
    public static func read(_ request: Request, context: PersoRequestContext, fileFields: Set<String> = ["attachments"],
                            accepting: Set<String> = IncomingFile.documents) async throws(Problem) -> UploadedForm {
        guard let contentType = request.headers[.contentType], let boundary = MultipartBoundary.of(contentType) else { throw .malformed }
        if let declared = request.headers[.contentLength].flatMap(Int.init),
           declared > IncomingFile.maximumTotalBytes + maximumFields * maximumFieldBytes {
            throw .tooLargeInTotal
        }
        let reader = Reader(fileFields: fileFields, accepting: accepting)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in reader.header(name, value) }
        parser.onBody = { buffer in reader.body(&buffer) }
        parser.onPartComplete = { reader.complete() }
        // The close delimiter must arrive: without it, a body cut short would lose its last file without a word.
        let close = Array("--\(boundary)--".utf8)
        var tail: [UInt8] = []
        do {
            for try await chunk in request.body {
                do { try parser.execute(chunk) } catch { reader.fail(.malformed) }
                if let failure = reader.failure { throw failure }
                tail = Array((tail + chunk.readableBytesView.suffix(close.count + 64)).suffix(close.count + 64))
            }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw .malformed
        }
        guard reader.finished, tail.firstRange(of: close) != nil else { throw .malformed }
        guard CSRFMiddleware.accepts(reader.fields[CSRFMiddleware.fieldName], in: context.session) else {
            context.logger.notice("CSRF token missing or wrong in an upload", metadata: ["path": "\(request.uri.path)"])
            throw .forgery
        }
        return UploadedForm(fields: reader.fields, filesByField: reader.fileProblem == nil ? reader.files : [:], fileProblem: reader.fileProblem)
    }
}

/// The parser's callbacks, one part at a time; it lives inside one request.
private final class Reader {
    let fileFields: Set<String>
    let accepting: Set<String>
    var failure: UploadedForm.Problem?
    var fileProblem: UploadedForm.Problem?
    var fields: [String: String] = [:]
    var files: [String: [IncomingFile]] = [:]
    var finished = false
    private var headers: [String: String] = [:]
    private var content = Data()
    private var partCount = 0
    private var total = 0

    init(fileFields: Set<String>, accepting: Set<String>) {
        self.fileFields = fileFields
        self.accepting = accepting
    }

    func fail(_ problem: UploadedForm.Problem) {
        if failure == nil { failure = problem }
    }

    func refuseFiles(_ problem: UploadedForm.Problem) {
        if fileProblem == nil { fileProblem = problem }
        files = [:]
    }

    func header(_ name: String, _ value: String) {
        headers[name.lowercased()] = value
    }

    /// The part's name and file name, read once from its headers (which are complete when its body starts).
    private var parsedDisposition: (name: String?, fileName: String?)?

    private var disposition: (name: String?, fileName: String?) {
        if let parsedDisposition { return parsedDisposition }
        var name: String?
        var fileName: String?
        for item in (headers["content-disposition"] ?? "").split(separator: ";").dropFirst() {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            switch pair[0].lowercased() {
            case "name": name = value
            case "filename": fileName = value
            default: break
            }
        }
        parsedDisposition = (name, fileName)
        return (name, fileName)
    }

    private var isFile: Bool { disposition.name.map(fileFields.contains) == true && disposition.fileName != nil }

    func body(_ buffer: inout ByteBuffer) {
        guard failure == nil else { return }
        let bytes = buffer.readableBytes
        total += bytes
        guard total <= IncomingFile.maximumTotalBytes + UploadedForm.maximumFields * UploadedForm.maximumFieldBytes else {
            return fail(.tooLargeInTotal)
        }
        if isFile {
            // Once the files are refused, the rest of them is read past (to reach the fields after) but not kept.
            guard fileProblem == nil else { return buffer.moveReaderIndex(forwardBy: bytes) }
            guard content.count + bytes <= IncomingFile.maximumBytes else {
                content = Data()
                buffer.moveReaderIndex(forwardBy: bytes)
                return refuseFiles(.fileTooLarge(IncomingFile.cleanName(disposition.fileName ?? "")))
            }
        } else if content.count + bytes > UploadedForm.maximumFieldBytes {
            return fail(.malformed)
        }
        buffer.withUnsafeReadableBytes { content.append(contentsOf: $0) }
        buffer.moveReaderIndex(forwardBy: bytes)
    }

    func complete() {
        defer {
            headers = [:]
            content = Data()
            parsedDisposition = nil
        }
        guard failure == nil else { return }
        partCount += 1
        guard partCount <= UploadedForm.maximumFields + IncomingFile.maximumCount else { return fail(.malformed) }
        let (name, fileName) = disposition
        guard let name else { return fail(.malformed) }
        if fileFields.contains(name), let fileName {
            // An empty file input still sends its part, without a name or a byte.
            guard !fileName.isEmpty || !content.isEmpty, fileProblem == nil else { return }
            let clean = IncomingFile.cleanName(fileName)
            guard files.values.joined().count < IncomingFile.maximumCount else { return refuseFiles(.tooManyFiles) }
            guard !clean.isEmpty, !content.isEmpty,
                  let type = IncomingFile.mediaType(fileName: clean, content: content), accepting.contains(type) else {
                return refuseFiles(.notAllowed(clean))
            }
            files[name, default: []].append(IncomingFile(fileName: clean, mediaType: type, data: content))
            if files.values.joined().reduce(0, { $0 + $1.data.count }) > IncomingFile.maximumTotalBytes { refuseFiles(.tooLargeInTotal) }
        } else {
            guard let text = String(data: content, encoding: .utf8) else { return fail(.malformed) }
            fields[name] = text
        }
        finished = true
    }
}
