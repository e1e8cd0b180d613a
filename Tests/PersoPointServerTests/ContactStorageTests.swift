import FluentKit
import Foundation
@testable import Contact
@testable import PersoCore
@testable import PersoPointServer
import Testing

/// PersoContact's storage on SQLite, and on PostgreSQL when the test command provides one (`--filter Storage`). Every
/// test works at a desk of its own, so the shared PostgreSQL database may hold other tests' cases.
@Suite("PersoContact storage behaves the same on every database", .serialized)
struct ContactStorageTests {
    static func question(desk: String, topic: Topic = .pay, subject: String = "Question", body: String = "Texte",
                         from person: String = "85073003328") -> Cases.Question {
        Cases.Question(desk: desk, topic: topic, requester: Actor(nationalNumber: person, name: "Employé"), email: nil, language: .fr,
                       subject: subject, fields: topic == .pay ? ["month": "2026-11"] : [:], body: body, files: [])
    }

    @Test("twenty questions at once go in turn to the two handlers on duty, ten each, never to one off duty nor to one who left the desk", arguments: TestDatabases.all)
    func roundRobinUnderConcurrency(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let desk = "desk-" + UUID().uuidString.prefix(8).lowercased()
            let contact = app.contact
            for (number, name) in [("72012108417", "Marc"), ("79031215727", "Ann"), ("90110421227", "Off")] {
                try await contact.duties.arrive(Actor(nationalNumber: number, name: name), desks: [desk])
            }
            try await contact.duties.set("90110421227", desk: desk, topics: [], onDuty: false)
            let assignees = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<20 { group.addTask { try await contact.cases.open(Self.question(desk: desk)).assigneeName } }
                return try await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(assignees.filter { $0 == "Marc" }.count == 10)
            #expect(assignees.filter { $0 == "Ann" }.count == 10)
            // Another topic keeps its own turns.
            #expect(try await contact.cases.open(Self.question(desk: desk, topic: .absences)).assigneeName != nil)
            // Marc's next login no longer lists him at this desk: he leaves its rotation.
            try await contact.duties.arrive(Actor(nationalNumber: "72012108417", name: "Marc"), desks: [])
            for _ in 0..<2 { #expect(try await contact.cases.open(Self.question(desk: desk)).assigneeName == "Ann") }
        }
    }

    @Test("search finds every word as a prefix, without accents, within the desk only, and reads no query syntax", arguments: TestDatabases.all)
    func fullTextSearch(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let desk = "desk-" + UUID().uuidString.prefix(8).lowercased()
            let other = "desk-" + UUID().uuidString.prefix(8).lowercased()
            let contact = app.contact
            let bonus = try await contact.cases.open(Self.question(desk: desk, subject: "Prime de fin d’année", body: "Le montant de la prime semble erroné"))
            let address = try await contact.cases.open(Self.question(desk: desk, topic: .personalData, subject: "Adresse", body: "Nouvelle adresse à Liège"))
            _ = try await contact.cases.open(Self.question(desk: other, subject: "Prime ailleurs", body: "prime"))
            try await contact.cases.note(address, by: Actor(nationalNumber: "72012108417", name: "Marc"), body: "Vérifié au registre national")

            func found(_ words: String) async throws -> Set<UUID> {
                Set(try await contact.queue.list(desk: desk, handler: "", filter: .init(view: .open, search: words)).rows.map(\.id))
            }
            #expect(try await found("prime") == [bonus.id!])
            #expect(try await found("PRIM montant") == [bonus.id!], "every word, as a prefix, any case")
            #expect(try await found("liege") == [address.id!], "accents folded")
            #expect(try await found("registre") == [address.id!], "internal notes are searched by the desk")
            #expect(try await found(bonus.reference) == [bonus.id!])
            #expect(try await found(" " + bonus.reference.lowercased()) == [bonus.id!], "a reference as typed")
            #expect(try await found("prime adresse").isEmpty)
            for hostile in ["\"prime", "prime OR *", "NEAR(prime", "prime'); DROP TABLE contact_cases; --", "*", "-prime", "a:b & | !"] {
                _ = try await found(hostile)
            }
            #expect(try await ContactCase.query(on: app.database.db).filter(\.$desk == desk).count() == 2)
        }
    }

    @Test("cases closed longer ago than the retention go with their thread, files, history, rating and index rows", arguments: TestDatabases.all)
    func retention(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock) { app in
            let desk = "desk-" + UUID().uuidString.prefix(8).lowercased()
            let contact = app.contact
            var question = Self.question(desk: desk, subject: "Ancien dossier", body: "retentiontest")
            question = Cases.Question(desk: question.desk, topic: question.topic, requester: question.requester, email: nil, language: .fr,
                                      subject: question.subject, fields: question.fields, body: question.body,
                                      files: [IncomingFile(fileName: "a.txt", mediaType: "text/plain", data: Data("hello".utf8))])
            let old = try await contact.cases.open(question)
            let kept = try await contact.cases.open(Self.question(desk: desk, subject: "Récent", body: "retentiontest"))
            let handler = Actor(nationalNumber: "72012108417", name: "Marc")
            try await contact.cases.setStatus(old, .closed, by: handler, caseURL: "")
            _ = try await contact.cases.rate(try #require(try await contact.cases.find(old.id!)), score: 5, comment: nil, by: question.requester)

            clock.advance(by: 729 * 86_400)
            try await contact.cases.setStatus(kept, .closed, by: handler, caseURL: "")
            #expect(try await contact.cases.purgeClosed(olderThan: 730 * 86_400) == 0)
            clock.advance(by: 2 * 86_400)
            #expect(try await contact.cases.purgeClosed(olderThan: 730 * 86_400) >= 1)
            #expect(try await contact.cases.find(old.id!) == nil)
            #expect(try await contact.cases.find(kept.id!) != nil)
            for model in [CaseMessage.schema, CaseAttachment.schema, CaseEvent.schema, CaseRating.schema] {
                let rows = try await app.database.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: model) WHERE case_id = \(bind: old.id!)").first()
                #expect(try rows?.decode(column: "n", as: Int.self) == 0, "\(model)")
            }
            let found = try await contact.queue.list(desk: desk, handler: "", filter: .init(view: .closed, search: "retentiontest")).rows.map(\.id)
            #expect(found == [kept.id!], "the index forgot the deleted case")
        }
    }
}
