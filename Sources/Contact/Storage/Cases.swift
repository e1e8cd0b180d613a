import FluentKit
import Foundation
import Messaging
import PersoCore
import SQLKit

/// Someone who acts on a case: the employee who asked, or a handler of the desk.
struct Actor: Sendable {
    let nationalNumber: String
    let name: String
}

/// The desk's cases: asking, the thread, replies and answers with the reopen rules, assignment, statuses, the
/// history of every change, ratings, and the deletion of cases closed longer than the retention period.
struct Cases: Sendable {
    let database: PersoDatabase
    let duties: Duties
    let search: CaseSearch
    let outbox: Outbox
    let mails: CaseMails
    let rules: DeskRules
    let clock: @Sendable () -> Date

    /// A case closed longer ago than this is not reopened by a reply: the reply starts a new case.
    static let reopenWindow: TimeInterval = 14 * 86_400

    struct Question: Sendable {
        let desk: String
        let topic: Topic
        let requester: Actor
        let email: String?
        let language: Language
        let subject: String
        let fields: [String: String]
        let body: String
        let files: [IncomingFile]
        var previousCaseID: UUID?
    }

    /// Opens the case, gives it to the next handler on duty for its topic, and mails the summary, in one transaction.
    func open(_ question: Question) async throws -> ContactCase {
        let now = clock()
        let opened = try await database.write { db in
            // The reference is 32 bits of the id: among 100,000 cases two may meet (about once in 43,000 questions).
            var id = UUID()
            while try await ContactCase.query(on: db).filter(\.$reference == ContactCase.reference(for: id)).count() > 0 { id = UUID() }
            let item = ContactCase()
            item.id = id
            item.reference = ContactCase.reference(for: id)
            item.desk = question.desk
            item.topic = question.topic
            item.requesterNRN = question.requester.nationalNumber
            item.requesterName = question.requester.name
            item.requesterEmail = question.email
            item.language = question.language
            item.subject = question.subject
            item.fieldsJSON = String(decoding: try JSONEncoder().encode(question.fields), as: UTF8.self)
            item.status = .new
            item.createdAt = now
            item.updatedAt = now
            item.dueAt = rules.due(after: now)
            item.previousCaseID = question.previousCaseID
            if let handler = try await duties.next(desk: question.desk, topic: question.topic, on: db) {
                item.assigneeNRN = handler.nationalNumber
                item.assigneeName = handler.name
            }
            try await item.create(on: db)
            try await event(id, .created, by: question.requester.name, detail: question.topic.rawValue, at: now, on: db)
            if let name = item.assigneeName {
                try await event(id, .assigned, by: "PersoContact", detail: name, at: now, on: db)
            }
            try await addMessage(to: item, author: .employee, name: question.requester.name, body: question.body, internal: false,
                                 files: question.files, at: now, on: db)
            try await search.index(case: id, desk: question.desk,
                                   text: ([item.reference, question.subject, question.body] + question.fields.values.sorted()).joined(separator: " "), on: db)
            if let email = question.email {
                try await outbox.enqueue(mails.summary(of: item, attachments: question.files.count, to: email), key: "contact-summary-\(id)", on: db)
            }
            return item
        }
        outbox.deliverSoon()
        return opened
    }

    // MARK: Reading

    /// The person's cases, newest activity first.
    func cases(of nationalNumber: String) async throws -> [ContactCase] {
        try await ContactCase.query(on: database.db).filter(\.$requesterNRN == nationalNumber).sort(\.$updatedAt, .descending).limit(500).all()
    }

    func find(_ id: UUID) async throws -> ContactCase? {
        try await ContactCase.find(id, on: database.db)
    }

    struct Entry: Sendable {
        let message: CaseMessage
        let files: [AttachmentInfo]
    }

    struct AttachmentInfo: Sendable {
        let id: UUID
        let fileName: String
        let mediaType: String
        let size: Int
        let sha256: String
    }

    /// The thread, oldest first; internal notes only for the desk.
    func thread(of item: ContactCase, internalNotes: Bool) async throws -> [Entry] {
        let caseID = try item.requireID()
        var query = CaseMessage.query(on: database.db).filter(\.$caseID == caseID)
        if !internalNotes { query = query.filter(\.$isInternal == false) }
        let messages = try await query.sort(\.$createdAt).all()
        let rows = try await database.sql.raw("""
            SELECT id, message_id, file_name, media_type, size, sha256 FROM contact_attachments WHERE case_id = \(bind: caseID) ORDER BY created_at
            """).all()
        var files: [UUID: [AttachmentInfo]] = [:]
        for row in rows {
            let info = AttachmentInfo(id: try row.decode(column: "id", as: UUID.self), fileName: try row.decode(column: "file_name", as: String.self),
                                      mediaType: try row.decode(column: "media_type", as: String.self), size: try row.decode(column: "size", as: Int.self),
                                      sha256: try row.decode(column: "sha256", as: String.self))
            files[try row.decode(column: "message_id", as: UUID.self), default: []].append(info)
        }
        return messages.map { Entry(message: $0, files: files[$0.id ?? UUID()] ?? []) }
    }

    /// A file of the case that its reader may see: for the employee, never one of an internal note.
    func attachment(_ id: UUID, of item: ContactCase, internalNotes: Bool) async throws -> CaseAttachment? {
        guard let file = try await CaseAttachment.query(on: database.db).filter(\.$id == id).filter(\.$caseID == item.requireID()).first() else {
            return nil
        }
        if !internalNotes, try await CaseMessage.find(file.messageID, on: database.db)?.isInternal != false { return nil }
        return file
    }

    func history(of item: ContactCase) async throws -> [CaseEvent] {
        try await CaseEvent.query(on: database.db).filter(\.$caseID == item.requireID()).sort(\.$at).all()
    }

    // MARK: The employee

    enum ReplyOutcome: Sendable {
        case added
        /// Closed too long ago: the reply opened this new case, linked to the old one.
        case continued(ContactCase)
    }

    /// The employee's reply: back to the desk ("in progress", a new due date), reopening a case closed less than 14
    /// days ago; after that, a new case that links to this one.
    func reply(to item: ContactCase, by employee: Actor, email: String?, body: String, files: [IncomingFile]) async throws -> ReplyOutcome {
        let now = clock()
        if item.status == .closed, let closedAt = item.closedAt, now.timeIntervalSince(closedAt) > Self.reopenWindow {
            let next = try await open(Question(desk: item.desk, topic: item.topic, requester: employee, email: email, language: item.language,
                                               subject: item.subject, fields: item.fields, body: body, files: files, previousCaseID: item.id))
            try await database.write { db in
                try await event(item.requireID(), .continued, by: employee.name, detail: next.reference, at: now, on: db)
            }
            return .continued(next)
        }
        try await database.write { db in
            guard let current = try await ContactCase.find(item.requireID(), on: db) else { throw PersoError.notFound }
            try await addMessage(to: current, author: .employee, name: employee.name, body: body, internal: false, files: files, at: now, on: db)
            try await event(current.requireID(), .replied, by: employee.name, detail: "", at: now, on: db)
            if !current.status.awaitsDesk {
                try await event(current.requireID(), .statusChanged, by: employee.name, detail: CaseStatus.inProgress.rawValue, at: now, on: db)
                current.status = .inProgress
                current.closedAt = nil
                current.dueAt = rules.due(after: now)
            }
            current.updatedAt = now
            try await current.update(on: db)
            try await search.index(case: current.requireID(), desk: current.desk, text: body, on: db)
        }
        return .added
    }

    /// The one rating of a closed case; false when it was rated already or is not closed.
    func rate(_ item: ContactCase, score: Int, comment: String?, by employee: Actor) async throws -> Bool {
        guard item.status == .closed, (1...5).contains(score) else { return false }
        let now = clock()
        return try await database.write { db in
            guard try await CaseRating.query(on: db).filter(\.$caseID == item.requireID()).first() == nil else { return false }
            let rating = CaseRating()
            rating.caseID = try item.requireID()
            rating.desk = item.desk
            rating.topic = item.topic
            rating.score = score
            rating.comment = comment
            rating.ratedAt = now
            try await rating.create(on: db)
            try await event(item.requireID(), .rated, by: employee.name, detail: String(score), at: now, on: db)
            return true
        }
    }

    func rating(of item: ContactCase) async throws -> CaseRating? {
        try await CaseRating.query(on: database.db).filter(\.$caseID == item.requireID()).first()
    }

    // MARK: The desk

    /// The desk's answer: visible to the employee, who gets an e-mail with a link (never the content); the case goes
    /// to `status` (answered, waiting for the employee, or closed). `eBoxDocumentID` is where the document went.
    func answer(_ item: ContactCase, by handler: Actor, body: String, files: [IncomingFile], eBoxDocumentID: String?,
                status: CaseStatus, caseURL: String) async throws {
        let now = clock()
        try await database.write { db in
            guard let current = try await ContactCase.find(item.requireID(), on: db) else { throw PersoError.notFound }
            let message = try await addMessage(to: current, author: .handler, name: handler.name, body: body, internal: false, files: files,
                                               eBoxDocumentID: eBoxDocumentID, at: now, on: db)
            try await event(current.requireID(), .answered, by: handler.name, detail: "", at: now, on: db)
            if eBoxDocumentID != nil {
                try await event(current.requireID(), .documentSent, by: handler.name, detail: "ebox", at: now, on: db)
            }
            if current.assigneeNRN == nil {
                current.assigneeNRN = handler.nationalNumber
                current.assigneeName = handler.name
                try await event(current.requireID(), .assigned, by: handler.name, detail: handler.name, at: now, on: db)
            }
            try await change(current, to: status, by: handler.name, at: now, caseURL: caseURL, on: db)
            if status != .closed, let email = current.requesterEmail {
                try await outbox.enqueue(mails.answered(current, link: caseURL, to: email), key: "contact-answer-\(try message.requireID())", on: db)
            }
            current.updatedAt = now
            try await current.update(on: db)
            try await search.index(case: current.requireID(), desk: current.desk, text: body, on: db)
        }
        outbox.deliverSoon()
    }

    /// An internal note: in the desk's thread and history, never on the employee's pages or in a mail.
    func note(_ item: ContactCase, by handler: Actor, body: String) async throws {
        let now = clock()
        try await database.write { db in
            guard let current = try await ContactCase.find(item.requireID(), on: db) else { throw PersoError.notFound }
            try await addMessage(to: current, author: .handler, name: handler.name, body: body, internal: true, files: [], at: now, on: db)
            try await event(current.requireID(), .noted, by: handler.name, detail: "", at: now, on: db)
            // The case's last activity stays as it was: the employee's "my cases" must not show that the desk wrote.
            try await search.index(case: current.requireID(), desk: current.desk, text: body, on: db)
        }
    }

    /// Gives the case to a handler of its desk (`nil`: back to the desk's unassigned cases).
    func assign(_ item: ContactCase, to handler: Actor?, by actor: Actor) async throws {
        let now = clock()
        try await database.write { db in
            guard let current = try await ContactCase.find(item.requireID(), on: db) else { throw PersoError.notFound }
            guard current.assigneeNRN != handler?.nationalNumber else { return }
            current.assigneeNRN = handler?.nationalNumber
            current.assigneeName = handler?.name
            current.updatedAt = now
            try await current.update(on: db)
            try await event(current.requireID(), .assigned, by: actor.name, detail: handler?.name ?? "", at: now, on: db)
        }
    }

    /// A status set by the desk; closing mails the employee the link to rate the answer.
    func setStatus(_ item: ContactCase, _ status: CaseStatus, by actor: Actor, caseURL: String) async throws {
        let now = clock()
        try await database.write { db in
            guard let current = try await ContactCase.find(item.requireID(), on: db) else { throw PersoError.notFound }
            guard current.status != status else { return }
            try await change(current, to: status, by: actor.name, at: now, caseURL: caseURL, on: db)
            current.updatedAt = now
            try await current.update(on: db)
        }
        outbox.deliverSoon()
    }

    private func change(_ item: ContactCase, to status: CaseStatus, by actor: String, at now: Date, caseURL: String, on db: any Database) async throws {
        guard item.status != status else { return }
        if status.awaitsDesk && !item.status.awaitsDesk { item.dueAt = rules.due(after: now) }
        item.status = status
        item.closedAt = status == .closed ? now : nil
        try await event(item.requireID(), .statusChanged, by: actor, detail: status.rawValue, at: now, on: db)
        if status == .closed, let email = item.requesterEmail {
            try await outbox.enqueue(mails.closed(item, link: caseURL, to: email), key: "contact-closed-\(try item.requireID())-\(Int(now.timeIntervalSince1970))", on: db)
        }
    }

    /// Each topic's average rating at a desk, with how many ratings it is made of.
    func averages(desk: String) async throws -> [Topic: (average: Double, count: Int)] {
        let rows = try await database.sql.raw("""
            SELECT topic, AVG(score * 1.0) AS average, COUNT(*) AS n FROM contact_ratings WHERE desk = \(bind: desk) GROUP BY topic
            """).all()
        var result: [Topic: (Double, Int)] = [:]
        for row in rows {
            let topic = try row.decode(column: "topic", as: Topic.self)
            result[topic] = (try row.decode(column: "average", as: Double.self), try row.decode(column: "n", as: Int.self))
        }
        return result
    }

    // MARK: Retention

    /// Deletes the cases closed before `retention` ago, with their thread, files, history, rating and index rows.
    func purgeClosed(olderThan retention: TimeInterval) async throws -> Int {
        let cutoff = clock().addingTimeInterval(-retention)
        var deleted = 0
        while true {
            let batch = try await database.write { db -> Int in
                let sql = db as! any SQLDatabase
                let ids = try await sql.raw("SELECT id FROM contact_cases WHERE closed_at < \(bind: cutoff) LIMIT 200").all()
                    .map { try $0.decode(column: "id", as: UUID.self) }
                guard !ids.isEmpty else { return 0 }
                try await search.remove(cases: ids, on: db)
                for table in [CaseAttachment.schema, CaseEvent.schema, CaseRating.schema, CaseMessage.schema] {
                    try await sql.delete(from: table).where("case_id", .in, ids).run()
                }
                try await sql.delete(from: ContactCase.schema).where("id", .in, ids).run()
                return ids.count
            }
            deleted += batch
            if batch < 200 { return deleted }
        }
    }

    // MARK: Writing

    @discardableResult
    private func addMessage(to item: ContactCase, author: CaseMessage.Author, name: String, body: String, internal: Bool,
                            files: [IncomingFile], eBoxDocumentID: String? = nil, at now: Date, on db: any Database) async throws -> CaseMessage {
        let message = CaseMessage()
        message.id = UUID()
        message.caseID = try item.requireID()
        message.author = author
        message.authorName = name
        message.body = body
        message.isInternal = `internal`
        message.createdAt = now
        message.eBoxDocumentID = eBoxDocumentID
        try await message.create(on: db)
        for file in files {
            let attachment = CaseAttachment()
            attachment.caseID = try item.requireID()
            attachment.messageID = try message.requireID()
            attachment.fileName = file.fileName
            attachment.mediaType = file.mediaType
            attachment.size = file.data.count
            attachment.sha256 = file.sha256
            attachment.content = file.data
            attachment.createdAt = now
            try await attachment.create(on: db)
        }
        return message
    }

    private func event(_ caseID: UUID, _ kind: CaseEvent.Kind, by actor: String, detail: String, at now: Date, on db: any Database) async throws {
        let event = CaseEvent()
        event.caseID = caseID
        event.at = now
        event.actor = actor
        event.kind = kind
        event.detail = detail
        try await event.create(on: db)
    }
}
