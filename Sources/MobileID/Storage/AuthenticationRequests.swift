import FluentKit
import Foundation
import PersoCore
import SQLKit

/// The CIBA requests: opened by a relying party, answered on the phone, collected once.
struct AuthenticationRequests: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    /// CIBA Core §7.3: 120 s unless the relying party asks for less (or, within the bound, more).
    static let defaultExpiry = 120
    static let longestExpiry = 600
    /// §7.3 `interval`; `slow_down` adds 5 s each time (§11).
    static let pollInterval = 5
    /// Push bombing (ASVS 5.0 6.6.4): this many requests left unanswered or refused within `bombingWindow` stop
    /// new ones for `quietPeriod`.
    static let unansweredLimit = 3
    static let bombingWindow: TimeInterval = 10 * 60
    static let quietPeriod: TimeInterval = 15 * 60

    struct Opening: Sendable {
        let clientID: String
        let identity: MobileIdentity
        let scopes: [String]
        let acr: String
        let bindingMessage: String?
        let expiresIn: Int
        let delivery: AuthenticationRequest.Delivery
        let notificationToken: String?
    }

    enum Refusal: Error { case quiet(until: Date) }

    /// Opens a request and answers its `auth_req_id` (192 random bits; only its digest is stored).
    func open(_ opening: Opening) async throws -> (authReqID: String, request: AuthenticationRequest) {
        let identityID = try opening.identity.requireID()
        let now = clock()
        let authReqID = SecureRandom.token(bytes: 24)
        // The pause is recorded and the request refused in one transaction that commits: thrown from inside, the
        // refusal would roll the pause back with it.
        let outcome = try await database.write { db -> Result<AuthenticationRequest, Refusal> in
            guard let identity = try await MobileIdentity.find(identityID, on: db) else { return .failure(.quiet(until: now)) }
            if let quietUntil = identity.quietUntil, quietUntil > now { return .failure(.quiet(until: quietUntil)) }
            let unanswered = try await AuthenticationRequest.query(on: db).filter(\.$identityID == identityID)
                .filter(\.$createdAt > now.addingTimeInterval(-Self.bombingWindow))
                // Refused, expired without an answer, or still waiting: none of them was the person logging in.
                .filter(\.$status ~~ [.denied, .pending])
                .count()
            if unanswered >= Self.unansweredLimit {
                let until = now.addingTimeInterval(Self.quietPeriod)
                identity.quietUntil = until
                try await identity.update(on: db)
                return .failure(.quiet(until: until))
            }
            let request = AuthenticationRequest()
            request.requestHash = SecureRandom.digest(authReqID)
            request.clientID = opening.clientID
            request.identityID = identityID
            request.scopes = opening.scopes
            request.acr = opening.acr
            request.bindingMessage = opening.bindingMessage
            request.choices = Self.choices(for: opening.bindingMessage)
            request.delivery = opening.delivery
            request.notificationToken = opening.notificationToken
            request.pingRequestID = opening.delivery == .ping ? authReqID : nil
            request.status = .pending
            request.interval = Self.pollInterval
            request.nextPollAt = now
            request.expiresAt = now.addingTimeInterval(TimeInterval(opening.expiresIn))
            request.amr = []
            request.createdAt = now
            try await request.create(on: db)
            return .success(request)
        }
        let request = try outcome.get()
        return (authReqID, request)
    }

    /// Number matching (CISA): a two-digit binding message is the number on the PC; the phone offers it among two
    /// other numbers, in a random order, and the person taps the one they see.
    static func choices(for bindingMessage: String?) -> [String] {
        guard let number = bindingMessage, number.count == 2, number.allSatisfy({ $0.isASCII && $0.isNumber }) else { return [] }
        var choices: Set<String> = [number]
        while choices.count < 3 { choices.insert(String(format: "%02d", Int.random(in: 10...99))) }
        return choices.shuffled()
    }

    func request(authReqID: String) async throws -> AuthenticationRequest? {
        guard authReqID.count <= 100 else { return nil }
        return try await AuthenticationRequest.query(on: database.db).filter(\.$requestHash == SecureRandom.digest(authReqID)).first()
    }

    func request(_ id: UUID) async throws -> AuthenticationRequest? {
        try await AuthenticationRequest.find(id, on: database.db)
    }

    /// What the phone shows: the requests still waiting for it, newest first.
    func pending(for identity: MobileIdentity) async throws -> [AuthenticationRequest] {
        try await AuthenticationRequest.query(on: database.db).filter(\.$identityID == identity.requireID())
            .filter(\.$status == .pending).filter(\.$expiresAt > clock()).sort(\.$createdAt, .descending).limit(5).all()
    }

    /// What the app lists as the person's recent activity: the last requests that are no longer waiting.
    func recent(for identity: MobileIdentity) async throws -> [AuthenticationRequest] {
        let now = clock()
        return try await AuthenticationRequest.query(on: database.db).filter(\.$identityID == identity.requireID())
            .group(.or) { $0.filter(\.$status != .pending).filter(\.$expiresAt <= now) }
            .sort(\.$createdAt, .descending).limit(8).all()
    }

    /// The phone's answer, once, while the request waits: of two answers at once one counts.
    func decide(_ request: AuthenticationRequest, approved: Bool, amr: [String]) async throws -> Bool {
        let id = try request.requireID(), now = clock()
        let status: AuthenticationRequest.Status = approved ? .approved : .denied
        return try await database.write { db in
            let rows = try await (db as! any SQLDatabase).update(AuthenticationRequest.schema)
                .set("status", to: status.rawValue).set("decided_at", to: now)
                .where("id", .equal, id).where("status", .equal, AuthenticationRequest.Status.pending.rawValue)
                .where("expires_at", .greaterThan, now).returning("id").all()
            guard !rows.isEmpty else { return false }
            // The array through fluent, which stores it as each database wants (JSON on SQLite, text[] on PostgreSQL).
            try await AuthenticationRequest.query(on: db).filter(\.$id == id).set(\.$amr, to: amr).update()
            return true
        }
    }

    /// The relying party gave up (the PC page was closed or cancelled); nothing if already answered.
    func cancel(_ request: AuthenticationRequest) async throws {
        let id = try request.requireID()
        try await database.writeStatement { sql in
            try await sql.update(AuthenticationRequest.schema).set("status", to: AuthenticationRequest.Status.cancelled.rawValue)
                .where("id", .equal, id).where("status", .equal, AuthenticationRequest.Status.pending.rawValue).run()
        }
    }

    /// A poll (CIBA Core §11): true when it came no sooner than the interval allows; otherwise the interval grows by
    /// 5 s, as `slow_down` tells the relying party.
    func admitPoll(_ request: AuthenticationRequest) async throws -> Bool {
        let id = try request.requireID(), now = clock()
        let admitted = try await database.writeStatement { sql in
            try await sql.raw("""
                UPDATE mobileid_requests SET next_poll_at = \(bind: now.addingTimeInterval(TimeInterval(request.interval)))
                WHERE id = \(bind: id) AND next_poll_at <= \(bind: now) RETURNING id
                """).all()
        }
        if !admitted.isEmpty { return true }
        try await database.writeStatement { sql in
            try await sql.raw("""
                UPDATE mobileid_requests SET poll_interval = poll_interval + 5,
                    next_poll_at = \(bind: now.addingTimeInterval(TimeInterval(request.interval + 5)))
                WHERE id = \(bind: id)
                """).run()
        }
        return false
    }

    /// Hands the tokens over once: of two polls at once, one collects.
    func collect(_ request: AuthenticationRequest) async throws -> Bool {
        let id = try request.requireID()
        return try await !database.writeStatement { sql in
            try await sql.update(AuthenticationRequest.schema).set("status", to: AuthenticationRequest.Status.collected.rawValue)
                .where("id", .equal, id).where("status", .equal, AuthenticationRequest.Status.approved.rawValue).returning("id").all()
        }.isEmpty
    }

    /// Requests a day old: their tokens are long collected or never will be.
    func purge() async throws -> Int {
        let cutoff = clock().addingTimeInterval(-86_400)
        return try await database.write { db in
            let old = AuthenticationRequest.query(on: db).filter(\.$createdAt < cutoff)
            let count = try await old.copy().count()
            try await old.delete()
            return count
        }
    }
}
