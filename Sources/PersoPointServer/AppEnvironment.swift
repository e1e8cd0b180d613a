import Foundation
import PersoCore
import RelyingParty

/// What the application takes from the outside world, so tests can replace it (time, above all).
public struct AppEnvironment: Sendable {
    public var clock: @Sendable () -> Date
    /// How the applications reach the gateway: real HTTP by default; in-process tests give the product itself.
    public var gatewayTransport: any GatewayTransport

    public init(clock: @escaping @Sendable () -> Date = Date.init, gatewayTransport: any GatewayTransport = URLSessionTransport()) {
        self.clock = clock
        self.gatewayTransport = gatewayTransport
    }

    public static let live = AppEnvironment()
}
