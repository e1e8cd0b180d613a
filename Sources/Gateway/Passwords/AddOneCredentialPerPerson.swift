import FluentKit
import SQLKit

/// A person has at most one username and password: two "create" forms sent at once (two tabs, a double click) must
/// not leave two usernames for one person, and the index is what lets the second write fail and become an update.
struct AddOneCredentialPerPerson: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("CREATE UNIQUE INDEX IF NOT EXISTS password_credentials_person ON password_credentials (person_id)").run()
    }

    func revert(on database: any Database) async throws {
        try await (database as! any SQLDatabase).raw("DROP INDEX IF EXISTS password_credentials_person").run()
    }
}
