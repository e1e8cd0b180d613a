import Foundation
import Hummingbird
import PersoCore

/// One digital key as a plug-in of the gateway — the shape of Keycloak's authenticator SPI, without its weight. It
/// describes itself (`profile`), shows its challenge and checks what the person submits at `/fas/login/<id>`, may
/// own routes of its own (the eID's way back from another origin), may offer enrolment ("my keys", the CLI, the
/// demo data), and ends every login through `LoginCompletion`. Adding a key touches no other key: a key defined in
/// the tests proves it.
public protocol DigitalKey: Sendable {
    var profile: KeyProfile { get }
    /// False for a key the chooser announces but this installation does not offer (yet): shown greyed out.
    var isOffered: Bool { get }
    /// The page asking for this key's secret.
    func begin(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> Response
    /// Checks a submission to `/fas/login/<id>`.
    func submit(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> KeyOutcome
    /// Routes beyond begin and submit (a hand-off back from another origin, polling); a login proven there ends
    /// with `completion`.
    func register(on routes: Routes, completion: LoginCompletion)
    /// How a person gets this key outside a login; nil when nobody enrols it (a password, an eID card).
    var enrolment: (any KeyEnrolment)? { get }
}

extension DigitalKey {
    public var isOffered: Bool { true }
    public func register(on routes: Routes, completion: LoginCompletion) {}
    public var enrolment: (any KeyEnrolment)? { nil }
    public var identifier: KeyIdentifier { profile.identifier }
}

public enum KeyOutcome: Sendable {
    /// The person is proven at this key's level.
    case proven(personID: UUID)
    /// Show this page (wrong secret, next step); nothing is proven yet.
    case askAgain(Response)
}
