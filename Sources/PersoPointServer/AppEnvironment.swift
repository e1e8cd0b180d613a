import Foundation
import Gateway
import PersoCore
import RelyingParty

/// What the application takes from the outside world, so tests can replace it (time, above all).
public struct AppEnvironment: Sendable {
    public var clock: @Sendable () -> Date
    /// How the applications reach the gateway: real HTTP by default; in-process tests give the product itself.
    public var gatewayTransport: any GatewayTransport
    /// Parts beyond the product's own, mounted last: a test proves with one that a new part needs nothing else.
    public var extraParts: [any Part] = []
    /// Digital keys beyond the gateway's own: a test proves with one that a new key needs no edit inside the gateway.
    public var extraKeys: [GatewayModule.KeyFactory] = []

    public init(clock: @escaping @Sendable () -> Date = Date.init, gatewayTransport: any GatewayTransport = URLSessionTransport()) {
        self.clock = clock
        self.gatewayTransport = gatewayTransport
    }

    public static let live = AppEnvironment()
}
