import FluentKit
import Foundation
import Messaging
import PersoCore
import SQLKit

/// The documents in people's eBoxes: publishing (with files and the first notice, in one transaction), the mailbox's
/// lists and filters, opening, archiving, and the sender's view of a message.
struct Documents: Sendable {
    let database: PersoDatabase
    let blobs: BlobStore
    let mailboxes: Mailboxes
    let outbox: Outbox
    let mails: NoticeMails
    let clock: @Sendable () -> Date
    static let pageSize = 25

    /// A file as the publish API received it, measured and hashed on the way: in memory while it fits in one chunk
    /// of the blob store, streamed into a temporary file beyond.
    struct Upload: Sendable {
        enum Content: Sendable {
            case memory(Data)
            case temporaryFile(URL)
        }

        let part: String
        let fileName: String
        let mediaType: String
        let size: Int
        let digest: String
        let content: Content

        /// Removes the temporary file, if there is one.
        func discard() {
            if case .temporaryFile(let url) = content { try? FileManager.default.removeItem(at: url) }
        }
    }

    enum Publication {
        case created(EBoxDocument)
        /// The same message id with the same recipient and files: the document already delivered.
        case alreadyDelivered(EBoxDocument)
        /// The same message id for something else.
        case conflict
    }

    /// Delivers a document to an activated eBox. Publishing twice under one message id makes one document, even when
    /// the two requests race: the unique index refuses the second, which then finds the first. The rows are written
    /// with plain SQL: this is the path every sender's bulk run takes.
    func publish(_ metadata: MessageMetadata, uploads: [Upload], sender: SenderProfile, to mailbox: Mailbox, keptFor days: Int,
                 announced: Bool = true) async throws -> Publication {
        let now = clock()
        let document = EBoxDocument()
        let documentID = UUID()
        document.id = documentID
        document.mailboxID = try mailbox.requireID()
        document.senderID = sender.id
        document.messageID = metadata.messageId
        document.type = metadata.type
        document.language = metadata.language
        document.subject = metadata.subject
        document.summary = metadata.summary
        document.searchText = ([metadata.subject, metadata.summary ?? ""] + uploads.map(\.fileName)).joined(separator: " ").lowercased()
        document.registered = metadata.registered
        document.deliveredAt = now
        document.expiresAt = now.addingTimeInterval(TimeInterval(days) * 86_400)
        // Demo documents are there from the start ("none": nobody is told); a daily summary tells of the others later.
        document.noticeKey = !announced ? "none" : mailbox.frequency == .each ? "ebox-new-\(documentID.uuidString)" : nil
        do {
            try await database.write { db in
                let sql = db as! any SQLDatabase
                // The unique (sender, message id) index refuses a second publication here, before any content is copied.
                try await sql.raw("""
                    INSERT INTO ebox_documents (id, mailbox_id, sender_id, message_id, type, language, subject, summary, search_text,
                        registered, delivered_at, expires_at, notice_key)
                    VALUES (\(bind: documentID), \(bind: document.mailboxID), \(bind: sender.id), \(bind: document.messageID),
                        \(bind: document.type), \(bind: document.language.rawValue), \(bind: document.subject), \(bind: document.summary),
                        \(bind: document.searchText), \(bind: document.registered), \(bind: now), \(bind: document.expiresAt),
                        \(bind: document.noticeKey))
                    """).run()
                for (position, upload) in uploads.enumerated() {
                    try await blobs.store(upload.content, digest: upload.digest, on: db)
                    try await sql.raw("""
                        INSERT INTO ebox_files (id, document_id, part, position, file_name, media_type, size, sha256)
                        VALUES (\(bind: UUID()), \(bind: documentID), \(bind: upload.part), \(bind: position), \(bind: upload.fileName),
                            \(bind: upload.mediaType), \(bind: upload.size), \(bind: upload.digest))
                        """).run()
                }
                try await sql.raw("""
                    INSERT INTO ebox_facets (mailbox_id, sender_id, type) VALUES (\(bind: document.mailboxID), \(bind: sender.id), \(bind: document.type))
                    ON CONFLICT (mailbox_id, sender_id, type) DO NOTHING
                    """).run()
                if announced, mailbox.frequency == .each, let key = document.noticeKey {
                    let mail = mails.newDocument(sender: sender.name(in: mailbox.language), type: metadata.type, deletedOn: document.expiresAt, to: mailbox)
                    try await outbox.enqueue(mail, key: key, on: db)
                    try await mailboxes.record(.newDocument, to: mailbox.email, for: mailbox.nationalNumber, key: key, on: db)
                }
            }
        } catch {
            // The message id was used before (or a moment ago, by a request that won the race): that document is the answer.
            if let earlier = try await existing(senderID: sender.id, messageID: metadata.messageId) {
                return try await compare(earlier, metadata: metadata, uploads: uploads, mailbox: mailbox)
            }
            throw error
        }
        outbox.deliverSoon()
        return .created(document)
    }

    private func existing(senderID: UUID, messageID: String) async throws -> EBoxDocument? {
        guard let row = try await database.sql.raw("""
            SELECT id FROM ebox_documents WHERE sender_id = \(bind: senderID) AND message_id = \(bind: messageID)
            """).first() else { return nil }
        return try await EBoxDocument.find(row.decode(column: "id", as: UUID.self), on: database.db)
    }

    private func compare(_ earlier: EBoxDocument, metadata: MessageMetadata, uploads: [Upload], mailbox: Mailbox) async throws -> Publication {
        let files = try await self.files(of: earlier)
        let same = earlier.mailboxID == mailbox.id && earlier.type == metadata.type && earlier.subject == metadata.subject
            && earlier.registered == metadata.registered
            && files.map { [$0.part, $0.digest] } == uploads.map { [$0.part, $0.digest] }
        return same ? .alreadyDelivered(earlier) : .conflict
    }

    func files(of document: EBoxDocument) async throws -> [DocumentFile] {
        try await DocumentFile.query(on: database.db).filter(\.$documentID == document.requireID()).sort(\.$position).all()
    }

    // MARK: The person's mailbox

    struct Filter: Sendable, Equatable {
        var archived = false
        var senderID: UUID?
        var type: String?
        var search: String?
        var page = 1
    }

    struct Listing: Sendable {
        let documents: [EBoxDocument]
        /// How many documents match, counted up to `countedUpTo` (a mailbox of 10,000 is not counted on every page).
        let total: Int
        let hasMore: Bool
        var totalIsCapped: Bool { total >= Documents.countedUpTo }
    }

    static let countedUpTo = 1_000

    func list(in mailbox: Mailbox, filter: Filter) async throws -> Listing {
        let sql = database.sql
        func restricted<Builder: SQLSubqueryClauseBuilder>(_ query: Builder) throws -> Builder {
            var query = query.from(EBoxDocument.schema).where("mailbox_id", .equal, try mailbox.requireID())
            query = filter.archived ? query.where("archived_at", .isNot, SQLLiteral.null) : query.where("archived_at", .is, SQLLiteral.null)
            if let senderID = filter.senderID { query = query.where("sender_id", .equal, senderID) }
            if let type = filter.type { query = query.where("type", .equal, type) }
            if let search = filter.search?.lowercased(), !search.isEmpty {
                // Each word must appear; LIKE's wildcards typed by the person are taken literally.
                for word in search.split(separator: " ").prefix(8) {
                    let escaped = word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
                    let pattern = SQLBinaryExpression(left: SQLBind("%\(escaped)%"), op: SQLRaw("ESCAPE"), right: SQLLiteral.string("\\"))
                    query = query.where(SQLBinaryExpression(left: SQLIdentifier("search_text"), op: SQLRaw("LIKE"), right: pattern))
                }
            }
            return query
        }
        let counting = SQLSubqueryBuilder()
        _ = try restricted(counting.column(SQLLiteral.numeric("1"))).limit(Self.countedUpTo)
        let counted = counting.query
        let total = try await sql.select().column(SQLFunction("count", args: SQLLiteral.all), as: "total")
            .from(SQLAlias(counted, as: SQLIdentifier("counted"))).first()?.decode(column: "total", as: Int.self) ?? 0
        // One more than a page: whether there is a next one, without counting.
        let rows = try await restricted(sql.select().columns(EBoxDocument.columns.map { SQLIdentifier($0) }))
            .orderBy("delivered_at", .descending).orderBy("id", .descending)
            .limit(Self.pageSize + 1).offset((filter.page - 1) * Self.pageSize).all()
        return Listing(documents: try rows.prefix(Self.pageSize).map(EBoxDocument.init(row:)), total: total, hasMore: rows.count > Self.pageSize)
    }

    /// The senders and types the mailbox has had documents from, for the filters: from `ebox_facets`, a few rows per
    /// person written at publication, rather than a DISTINCT over every document.
    func facets(of mailbox: Mailbox) async throws -> (senders: Set<UUID>, types: Set<String>) {
        struct Row: Decodable { let sender_id: UUID; let type: String }
        let rows = try await database.sql.select().column("sender_id").column("type").from("ebox_facets")
            .where("mailbox_id", .equal, mailbox.requireID()).all(decoding: Row.self)
        return (Set(rows.map(\.sender_id)), Set(rows.map(\.type)))
    }

    func document(_ id: UUID, in mailbox: Mailbox) async throws -> EBoxDocument? {
        try await EBoxDocument.query(on: database.db).filter(\.$id == id).filter(\.$mailboxID == mailbox.requireID()).first()
    }

    /// Opening a document marks it read; the first opening of registered mail is what its receipt states.
    func markOpened(_ document: EBoxDocument) async throws {
        guard document.readAt == nil else { return }
        let now = clock()
        let id = try document.requireID()
        let rows = try await database.writeStatement { sql in
            try await sql.update(EBoxDocument.schema).set("read_at", to: now)
                .where("id", .equal, id).where("read_at", .is, SQLLiteral.null).returning("id").all()
        }
        if !rows.isEmpty {
            document.readAt = now
        } else if let stored = try await EBoxDocument.find(document.requireID(), on: database.db) {
            document.readAt = stored.readAt
        }
    }

    func setArchived(_ document: EBoxDocument, _ archived: Bool) async throws {
        document.archivedAt = archived ? (document.archivedAt ?? clock()) : nil
        try await database.writeStatement { db in try await document.update(on: db) }
    }

    /// Every document of the mailbox with its files, for "download everything".
    func everything(in mailbox: Mailbox) async throws -> [(EBoxDocument, [DocumentFile])] {
        let documents = try await EBoxDocument.query(on: database.db).filter(\.$mailboxID == mailbox.requireID())
            .sort(\.$deliveredAt, .descending).all()
        let ids = try documents.map { try $0.requireID() }
        var files: [UUID: [DocumentFile]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500) {
            let part = Array(ids[chunk..<min(chunk + 500, ids.count)])
            for file in try await DocumentFile.query(on: database.db).filter(\.$documentID ~~ part).sort(\.$position).all() {
                files[file.documentID, default: []].append(file)
            }
        }
        return documents.map { ($0, files[$0.id!] ?? []) }
    }

    // MARK: The sender's view

    func message(_ messageID: String, of sender: SenderProfile) async throws -> EBoxDocument? {
        try await existing(senderID: sender.id, messageID: messageID)
    }

    func mailbox(of document: EBoxDocument) async throws -> Mailbox? {
        try await Mailbox.find(document.mailboxID, on: database.db)
    }

    /// The notice that announced the document: its outbox fate, or `digest` while a daily summary is awaited.
    func noticeDelivery(of document: EBoxDocument) async throws -> (status: String, sentAt: Date?) {
        guard let key = document.noticeKey else { return ("digest", nil) }
        guard key != "none" else { return ("sent", nil) }
        guard let delivery = try await outbox.deliveries(keys: [key])[key] else { return ("sent", nil) }
        return (delivery.status.rawValue, delivery.sentAt)
    }
}
