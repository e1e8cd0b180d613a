import FluentKit
import Foundation

/// A period in which the applications are closed for maintenance. Stored in the database so that every
/// instance behind the load balancer closes and opens at the same moment.
public final class MaintenanceWindow: Model, @unchecked Sendable {
    public static let schema = "maintenance_windows"

    @ID(key: .id) public var id: UUID?
    @Field(key: "starts_at") public var startsAt: Date
    @Field(key: "ends_at") public var endsAt: Date
    @Field(key: "created_at") public var createdAt: Date

    public init() {}

    public init(startsAt: Date, endsAt: Date, createdAt: Date) {
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.createdAt = createdAt
    }
}

struct CreateMaintenanceWindows: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(MaintenanceWindow.schema)
            .id()
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MaintenanceWindow.schema).delete()
    }
}

/// What the pages say about maintenance at a given moment.
public struct MaintenanceNotice: Sendable, Hashable {
    public let startsAt: Date
    public let endsAt: Date
    /// True while the window is under way: the applications show the maintenance page.
    public let isActive: Bool
}
