import Foundation
import Logging
import PersoCore

/// The development PKI as a part: its OCSP responder, when `pki init` (or `--dev`) made a PKI. An OCSP client is a
/// program without a session (no CSRF token, no pages), and the eID key must keep its revocation answers during
/// maintenance.
public struct DevelopmentPKIPart: Part {
    public let name = "development-pki"
    public let policy = RoutePolicy.alwaysOpenProtocol
    let responder: OCSPResponder?

    public init(pki: DevelopmentPKI, clock: @escaping @Sendable () -> Date, logger: Logger) {
        guard pki.exists else {
            responder = nil
            return
        }
        do {
            responder = try OCSPResponder(pki: pki, clock: clock)
        } catch {
            logger.critical("development PKI unreadable: no OCSP responder", metadata: ["error": "\(error)"])
            responder = nil
        }
    }

    public func register(on routes: Routes) {
        responder?.register(on: routes)
    }
}
