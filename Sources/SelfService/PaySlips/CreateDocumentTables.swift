import FluentKit
import SQLKit

/// Pay slips with their runs, and career-interruption applications with their decisions.
struct CreateDocumentTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PaySlipRun.schema)
            .id()
            .field("organisation", .string, .required)
            .field("period", .string, .required)
            .field("started_by", .string, .required)
            .field("started_by_name", .string, .required)
            .field("started_at", .datetime, .required)
            .field("total", .int, .required)
            .create()
        try await database.schema(PaySlip.schema)
            .id()
            .field("run_id", .uuid, .required)
            .field("national_number", .string, .required)
            .field("organisation", .string, .required)
            .field("period", .string, .required)
            .field("kind", .string, .required)
            .field("gross_cents", .int, .required)
            .field("net_cents", .int, .required)
            .field("delivery", .string, .required)
            .field("ebox_document_id", .string)
            .field("attempted_at", .datetime)
            .field("created_at", .datetime, .required)
            .unique(on: "national_number", "period", "kind")
            .create()
        try await database.schema(CareerInterruption.schema)
            .id()
            .field("national_number", .string, .required)
            .field("organisation", .string, .required)
            .field("kind", .string, .required)
            .field("regime", .string, .required)
            .field("first_day", .string, .required)
            .field("last_day", .string, .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("decided_by", .string)
            .field("decided_by_name", .string)
            .field("decided_at", .datetime)
            .field("reason", .string)
            .field("delivery", .string, .required)
            .field("ebox_document_id", .string)
            .field("attempted_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX selfservice_payslips_delivery ON selfservice_payslips (delivery, created_at)").run()
        try await sql.raw("CREATE INDEX selfservice_payslips_run ON selfservice_payslips (run_id, delivery)").run()
        try await sql.raw("CREATE INDEX selfservice_interruptions_person ON selfservice_career_interruptions (national_number)").run()
        try await sql.raw("CREATE INDEX selfservice_interruptions_delivery ON selfservice_career_interruptions (delivery)").run()
    }

    func revert(on database: any Database) async throws {
        for schema in [CareerInterruption.schema, PaySlip.schema, PaySlipRun.schema] { try await database.schema(schema).delete() }
    }
}
