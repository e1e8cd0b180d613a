import FluentKit
import Foundation
import NIOConcurrencyHelpers

/// Reads and changes the maintenance windows. Pages ask `notice()`, which reads the table at most every few
/// seconds per instance, so maintenance costs no query per request.
public final class MaintenanceSchedule: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date
    /// How far ahead the banner announces a window.
    let announcementLead: TimeInterval
    let cacheLifetime: TimeInterval
    private let cache: NIOLockedValueBox<(windows: [Window], readAt: Date)?> = .init(nil)

    struct Window: Sendable {
        let startsAt: Date
        let endsAt: Date
    }

    public init(database: PersoDatabase, announcementLead: TimeInterval = 7 * 24 * 3600, cacheLifetime: TimeInterval = 5,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.database = database
        self.clock = clock
        self.announcementLead = announcementLead
        self.cacheLifetime = cacheLifetime
    }

    /// The window under way, else the next one within the announcement lead, else nil.
    public func notice() async throws -> MaintenanceNotice? {
        let now = clock()
        let windows: [Window]
        if let cached = cache.withLockedValue({ $0 }), now.timeIntervalSince(cached.readAt) < cacheLifetime, now >= cached.readAt {
            windows = cached.windows
        } else {
            windows = try await MaintenanceWindow.query(on: database.db)
                .filter(\.$endsAt > now)
                .sort(\.$startsAt)
                .all()
                .map { Window(startsAt: $0.startsAt, endsAt: $0.endsAt) }
            cache.withLockedValue { $0 = (windows, now) }
        }
        if let active = windows.first(where: { $0.startsAt <= now && now < $0.endsAt }) {
            return MaintenanceNotice(startsAt: active.startsAt, endsAt: active.endsAt, isActive: true)
        }
        if let next = windows.first(where: { $0.startsAt > now && $0.startsAt.timeIntervalSince(now) <= announcementLead }) {
            return MaintenanceNotice(startsAt: next.startsAt, endsAt: next.endsAt, isActive: false)
        }
        return nil
    }

    /// Schedules a window; refuses one that ends before it starts or has already ended.
    @discardableResult
    public func announce(from start: Date, until end: Date) async throws -> MaintenanceWindow {
        guard end > start else { throw MaintenanceError.endsBeforeStart }
        guard end > clock() else { throw MaintenanceError.inThePast }
        let window = MaintenanceWindow(startsAt: start, endsAt: end, createdAt: clock())
        try await database.writeStatement { db in try await window.create(on: db) }
        cache.withLockedValue { $0 = nil }
        return window
    }

    /// Ends every window under way now, and cancels those still to come when `cancelUpcoming` is set.
    public func end(cancelUpcoming: Bool) async throws {
        let now = clock()
        try await database.write { db in
            for window in try await MaintenanceWindow.query(on: db).filter(\.$endsAt > now).all() {
                if window.startsAt <= now {
                    window.endsAt = now
                    try await window.update(on: db)
                } else if cancelUpcoming {
                    try await window.delete(on: db)
                }
            }
        }
        cache.withLockedValue { $0 = nil }
    }

    public func upcoming() async throws -> [MaintenanceWindow] {
        try await MaintenanceWindow.query(on: database.db).filter(\.$endsAt > clock()).sort(\.$startsAt).all()
    }
}

public enum MaintenanceError: Error, CustomStringConvertible {
    case endsBeforeStart
    case inThePast

    public var description: String {
        switch self {
        case .endsBeforeStart: "the maintenance window must end after it starts"
        case .inThePast: "the maintenance window has already ended"
        }
    }
}
