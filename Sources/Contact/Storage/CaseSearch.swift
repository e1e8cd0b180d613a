import FluentKit
import Foundation
import PersoCore
import SQLKit

/// Full-text search across a desk's cases with the database's own index: FTS5 on SQLite, `tsvector` on PostgreSQL.
/// Every word must match (as a prefix: "salair" finds "salaire"); the newest rows come first, which both engines
/// give without ranking every match.
struct CaseSearch: Sendable {
    let database: PersoDatabase

    /// Adds text of a case (its subject and fields, or one message) to the index, in the caller's transaction.
    func index(case id: UUID, desk: String, text: String, on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        // Folded here rather than by the engine: PostgreSQL's `unaccent` is an extension a database may not have.
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        if sql.dialect.name == "postgresql" {
            try await sql.raw("""
                INSERT INTO contact_search (case_id, desk, document) VALUES (\(bind: id), \(bind: desk), to_tsvector('simple', \(bind: folded)))
                """).run()
        } else {
            try await sql.raw("INSERT INTO contact_search (case_id, desk, body) VALUES (\(bind: id.uuidString), \(bind: desk), \(bind: folded))").run()
        }
    }

    func remove(cases ids: [UUID], on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        if sql.dialect.name == "postgresql" {
            try await sql.delete(from: "contact_search").where("case_id", .in, ids).run()
        } else {
            try await sql.delete(from: "contact_search").where("case_id", .in, ids.map(\.uuidString)).run()
        }
    }

    /// The words of a query, as the index cuts them: letters and digits only, so nothing a person types is ever
    /// read as the engine's query syntax.
    static func words(_ query: String) -> [String] {
        let folded = query.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return Array(folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init).filter { !$0.isEmpty }.prefix(8))
    }

    /// The ids of the desk's cases that contain every word, most recent first, at most `limit`.
    func cases(desk: String, matching query: String, limit: Int) async throws -> [UUID] {
        let words = Self.words(query)
        guard !words.isEmpty else { return [] }
        let sql = database.sql
        var ids: [UUID] = []
        if sql.dialect.name == "postgresql" {
            let expression = words.map { $0 + ":*" }.joined(separator: " & ")
            let rows = try await sql.raw("""
                SELECT case_id FROM contact_search WHERE desk = \(bind: desk) AND document @@ to_tsquery('simple', \(bind: expression))
                ORDER BY id DESC LIMIT \(bind: limit * 8)
                """).all()
            for row in rows { ids.append(try row.decode(column: "case_id", as: UUID.self)) }
        } else {
            let expression = words.map { "\"" + $0 + "\"*" }.joined(separator: " ")
            let rows = try await sql.raw("""
                SELECT case_id FROM contact_search WHERE contact_search MATCH \(bind: expression) AND desk = \(bind: desk)
                ORDER BY rowid DESC LIMIT \(bind: limit * 8)
                """).all()
            for row in rows { if let id = UUID(uuidString: try row.decode(column: "case_id", as: String.self)) { ids.append(id) } }
        }
        var seen = Set<UUID>()
        return Array(ids.filter { seen.insert($0).inserted }.prefix(limit))
    }
}
