import FluentKit

/// The shell's own tables; other parts append theirs after these.
public enum CoreMigrations {
    public static var all: [any Migration] { [CreateSessions(), CreateMaintenanceWindows(), CreateHealthProbes(), CreateWriteLock(), CreateCookieSealingKeys()] }
}
