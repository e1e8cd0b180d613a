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

    /// Copies the file into the store under `digest` on `db` (the caller's transaction), unless it is there already.
    func store(file: URL, digest: String, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        let present = try await sql.select().column("seq").from(Self.schema).where("digest", .equal, digest).where("seq", .equal, 0)
            .first()
        guard present == nil else { return }
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        var sequence = 0
        repeat {
            let data = try handle.read(upToCount: Self.chunkSize) ?? Data()
            if data.isEmpty && sequence > 0 { break }
            try await sql.insert(into: Self.schema).columns("id", "digest", "seq", "bytes")
                .values(SQLBind(UUID()), SQLBind(digest), SQLBind(sequence), SQLBind(data))
                // Another upload of the same content at the same moment writes the same chunks: either copy will do.
                .ignoringConflicts(with: ["digest", "seq"]).run()
            sequence += 1
            if data.count < Self.chunkSize { break }
        } while true
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
            try await database.sql.delete(from: Self.schema).where("digest", .equal, orphan.digest).run()
        }
        return orphans.count
    }
}
