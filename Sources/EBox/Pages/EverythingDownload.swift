import Foundation
import Hummingbird
import NIOCore
import PersoCore
import RelyingParty
import ZIPFoundation

/// "Download everything": one ZIP with every document's files, one folder per document. It is built in a temporary
/// file (each content copied from the database chunk by chunk) and sent from there, so memory stays flat however
/// large the mailbox.
struct EverythingDownload: Sendable {
    let relyingParty: RelyingParty
    let mailboxes: Mailboxes
    let documents: Documents
    let directory: URL

    static let path = EBoxPart.path + "/download-all"

    func register(on routes: Routes) {
        routes.get(Self.path) { request, context in
            try await Visitor.handle(relyingParty, request, context) { visitor in
                guard let mailbox = try await mailboxes.mailbox(of: visitor.nationalNumber) else { return ActivationController.redirect(EBoxPart.path) }
                let zip = try await build(try await documents.everything(in: mailbox))
                let size = (try? FileManager.default.attributesOfItem(atPath: zip.path)[.size] as? Int) ?? nil
                let day = BelgianTime.day(relyingParty.now).split(separator: "/").reversed().joined(separator: "-")
                return Response(status: .ok, headers: [
                    .contentType: "application/zip",
                    .contentDisposition: DocumentController.attachment("ebox-\(day).zip"),
                    .cacheControl: "private, no-store",
                ], body: ResponseBody(contentLength: size) { writer in
                    defer { try? FileManager.default.removeItem(at: zip) }
                    let handle = try FileHandle(forReadingFrom: zip)
                    defer { try? handle.close() }
                    while let data = try handle.read(upToCount: BlobStore.chunkSize), !data.isEmpty {
                        try await writer.write(ByteBuffer(bytes: data))
                    }
                    try await writer.finish(nil)
                })
            }
        }
    }

    private func build(_ everything: [(EBoxDocument, [DocumentFile])]) async throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let zip = directory.appendingPathComponent("everything-" + SecureRandom.token(bytes: 12) + ".zip")
        let content = directory.appendingPathComponent("entry-" + SecureRandom.token(bytes: 12))
        defer { try? FileManager.default.removeItem(at: content) }
        do {
            let archive = try Archive(url: zip, accessMode: .create)
            for (document, files) in everything {
                let folder = Self.folderName(document)
                for file in files {
                    FileManager.default.createFile(atPath: content.path, contents: nil)
                    let handle = try FileHandle(forWritingTo: content)
                    try await documents.blobs.read(digest: file.digest) { try handle.write(contentsOf: $0) }
                    try handle.close()
                    try archive.addEntry(with: folder + "/" + Self.safe(file.fileName), fileURL: content, compressionMethod: .deflate)
                }
            }
        } catch {
            try? FileManager.default.removeItem(at: zip)
            throw error
        }
        return zip
    }

    /// `2026-11-30 Fiche de paie octobre 2026 (1a2b3c4d)`: sorted by date, recognisable, unique.
    static func folderName(_ document: EBoxDocument) -> String {
        let day = BelgianTime.day(document.deliveredAt).split(separator: "/").reversed().joined(separator: "-")
        let id = String((document.id?.uuidString ?? "").prefix(8)).lowercased()
        return "\(day) \(safe(String(document.subject.prefix(60)))) (\(id))"
    }

    /// A name that is one path component on every system.
    static func safe(_ name: String) -> String {
        let cleaned = String(name.unicodeScalars.map { scalar -> Character in
            "/\\:*?\"<>|".unicodeScalars.contains(scalar) || scalar.properties.generalCategory == .control ? "_" : Character(scalar)
        }).trimmingCharacters(in: .whitespaces)
        return cleaned.isEmpty || cleaned == "." || cleaned == ".." ? "file" : cleaned
    }
}
