import Foundation
import Testing

/// Reads the stores' source, as a reviewer would: every write goes through `PersoDatabase.write` (several statements)
/// or `writeStatement` (one), which queue this process's writers, take SQLite's lock before reading and run a
/// transaction again after a conflict. A plain write on a pooled connection does none of that: under load it waits
/// out the busy timeout on one of the few SQLite threads and the person gets an error ("database is locked").
@Suite("The stores as a reviewer reads them")
struct StoreSourceTests {
    /// Plain writes, as they are written: on the model, through a query builder whose chain ends in a write, and in SQL.
    static let plainWrites = [
        #"\.(create|save|update|delete)\(on: database\.(db|sql)\)"#,
        #"query\(on: database\.db\)(?:[^\n]|\n\s*\.)*?\.(delete|update)\(\)"#,
        #"database\.sql\.(update|delete|insert)\("#,
        #"database\.sql\.raw\("(?:"")?\s*(UPDATE|DELETE|INSERT)"#,
        #"claim\([^\n]*on: database\.sql\)"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    @Test("no store writes outside a queued write: every INSERT, UPDATE and DELETE is inside write or writeStatement")
    func everyWriteIsQueued() throws {
        let sources = ViewSourceTests.sources
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        var checked = 0
        for url in files where url.pathExtension == "swift" && !url.path.contains("/PersoCore/Storage/") {
            let text = try String(contentsOf: url, encoding: .utf8)
            guard text.contains("database.db") || text.contains("database.sql") else { continue }
            checked += 1
            for pattern in Self.plainWrites {
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let line = text[..<Range(match.range, in: text)!.lowerBound].filter { $0 == "\n" }.count + 1
                    Issue.record("\(url.lastPathComponent):\(line) writes outside PersoDatabase.write: \((text as NSString).substring(with: match.range))")
                }
            }
        }
        #expect(checked > 20, "the stores were found")
    }

    @Test("the check catches the plain writes it is meant to catch")
    func theCheckCanFail() {
        let plain = [
            "try await record.create(on: database.db)",
            "try await Person.query(on: database.db).filter(\\.$id == id)\n    .set(\\.$email, to: e).update()",
            "try await database.sql.update(\"t\").set(\"a\", to: 1).run()",
            "try await database.sql.raw(\"\"\"\n    DELETE FROM t WHERE a < 1\n    \"\"\").run()",
            "try await SingleUseClaim(table: t).claim(where: [(\"id\", id)], at: now, on: database.sql)",
        ]
        for text in plain {
            let caught = Self.plainWrites.contains { $0.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil }
            #expect(caught, "not caught: \(text)")
        }
        let queued = "try await database.write { db in try await record.create(on: db) }\nlet rows = try await Person.query(on: database.db).all()"
        #expect(!Self.plainWrites.contains { $0.firstMatch(in: queued, range: NSRange(queued.startIndex..., in: queued)) != nil })
    }
}
