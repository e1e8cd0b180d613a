import FluentKit
import SQLKit
import Foundation
import PersoCore

/// The second steps of security-code logins in progress (`code_challenges`): opened once the password is right,
/// counted while codes are tried, used once.
struct CodeChallenges: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    /// A new challenge for this person and key, saved in one transaction with what the key prepares for it (a code
    /// sent through the outbox, a card position drawn).
    func open(personID: UUID, key: KeyIdentifier, lifetime: TimeInterval,
              preparing prepare: @Sendable @escaping (CodeChallenge, any Database) async throws -> Void) async throws -> CodeChallenge {
        let now = clock()
        let id = UUID()
        // Made inside the transaction: a transaction run again after a conflict needs a challenge not yet created.
        return try await database.write { db in
            let challenge = CodeChallenge()
            challenge.id = id
            challenge.personID = personID
            challenge.kind = key
            challenge.tries = 0
            challenge.sends = 0
            challenge.codeExpiresAt = now.addingTimeInterval(lifetime)
            challenge.expiresAt = now.addingTimeInterval(lifetime)
            try await prepare(challenge, db)
            try await challenge.create(on: db)
            return challenge
        }
    }

    /// The challenge, if it is for this key and still open (neither used nor past its lifetime).
    func pending(_ id: UUID, key: KeyIdentifier) async throws -> CodeChallenge? {
        guard let challenge = try await CodeChallenge.find(id, on: database.db), challenge.kind == key, challenge.usedAt == nil,
              challenge.expiresAt > clock() else { return nil }
        return challenge
    }

    /// Saves the challenge's counters, with whatever else must change in the same transaction (the next code's e-mail).
    func save(_ challenge: CodeChallenge, with change: (@Sendable (any Database) async throws -> Void)? = nil) async throws {
        try await database.write { db in
            try await change?(db)
            try await challenge.update(on: db)
        }
    }

    /// Uses the challenge: true for exactly one of any requests racing with the same code.
    func use(_ challenge: CodeChallenge) async throws -> Bool {
        let id = try challenge.requireID(), now = clock()
        return try await database.write { db in
            try await SingleUseClaim(table: CodeChallenge.schema).claim(where: [("id", id)], at: now, on: db as! any SQLDatabase)
        }
    }
}
