import FluentKit
import Foundation
import PersoCore

/// A desk's saved answers, each in the four languages, for one topic or for all.
struct AnswerTemplates: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    struct Draft: Sendable {
        var title = ""
        var topic: Topic?
        var bodies: [Language: String] = [:]
    }

    /// The desk's templates that fit the topic (its own and the general ones), by title.
    func list(desk: String, topic: Topic? = nil) async throws -> [AnswerTemplate] {
        let all = try await AnswerTemplate.query(on: database.db).filter(\.$desk == desk).sort(\.$title).all()
        guard let topic else { return all }
        return all.filter { $0.topic == nil || $0.topic == topic }
    }

    func find(_ id: UUID, desk: String) async throws -> AnswerTemplate? {
        try await AnswerTemplate.query(on: database.db).filter(\.$id == id).filter(\.$desk == desk).first()
    }

    func add(_ draft: Draft, desk: String, by author: String) async throws {
        let template = AnswerTemplate()
        template.desk = desk
        template.topic = draft.topic
        template.title = draft.title
        template.french = draft.bodies[.fr] ?? ""
        template.dutch = draft.bodies[.nl] ?? ""
        template.german = draft.bodies[.de] ?? ""
        template.english = draft.bodies[.en] ?? ""
        template.createdBy = author
        template.createdAt = clock()
        try await database.write { db in try await template.create(on: db) }
    }

    func delete(_ id: UUID, desk: String) async throws {
        try await database.write { db in
            try await AnswerTemplate.query(on: db).filter(\.$id == id).filter(\.$desk == desk).delete()
        }
    }
}
