import FluentKit
import Foundation
import Gateway
import Messaging
import PersoCore
import SQLKit

/// Issuing activation letters and using them (`registration_activations`).
struct Activations: Sendable {
    let database: PersoDatabase
    let outbox: Outbox
    let mails: ActivationMails
    let clock: @Sendable () -> Date

    static let lifetime: TimeInterval = 14 * 86_400
    /// Wrong codes before the activation is blocked.
    static let allowedFailures = 5

    /// The letter's code and the link's secret: shown once, stored only hashed.
    struct Letter: Sendable {
        let code: String
        let link: String
        let expiresAt: Date
    }

    /// A new activation for the person, on `db` (the registration's transaction, or its own); earlier ones still
    /// pending are replaced. The e-mail with the link goes out with it.
    func issue(for person: Person, keys: [KeyIdentifier], officer: Officer, on db: any Database) async throws -> Letter {
        let personID = try person.requireID()
        let now = clock()
        let letter = Letter(code: ActivationCode.make(), link: SecureRandom.token(bytes: 32), expiresAt: now.addingTimeInterval(Self.lifetime))
        try await Activation.query(on: db).filter(\.$personID == personID).filter(\.$status == .pending).set(\.$status, to: .replaced).update()
        let activation = Activation()
        activation.personID = personID
        activation.$office.id = try officer.office.requireID()
        activation.officerID = officer.personID
        activation.linkHash = SecureRandom.digest(letter.link)
        activation.codeHash = ActivationCode.hash(letter.code, link: letter.link)
        activation.keyList = keys.map(\.rawValue).joined(separator: ",")
        activation.status = .pending
        activation.failures = 0
        activation.createdAt = now
        activation.expiresAt = letter.expiresAt
        try await activation.create(on: db)
        try await outbox.enqueue(mails.activation(person, link: letter.link, office: officer.office, expiresAt: letter.expiresAt),
                                 key: "office-activation:\(try activation.requireID().uuidString)", on: db)
        return letter
    }

    /// Why a link no longer works.
    enum Gone: Error, Equatable {
        case unknown, used, replaced, expired, blocked
    }

    /// The activation behind a link, if it can still be used.
    func usable(link: String) async throws -> Result<Activation, Gone> {
        guard (20...100).contains(link.count),
              let activation = try await Activation.query(on: database.db).filter(\.$linkHash == SecureRandom.digest(link)).with(\.$office).first() else {
            return .failure(.unknown)
        }
        switch activation.status {
        case .used: return .failure(.used)
        case .replaced: return .failure(.replaced)
        case .blocked: return .failure(.blocked)
        case .pending: return activation.expiresAt < clock() ? .failure(.expired) : .success(activation)
        }
    }

    /// Checks the typed code. A wrong one counts, in one statement, and blocks the activation at the limit; the answer
    /// is the tries left (0: blocked), or nil when the code is right.
    func check(code typed: String, link: String, activation: Activation) async throws -> Int? {
        let expected = activation.codeHash
        if let code = ActivationCode.normalised(typed), SecureRandom.constantTimeEquals(ActivationCode.hash(code, link: link), expected) {
            return nil
        }
        let id = try activation.requireID()
        let row = try await database.writeStatement { sql in try await sql.raw("""
            UPDATE registration_activations SET failures = failures + 1,
                status = CASE WHEN failures + 1 >= \(bind: Self.allowedFailures) THEN 'blocked' ELSE status END
            WHERE id = \(bind: id) RETURNING failures
            """).first() }
        let failures = try row?.decode(column: "failures", as: Int.self) ?? Self.allowedFailures
        return max(0, Self.allowedFailures - failures)
    }

    /// Marks the activation used, once: of two submissions at once, one gets true.
    func use(_ activation: Activation) async throws -> Bool {
        let id = try activation.requireID(), now = clock()
        return try await !database.writeStatement { sql in
            try await sql.update(Activation.schema)
                .set("status", to: Activation.Status.used.rawValue).set("used_at", to: now)
                .where("id", .equal, id).where("status", .equal, Activation.Status.pending.rawValue)
                .returning("id").all()
        }.isEmpty
    }

    /// Forgets activations a month after they stopped being usable.
    func purge() async throws -> Int {
        let cutoff = clock().addingTimeInterval(-30 * 86_400)
        return try await database.write { db in
            let old = Activation.query(on: db).filter(\.$expiresAt < cutoff)
            let count = try await old.copy().count()
            try await old.delete()
            return count
        }
    }
}
