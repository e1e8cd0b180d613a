import FluentKit

struct CreatePeople: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(Organisation.schema)
            .id()
            .field("code", .string, .required)
            .field("name_fr", .string, .required)
            .field("name_nl", .string, .required)
            .field("name_de", .string, .required)
            .field("name_en", .string, .required)
            .unique(on: "code")
            .create()
        try await database.schema(Person.schema)
            .id()
            .field("nrn", .string, .required)
            .field("given_name", .string, .required)
            .field("surname", .string, .required)
            .field("preferred_language", .string, .required)
            .field("email", .string)
            .unique(on: "nrn")
            .create()
        try await database.schema(Membership.schema)
            .id()
            .field("person_id", .uuid, .required, .references(Person.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .unique(on: "person_id", "organisation_id", "role")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(Membership.schema).delete()
        try await database.schema(Person.schema).delete()
        try await database.schema(Organisation.schema).delete()
    }
}

public enum GatewayMigrations {
    public static var all: [any Migration] { [CreatePeople(), CreateGatewayTables(), AddGatewayIndexes(), CreateLoginFailures(), CreatePersonKeys(), CreateCardReaderHandoffs(),
                                               AddResourceServersAndRefreshSuccessors(),
                                               CreateAddressFailures(), CreateTrustedDevices(), AddClientDisplayNames(),
                                               AddOneCredentialPerPerson(), AddPerformedBy()] }
}
