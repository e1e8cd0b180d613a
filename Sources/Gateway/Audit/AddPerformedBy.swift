import FluentKit

/// Who acted on a person's account when it was not the person (registration offices, the command line).
struct AddPerformedBy: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema).field("performed_by", .json).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(AuditEvent.schema).deleteField("performed_by").update()
    }
}
