import FluentKit
import Foundation
import PersoCore
import SQLKit

/// Slows down and finally stops whoever guesses secrets. Per account and key: the first failures are free,
/// then each one imposes a wait that doubles (30 s, 1 min, 2 min … up to 1 h); after 100 consecutive
/// failures the key is locked until a registration officer (or a login with a stronger key) lifts it. A browser
/// the person logged in with before has its own count (`TrustedDevices`), so these waits never shut the owner out
/// of it. Per client address, `AddressThrottle` holds an address that fails too often to a slow rate.
/// Subjects are what the person typed (the username), never whether it exists, so the answers are the same
/// for an unknown account; while a wait runs the secret is not even checked.
struct BruteForceGuard: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date
    var addresses: AddressThrottle { AddressThrottle(database: database, clock: clock) }

    static let freeFailures = 5
    static let firstWait: TimeInterval = 30
    static let longestWait: TimeInterval = 3600
    static let lockAfter = 100

    /// How many failures a subject has before waits begin, and whether it is ever locked.
    struct Allowance: Sendable {
        var freeFailures: Int
        var lockAfter: Int?

        /// A secret anyone may try from anywhere: a username's password, a person's code.
        static let secret = Allowance(freeFailures: BruteForceGuard.freeFailures, lockAfter: BruteForceGuard.lockAfter)
        /// Tries that are very likely the owner's — from a browser trusted for that username, or from a session
        /// already proven with a fresh security code: more room, and never a lock of the account.
        static let likelyOwner = Allowance(freeFailures: TrustedDevices.freeFailures, lockAfter: nil)
    }

    enum Verdict: Equatable, Sendable {
        case allowed
        /// Try again after this many seconds.
        case wait(TimeInterval)
        /// Locked until a registration officer unlocks it.
        case locked

        /// What the person reads instead of a check of the secret; nil when the secret may be tried.
        func refusal(_ texts: GatewayTexts) -> String? {
            switch self {
            case .allowed: nil
            case .wait(let seconds): texts.tooManyAttempts(max(1, Int(seconds.rounded(.up))))
            case .locked: texts.keyLocked
            }
        }
    }

    static func passwordSubject(username: String) -> String { "password:" + username.lowercased() }

    /// The current password typed on "my password" by someone already logged in with a fresh security code: counted
    /// for that person alone, so a stranger guessing the username elsewhere never keeps its owner from changing it.
    static func passwordChangeSubject(personID: UUID) -> String { "password-change:\(personID.uuidString.lowercased())" }

    /// A security code is guessed per person and key: the person is known once the password step is passed.
    static func codeSubject(_ key: KeyIdentifier, personID: UUID) -> String { "\(key.rawValue):\(personID.uuidString.lowercased())" }

    /// The subjects of every secret a person types with these keys, with the level each would prove: what an unlock
    /// lifts. The password's are counted at the password key's level.
    static func subjects(username: String?, personID: UUID?, keys: [KeyProfile]) -> [(LevelOfAssurance, String)] {
        let codeKeys = keys.filter { $0.identifier != .password }
        var subjects = personID.map { id in codeKeys.map { ($0.level, codeSubject($0.identifier, personID: id)) } } ?? []
        let password = PasswordKey.profile.level
        if let username { subjects.insert((password, passwordSubject(username: username)), at: 0) }
        if let personID { subjects.insert((password, passwordChangeSubject(personID: personID)), at: 0) }
        return subjects
    }

    /// May this secret be tried now, from this address? (No address: the address is not limited, as for a
    /// trusted browser.)
    func verdict(subject: String, ip: String?) async throws -> Verdict {
        let now = clock()
        var longest: TimeInterval = 0
        if let record = try await LoginFailureRecord.query(on: database.db).filter(\.$subject == subject).first() {
            if record.locked { return .locked }
            if let until = record.blockedUntil, until > now { longest = until.timeIntervalSince(now) }
        }
        if let ip { longest = max(longest, try await addresses.wait(address: ip)) }
        // To the nearest second: stored times come back from the database a hair off.
        return longest > 0.5 ? .wait(longest.rounded()) : .allowed
    }

    /// A wrong secret: counts it for the subject and the address, and sets the wait or the lock; returns the
    /// subject's count of consecutive failures.
    @discardableResult
    func recordFailure(subject: String, ip: String?, allowance: Allowance = .secret) async throws -> Int {
        let now = clock()
        let failures = try await addFailure(subject, now: now)
        if let lockAfter = allowance.lockAfter, failures >= lockAfter {
            try await set(subject, blockedUntil: nil, locked: true)
        } else if failures >= allowance.freeFailures {
            let wait = min(Self.firstWait * pow(2, Double(failures - allowance.freeFailures)), Self.longestWait)
            try await set(subject, blockedUntil: now.addingTimeInterval(wait), locked: false)
        }
        if let ip { try await addresses.recordFailure(address: ip) }
        return failures
    }

    /// The right secret: the account's count starts again (the address's window runs out by itself).
    func recordSuccess(subject: String) async throws {
        try await database.write { db in try await LoginFailureRecord.query(on: db).filter(\.$subject == subject).delete() }
    }

    /// A login with a stronger key proves more than the locked secrets did: their counts and locks are lifted.
    func liftWeaker(than level: LevelOfAssurance, keys: [KeyProfile], username: String?, personID: UUID) async throws {
        let weaker = Self.subjects(username: username, personID: personID, keys: keys).filter { $0.0 < level }.map(\.1)
        guard !weaker.isEmpty else { return }
        try await database.write { db in try await LoginFailureRecord.query(on: db).filter(\.$subject ~~ weaker).delete() }
    }

    /// What a registration officer does for a person locked out of any of their keys; true if something was lifted.
    func unlockAll(username: String?, personID: UUID?, keys: [KeyProfile]) async throws -> Bool {
        let subjects = Self.subjects(username: username, personID: personID, keys: keys).map(\.1)
        return try await database.write { db -> Bool in
            let found = try await LoginFailureRecord.query(on: db).filter(\.$subject ~~ subjects).count()
            try await LoginFailureRecord.query(on: db).filter(\.$subject ~~ subjects).delete()
            return found > 0
        }
    }

    /// Rows nobody has failed on for a day and that lock nothing, and minutes that left the addresses' window.
    func purge() async throws {
        let before = clock().addingTimeInterval(-86_400)
        try await database.write { db in
            try await LoginFailureRecord.query(on: db).filter(\.$locked == false).filter(\.$updatedAt < before).delete()
        }
        try await addresses.purge()
    }

    /// Adds one failure in a single statement (two concurrent failures both count) and returns the count.
    private func addFailure(_ subject: String, now: Date) async throws -> Int {
        try await database.write { db -> Int in
            let row = try await (db as! any SQLDatabase).raw("""
                INSERT INTO login_failures (id, subject, failures, blocked_until, locked, updated_at)
                VALUES (\(bind: UUID()), \(bind: subject), 1, NULL, \(bind: false), \(bind: now))
                ON CONFLICT (subject) DO UPDATE SET failures = login_failures.failures + 1, updated_at = excluded.updated_at
                RETURNING failures
                """).first()
            return try row?.decode(column: "failures", as: Int.self) ?? 1
        }
    }

    private func set(_ subject: String, blockedUntil: Date?, locked: Bool) async throws {
        try await database.write { db in
            try await LoginFailureRecord.query(on: db).filter(\.$subject == subject)
                .set(\.$blockedUntil, to: blockedUntil).set(\.$locked, to: locked).update()
        }
    }
}
