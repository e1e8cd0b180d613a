import FluentKit
import Foundation

/// Loads, saves and expires sessions in the database. Time comes from `clock` so tests can move it.
public struct SessionStore: Sendable {
    public let database: PersoDatabase
    public let policy: SessionPolicy
    public let clock: @Sendable () -> Date

    public init(database: PersoDatabase, policy: SessionPolicy, clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.policy = policy
        self.clock = clock
    }

    /// A live session for this cookie token, or nil when there is none or it is past a limit (then it is deleted).
    func load(token: String) async throws -> (record: SessionRecord, values: [String: String])? {
        // Tokens we issue are 43 characters; anything else is not worth a query.
        guard token.count == 43 else { return nil }
        let key = SecureRandom.digest(token)
        guard let record = try await SessionRecord.find(key, on: database.db) else { return nil }
        let now = clock()
        if isExpired(record, now: now) {
            try await record.delete(on: database.db)
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

    /// Writes what the request did to its session; returns the cookie token to set, if it changed.
    func save(_ session: Session, loaded: SessionRecord?, activity: Bool) async throws -> CookieChange {
        let state = session.state.withLockedValue { $0 }
        let now = clock()
        if state.ended {
            if let loaded { try await loaded.delete(on: database.db) }
            return loaded == nil ? .none : .clear
        }
        guard state.changed || loaded != nil else { return .none }
        let data = String(decoding: try JSONEncoder().encode(state.values), as: UTF8.self)

        if let loaded, !state.rotated {
            let touchDue = activity && (state.keepAlive || now.timeIntervalSince(loaded.lastSeenAt) >= policy.touchInterval)
            guard state.changed || touchDue else { return .none }
            loaded.data = data
            if activity { loaded.lastSeenAt = now }
            try await loaded.update(on: database.db)
            return .none
        }

        // New or rotated: a fresh token; a rotated session keeps its creation time and absolute limit.
        let token = SecureRandom.token(bytes: 32)
        let createdAt = loaded?.createdAt ?? now, expiresAt = loaded?.expiresAt ?? now.addingTimeInterval(policy.absoluteTimeout)
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
        try await SessionRecord.query(on: database.db).filter(\.$id ~~ expired.compactMap(\.id)).delete()
        return expired.count
    }

    enum CookieChange: Equatable {
        case none
        case set(String)
        case clear
    }
}
