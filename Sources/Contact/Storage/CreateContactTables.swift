import FluentKit
import SQLKit

/// PersoContact's tables, and its full-text index in the database's own engine: an FTS5 table on SQLite, a
/// `tsvector` with a GIN index on PostgreSQL.
struct CreateContactTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ContactCase.schema)
            .id()
            .field("reference", .string, .required)
            .field("desk", .string, .required)
            .field("topic", .string, .required)
            .field("requester_nrn", .string, .required)
            .field("requester_name", .string, .required)
            .field("requester_email", .string)
            .field("language", .string, .required)
            .field("subject", .string, .required)
            .field("fields_json", .string, .required)
            .field("status", .string, .required)
            .field("assignee_nrn", .string)
            .field("assignee_name", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("due_at", .datetime, .required)
            .field("closed_at", .datetime)
            .field("previous_case_id", .uuid)
            .unique(on: "reference")
            .create()
        try await database.schema(CaseMessage.schema)
            .id()
            .field("case_id", .uuid, .required, .references(ContactCase.schema, "id", onDelete: .cascade))
            .field("author_kind", .string, .required)
            .field("author_name", .string, .required)
            .field("body", .string, .required)
            .field("internal", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("ebox_document_id", .string)
            .create()
        try await database.schema(CaseAttachment.schema)
            .id()
            .field("case_id", .uuid, .required, .references(ContactCase.schema, "id", onDelete: .cascade))
            .field("message_id", .uuid, .required, .references(CaseMessage.schema, "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("media_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("content", .data, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(CaseEvent.schema)
            .id()
            .field("case_id", .uuid, .required, .references(ContactCase.schema, "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("actor", .string, .required)
            .field("kind", .string, .required)
            .field("detail", .string, .required)
            .create()
        try await database.schema(CaseRating.schema)
            .id()
            .field("case_id", .uuid, .required, .references(ContactCase.schema, "id", onDelete: .cascade))
            .field("desk", .string, .required)
            .field("topic", .string, .required)
            .field("score", .int, .required)
            .field("comment", .string)
            .field("rated_at", .datetime, .required)
            .unique(on: "case_id")
            .create()
        try await database.schema(HandlerDuty.schema)
            .id()
            .field("handler_nrn", .string, .required)
            .field("handler_name", .string, .required)
            .field("desk", .string, .required)
            .field("topic", .string, .required)
            .field("on_duty", .bool, .required)
            .field("turn", .int, .required)
            .unique(on: "handler_nrn", "desk", "topic")
            .create()
        try await database.schema(AnswerTemplate.schema)
            .id()
            .field("desk", .string, .required)
            .field("topic", .string)
            .field("title", .string, .required)
            .field("body_fr", .string, .required)
            .field("body_nl", .string, .required)
            .field("body_de", .string, .required)
            .field("body_en", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        // "My cases", newest activity first; the queue's open cases (closed_at null) oldest due first, everyone's or one
        // handler's, and its closed ones newest first; the retention purge.
        try await sql.raw("CREATE INDEX contact_cases_requester ON contact_cases (requester_nrn, updated_at)").run()
        try await sql.raw("CREATE INDEX contact_cases_queue ON contact_cases (desk, closed_at, due_at)").run()
        try await sql.raw("CREATE INDEX contact_cases_assignee ON contact_cases (desk, assignee_nrn, closed_at, due_at)").run()
        try await sql.raw("CREATE INDEX contact_cases_closed ON contact_cases (closed_at)").run()
        try await sql.raw("CREATE INDEX contact_messages_case ON contact_messages (case_id, created_at)").run()
        try await sql.raw("CREATE INDEX contact_attachments_case ON contact_attachments (case_id)").run()
        try await sql.raw("CREATE INDEX contact_events_case ON contact_events (case_id, at)").run()
        try await sql.raw("CREATE INDEX contact_ratings_topic ON contact_ratings (desk, topic)").run()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("""
                CREATE TABLE contact_search (id BIGSERIAL PRIMARY KEY, case_id UUID NOT NULL REFERENCES contact_cases (id) ON DELETE CASCADE,
                    desk TEXT NOT NULL, document TSVECTOR NOT NULL)
                """).run()
            try await sql.raw("CREATE INDEX contact_search_document ON contact_search USING GIN (document)").run()
            try await sql.raw("CREATE INDEX contact_search_case ON contact_search (case_id)").run()
        } else {
            // Accents folded ("salaire" finds "Salaïre"), the desk kept beside each row to filter on.
            try await sql.raw("""
                CREATE VIRTUAL TABLE contact_search USING fts5(case_id UNINDEXED, desk UNINDEXED, body,
                    tokenize = 'unicode61 remove_diacritics 2')
                """).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP TABLE contact_search").run()
        for schema in [AnswerTemplate.schema, HandlerDuty.schema, CaseRating.schema, CaseEvent.schema, CaseAttachment.schema,
                       CaseMessage.schema, ContactCase.schema] {
            try await database.schema(schema).delete()
        }
    }
}
