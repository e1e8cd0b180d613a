import FluentKit
import Foundation

/// Loads, saves and expires sessions in the database. Time comes from `clock` so tests can move it.
public struct SessionStore: Sendable {
    public let database: PersoDatabase
    public let policy: SessionPolicy
    public let clock: @Sendable () -> Date

    private let sealingKey: CookieSealingKey

    public init(database: PersoDatabase, policy: SessionPolicy, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.policy = policy
        self.clock = clock
        sealingKey = CookieSealingKey(database: database)
    }

    /// Makes (or reads) the deployment's cookie-sealing key at start, not on the first visitor's request.
    public func prepare() async throws {
        _ = try await sealingKey.key()
    }

    private func preLoginCookie() async throws -> PreLoginCookie {
        PreLoginCookie(key: try await sealingKey.key(), cookieName: policy.preLoginCookieName)
    }

    /// An anonymous visitor's session from their pre-login cookie, or nil when it is not ours or past a limit.
    func open(preLogin text: String) async throws -> PreLoginCookie.Content? {
        try await preLoginCookie().open(text, now: clock(), policy: policy)
    }

    /// A live session for this cookie token, or nil when there is none or it is past a limit (then it is deleted).
    func load(token: String) async throws -> (record: SessionRecord, values: [String: String])? {
        // Tokens we issue are 43 characters; anything else is not worth a query.
        guard token.count == 43 else { return nil }
        let key = SecureRandom.digest(token)
        guard let record = try await SessionRecord.find(key, on: database.db) else { return nil }
        let now = clock()
        if isExpired(record, now: now) {
            try await database.write { db in try await record.delete(on: db) }
            return nil
        }
        let values = (try? JSONDecoder().decode([String: String].self, from: Data(record.data.utf8))) ?? [:]
        return (record, values)
    }

    func isExpired(_ record: SessionRecord, now: Date) -> Bool {
        now >= record.expiresAt || now.timeIntervalSince(record.lastSeenAt) >= TimeInterval(record.idleSeconds)
    }

    /// The limits of a loaded session as they will stand once this request is written: an active request past
    /// the touch interval moves the idle deadline, a background one never does.
    func deadlines(of record: SessionRecord, activity: Bool) -> SessionDeadlines {
        let now = clock()
        let touched = activity && now.timeIntervalSince(record.lastSeenAt) >= policy.touchInterval
        let lastSeen = touched ? now : record.lastSeenAt
        return SessionDeadlines(
            now: now, idle: lastSeen.addingTimeInterval(TimeInterval(record.idleSeconds)),
            absolute: record.expiresAt, idleTimeout: TimeInterval(record.idleSeconds)
        )
    }

    /// Writes what the request did to its session; returns the cookie to set, if it changed. `sealed` is the
    /// pre-login cookie's content the session came from, if it came from one.
    func save(_ session: Session, loaded: SessionRecord?, sealed: PreLoginCookie.Content? = nil, activity: Bool) async throws -> CookieChange {
        let state = session.state.withLockedValue { $0 }
        let now = clock()
        if state.ended {
            if let loaded { try await database.write { db in try await loaded.delete(on: db) } }
            return loaded == nil && sealed == nil ? .none : .clear
        }
        guard state.changed || loaded != nil || sealed != nil else { return .none }

        if let loaded, !state.rotated {
            let touchDue = activity && (state.keepAlive || now.timeIntervalSince(loaded.lastSeenAt) >= policy.touchInterval)
            guard state.changed || touchDue else { return .none }
            loaded.data = try Self.encode(state.values)
            if activity { loaded.lastSeenAt = now }
            try await database.write { db in try await loaded.update(on: db) }
            return .none
        }

        // Anonymous (never logged in on it): sealed in the browser, which costs no write; re-sealed when it changed
        // or when its idle deadline is due to move. Too large for a cookie, it becomes a row like a login's.
        if loaded == nil, !state.rotated {
            let touchDue = activity && (state.keepAlive || sealed.map { now.timeIntervalSince($0.lastSeenAt) >= policy.touchInterval } ?? true)
            guard state.changed || touchDue else { return .none }
            let content = PreLoginCookie.Content(values: state.values, createdAt: sealed?.createdAt ?? now,
                                                 lastSeenAt: activity ? now : sealed?.lastSeenAt ?? now)
            if let text = try await preLoginCookie().seal(content) { return .sealed(text) }
        }
        let data = try Self.encode(state.values)

        // New or rotated: a fresh token; a rotated session keeps its creation time and absolute limit.
        let token = SecureRandom.token(bytes: 32)
        let createdAt = loaded?.createdAt ?? sealed?.createdAt ?? now
        let expiresAt = loaded?.expiresAt ?? createdAt.addingTimeInterval(policy.absoluteTimeout)
        let idleSeconds = Int(policy.idleTimeout), replaced = loaded?.id
        // The record is made inside the transaction: one run again after a conflict needs a record not yet created.
        try await database.write { db in
            if let replaced { try await SessionRecord.query(on: db).filter(\.$id == replaced).delete() }
            try await SessionRecord(id: SecureRandom.digest(token), data: data, createdAt: createdAt, lastSeenAt: now,
                                    expiresAt: expiresAt, idleSeconds: idleSeconds).create(on: db)
        }
        return .set(token)
    }

    /// Deletes every session past its limits; run periodically so stale rows do not pile up.
    @discardableResult
    public func purgeExpired() async throws -> Int {
        let now = clock()
        let candidates = try await SessionRecord.query(on: database.db)
            .group(.or) { group in
                group.filter(\.$expiresAt <= now)
                group.filter(\.$lastSeenAt <= now.addingTimeInterval(-policy.idleTimeout))
            }
            .all()
        let expired = candidates.filter { isExpired($0, now: now) }
        guard !expired.isEmpty else { return 0 }
        let ids = expired.compactMap(\.id)
        try await database.write { db in try await SessionRecord.query(on: db).filter(\.$id ~~ ids).delete() }
        return expired.count
    }

    private static func encode(_ values: [String: String]) throws -> String {
        String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
    }

    enum CookieChange: Equatable {
        case none
        /// A stored session's new token (the pre-login cookie, if any, is then spent).
        case set(String)
        /// The session ended: both cookies go.
        case clear
        /// An anonymous session's new pre-login cookie.
        case sealed(String)
    }
}
