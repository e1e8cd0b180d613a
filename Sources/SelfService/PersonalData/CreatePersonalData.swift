import FluentKit

/// PersoSelfService's tables: personal details, their history, and pending e-mail confirmations.
struct CreatePersonalData: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(PersonalDetails.schema)
            .id()
            .field("subject", .string, .required)
            .field("street", .string)
            .field("postal_code", .string)
            .field("municipality", .string)
            .field("country", .string)
            .field("phone", .string)
            .field("private_email", .string)
            .field("iban", .string)
            .field("updated_at", .datetime, .required)
            .unique(on: "subject")
            .create()
        try await database.schema(PersonalDataChange.schema)
            .id()
            .field("subject", .string, .required)
            .field("field", .string, .required)
            .field("old_value", .string)
            .field("new_value", .string)
            .field("changed_at", .datetime, .required)
            .create()
        try await database.schema(EmailConfirmation.schema)
            .id()
            .field("subject", .string, .required)
            .field("email", .string, .required)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(EmailConfirmation.schema).delete()
        try await database.schema(PersonalDataChange.schema).delete()
        try await database.schema(PersonalDetails.schema).delete()
    }
}
