import FluentKit

/// Telework patterns and the days other than usual.
struct CreateTeleworkTables: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(TeleworkPattern.schema)
            .id()
            .field("national_number", .string, .required)
            .field("weekdays", .array(of: .int), .required)
            .field("status", .string, .required)
            .field("created_at", .datetime, .required)
            .field("decided_by_name", .string)
            .create()
        try await database.schema(TeleworkDay.schema)
            .id()
            .field("national_number", .string, .required)
            .field("day", .string, .required)
            .field("kind", .string, .required)
            .unique(on: "national_number", "day")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(TeleworkDay.schema).delete()
        try await database.schema(TeleworkPattern.schema).delete()
    }
}
