import FluentKit
import Foundation
import Hummingbird
import NIOCore
import PersoCore
import SQLKit

/// File contents, once per SHA-256, in the database in chunks: written from the temporary file an upload was
/// streamed into, read back one chunk at a time, so neither direction holds a whole file in memory.
struct BlobStore: Sendable {
    static let schema = "ebox_blob_chunks"
    static let chunkSize = 256 * 1024

    let database: PersoDatabase

    /// Copies the file into the store under `digest` on `db` (the caller's transaction), unless it is there already:
    /// the first chunk's insert says which (another upload of the same content at the same moment writes the same
    /// chunks, and either copy will do).
    func store(_ content: Documents.Upload.Content, digest: String, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        var chunks = try Chunks(content)
        var sequence = 0
        while let data = try chunks.next(first: sequence == 0) {
            let written = try await sql.raw("""
                INSERT INTO ebox_blob_chunks (id, digest, seq, bytes) VALUES (\(bind: UUID()), \(bind: digest), \(bind: sequence), \(bind: data))
                ON CONFLICT (digest, seq) DO NOTHING RETURNING seq
                """).all()
            if sequence == 0 && written.isEmpty { return }
            sequence += 1
        }
    }

    /// An upload's content, one chunk at a time (an empty content is one empty chunk).
    private struct Chunks: ~Copyable {
        let memory: Data?
        let handle: FileHandle?
        var offset = 0

        init(_ content: Documents.Upload.Content) throws {
            switch content {
            case .memory(let data): (memory, handle) = (data, nil)
            case .temporaryFile(let url): (memory, handle) = (nil, try FileHandle(forReadingFrom: url))
            }
        }

        deinit { try? handle?.close() }

        mutating func next(first: Bool) throws -> Data? {
            let data: Data
            if let memory {
                data = memory.subdata(in: min(offset, memory.count)..<min(offset + BlobStore.chunkSize, memory.count))
                offset += BlobStore.chunkSize
            } else {
                data = try handle?.read(upToCount: BlobStore.chunkSize) ?? Data()
            }
            return data.isEmpty && !first ? nil : data
        }
    }

    /// The content as a response body, read chunk by chunk while it is sent.
    func body(digest: String, size: Int) -> ResponseBody {
        let database = self.database
        return ResponseBody(contentLength: size) { writer in
            var sequence = 0
            while let data = try await Self.chunk(digest: digest, sequence: sequence, on: database.sql) {
                if !data.isEmpty { try await writer.write(ByteBuffer(bytes: data)) }
                sequence += 1
            }
            try await writer.finish(nil)
        }
    }

    /// Calls `write` with each chunk in order (for the ZIP of everything).
    func read(digest: String, _ write: (Data) throws -> Void) async throws {
        var sequence = 0
        while let data = try await Self.chunk(digest: digest, sequence: sequence, on: database.sql) {
            try write(data)
            sequence += 1
        }
    }

    private static func chunk(digest: String, sequence: Int, on sql: any SQLDatabase) async throws -> Data? {
        struct Row: Decodable { let bytes: Data }
        return try await sql.select().column("bytes").from(schema).where("digest", .equal, digest).where("seq", .equal, sequence)
            .first(decoding: Row.self)?.bytes
    }

    /// Deletes contents no file refers to any more (after documents were purged); answers how many.
    func deleteUnreferenced() async throws -> Int {
        struct Row: Decodable { let digest: String }
        let orphans = try await database.sql.raw("""
            SELECT DISTINCT digest FROM ebox_blob_chunks b
            WHERE NOT EXISTS (SELECT 1 FROM ebox_files f WHERE f.sha256 = b.digest)
            """).all(decoding: Row.self)
        for orphan in orphans {
            // One statement each, re-checked inside it: a document published meanwhile may have brought the content back.
            try await database.writeStatement { sql in
                try await sql.raw("""
                    DELETE FROM ebox_blob_chunks WHERE digest = \(bind: orphan.digest)
                      AND NOT EXISTS (SELECT 1 FROM ebox_files f WHERE f.sha256 = \(bind: orphan.digest))
                    """).run()
            }
        }
        return orphans.count
    }
}
