import FluentKit
import SQLKit

/// The enrolments of the guide's eight steps (a table of its own: deployments already have the first ones).
struct CreateMobileIDEnrolments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Enrolment.schema)
            .id()
            .field("national_number", .string, .required)
            .field("given_name", .string, .required)
            .field("surname", .string, .required)
            .field("language", .string, .required)
            .field("phone", .string, .required)
            .field("email", .string, .required)
            .field("contract_version", .string, .required)
            .field("contract_sha256", .string, .required)
            .field("signed_at", .datetime, .required)
            .field("login_sid", .string)
            .field("token_hash", .string, .required)
            .field("token_expires_at", .datetime, .required)
            .field("token_used_at", .datetime)
            .field("token_failures", .int, .required)
            .field("phone_secret_hash", .string)
            .field("sms_code_hash", .string)
            .field("sms_expires_at", .datetime)
            .field("sms_sends", .int, .required)
            .field("sms_failures", .int, .required)
            .field("verified_at", .datetime)
            .field("completed_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        // The phone finds its enrolment by number, then by the secret it was given.
        try await (database as! any SQLDatabase).raw("CREATE INDEX mobileid_enrolments_phone ON mobileid_enrolments (phone, created_at)").run()
        try await (database as! any SQLDatabase).raw("CREATE INDEX mobileid_enrolments_secret ON mobileid_enrolments (phone_secret_hash)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Enrolment.schema).delete()
    }
}
