import FluentKit
import Foundation
import PersoCore

/// People's usernames and password hashes (`password_credentials`), for the password step of a login and for
/// "my password".
struct PasswordCredentials: Sendable {
    let database: PersoDatabase

    func credential(of personID: UUID) async throws -> PasswordCredential? {
        try await PasswordCredential.query(on: database.db).filter(\.$person.$id == personID).first()
    }

    /// By username, as people type it (usernames are kept in lower case).
    func credential(username: String) async throws -> PasswordCredential? {
        try await PasswordCredential.query(on: database.db).filter(\.$username == username.lowercased()).first()
    }

    /// True when someone other than this person has the username.
    func isTaken(_ username: String, by personID: UUID) async throws -> Bool {
        try await PasswordCredential.query(on: database.db).filter(\.$username == username).filter(\.$person.$id != personID).first() != nil
    }

    /// A hash replaced at login (made with older parameters).
    func update(_ credential: PasswordCredential) async throws {
        try await database.write { db in try await credential.update(on: db) }
    }

    /// Sets the person's username and password hash, new or replacing `existing`, in one transaction with
    /// `alongside` (the e-mail that announces the change, through the outbox).
    func set(username: String, phc: String, for personID: UUID, replacing existing: PasswordCredential?, at now: Date,
             alongside: @Sendable @escaping (any Database) async throws -> Void) async throws {
        try await database.write { db in
            if let existing {
                existing.username = username
                existing.phc = phc
                existing.updatedAt = now
                try await existing.update(on: db)
            } else {
                try await PasswordCredential(personID: personID, username: username, phc: phc, updatedAt: now).create(on: db)
            }
            try await alongside(db)
        }
    }
}
