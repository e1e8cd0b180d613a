import Foundation
import PersoCore

/// What the application takes from the outside world, so tests can replace it (time, above all).
public struct AppEnvironment: Sendable {
    public var clock: @Sendable () -> Date

    public init(clock: @escaping @Sendable () -> Date = Date.init) {
        self.clock = clock
    }

    public static let live = AppEnvironment()
}
