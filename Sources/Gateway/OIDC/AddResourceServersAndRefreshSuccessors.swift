import FluentKit

/// Two columns for the protocol's edges: the clients whose access tokens a client may introspect as their
/// resource server, and, on a used refresh token, its successor sealed with the used token itself, so that the
/// honest retry of a refresh whose answer was lost gets the same successor back (see `TokenService.refresh`).
struct AddResourceServersAndRefreshSuccessors: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(RegisteredClient.schema).field("resource_server_for", .array(of: .string)).update()
        try await database.schema(RefreshTokenRecord.schema).field("successor_sealed", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(RegisteredClient.schema).deleteField("resource_server_for").update()
        try await database.schema(RefreshTokenRecord.schema).deleteField("successor_sealed").update()
    }
}
