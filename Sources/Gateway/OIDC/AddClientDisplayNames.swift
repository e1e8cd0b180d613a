import FluentKit

/// An application's name as people read it, in each language (`client add --name-fr …`): "my activity" and the
/// key chooser name applications, never show their client id.
struct AddClientDisplayNames: AsyncMigration {
    static let columns = ["name_fr", "name_nl", "name_de", "name_en"]

    func prepare(on database: any Database) async throws {
        for column in Self.columns {
            try await database.schema(RegisteredClient.schema).field(FieldKey(stringLiteral: column), .string).update()
        }
    }

    func revert(on database: any Database) async throws {
        for column in Self.columns {
            try await database.schema(RegisteredClient.schema).deleteField(FieldKey(stringLiteral: column)).update()
        }
    }
}
