import FluentKit
import Foundation
import PersoCore

/// A question asked at a desk, with everything the desk needs to answer it and the person to be told.
final class ContactCase: Model, @unchecked Sendable {
    static let schema = "contact_cases"

    @ID(key: .id) var id: UUID?
    /// What people quote on the phone: `PC-` and eight characters of the id.
    @Field(key: "reference") var reference: String
    @Field(key: "desk") var desk: String
    @Field(key: "topic") var topic: Topic
    @Field(key: "requester_nrn") var requesterNRN: String
    @Field(key: "requester_name") var requesterName: String
    @OptionalField(key: "requester_email") var requesterEmail: String?
    /// The language the person wrote in, which the desk's e-mails and templates use.
    @Field(key: "language") var language: Language
    @Field(key: "subject") var subject: String
    /// The topic's own fields (name → value), as JSON.
    @Field(key: "fields_json") var fieldsJSON: String
    @Field(key: "status") var status: CaseStatus
    @OptionalField(key: "assignee_nrn") var assigneeNRN: String?
    @OptionalField(key: "assignee_name") var assigneeName: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "due_at") var dueAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?
    /// The closed case this one continues, when a reply came too late to reopen it.
    @OptionalField(key: "previous_case_id") var previousCaseID: UUID?

    init() {}

    var fields: [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(fieldsJSON.utf8))) ?? [:]
    }

    var idString: String { id?.uuidString.lowercased() ?? "" }

    static func reference(for id: UUID) -> String {
        "PC-" + id.uuidString.replacingOccurrences(of: "-", with: "").prefix(8)
    }
}

/// One entry of a case's thread: the employee's question or reply, the desk's answer, or an internal note that only
/// the desk ever sees.
final class CaseMessage: Model, @unchecked Sendable {
    static let schema = "contact_messages"

    enum Author: String, Codable, Sendable { case employee, handler }

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "author_kind") var author: Author
    @Field(key: "author_name") var authorName: String
    @Field(key: "body") var body: String
    @Field(key: "internal") var isInternal: Bool
    @Field(key: "created_at") var createdAt: Date
    /// Where the document that came with an answer went: the employee's eBox (its document id there).
    @OptionalField(key: "ebox_document_id") var eBoxDocumentID: String?

    init() {}
}

/// A file that came with a question, a reply or an answer. Kept in the database, so every instance serves it.
final class CaseAttachment: Model, @unchecked Sendable {
    static let schema = "contact_attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "message_id") var messageID: UUID
    @Field(key: "file_name") var fileName: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "size") var size: Int
    @Field(key: "sha256") var sha256: String
    @Field(key: "content") var content: Data
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One line of a case's history: who did what, when.
final class CaseEvent: Model, @unchecked Sendable {
    static let schema = "contact_events"

    enum Kind: String, Codable, Sendable {
        case created, assigned, statusChanged = "status", replied, answered, noted, documentSent = "document", rated, continued
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "actor") var actor: String
    @Field(key: "kind") var kind: Kind
    /// What changed, in the words of the page that shows it (a status's code, an assignee's name).
    @Field(key: "detail") var detail: String

    init() {}
}

/// The one-question rating after closing.
final class CaseRating: Model, @unchecked Sendable {
    static let schema = "contact_ratings"

    @ID(key: .id) var id: UUID?
    @Field(key: "case_id") var caseID: UUID
    @Field(key: "desk") var desk: String
    @Field(key: "topic") var topic: Topic
    @Field(key: "score") var score: Int
    @OptionalField(key: "comment") var comment: String?
    @Field(key: "rated_at") var ratedAt: Date

    init() {}
}

/// A handler's duty at a desk for a topic: the round robin gives new cases of that topic to the handlers on duty,
/// the one whose turn came longest ago first.
final class HandlerDuty: Model, @unchecked Sendable {
    static let schema = "contact_duties"

    @ID(key: .id) var id: UUID?
    @Field(key: "handler_nrn") var handlerNRN: String
    @Field(key: "handler_name") var handlerName: String
    @Field(key: "desk") var desk: String
    @Field(key: "topic") var topic: Topic
    @Field(key: "on_duty") var onDuty: Bool
    /// The round robin's counter: the handler with the lowest turn gets the next case of the topic.
    @Field(key: "turn") var turn: Int

    init() {}
}

/// A saved answer of a desk, in the four languages; a reply starts from it in the employee's language.
final class AnswerTemplate: Model, @unchecked Sendable {
    static let schema = "contact_templates"

    @ID(key: .id) var id: UUID?
    @Field(key: "desk") var desk: String
    @OptionalField(key: "topic") var topic: Topic?
    @Field(key: "title") var title: String
    @Field(key: "body_fr") var french: String
    @Field(key: "body_nl") var dutch: String
    @Field(key: "body_de") var german: String
    @Field(key: "body_en") var english: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    func body(in language: Language) -> String {
        switch language {
        case .fr: french
        case .nl: dutch
        case .de: german
        case .en: english
        }
    }
}
