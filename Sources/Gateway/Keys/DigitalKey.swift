import Foundation
import Hummingbird
import PersoCore

/// The digital keys a person can choose on the key chooser, in the guide's order and groups.
public enum DigitalKeyKind: String, CaseIterable, Sendable, Codable {
    case eid, itsme, email, totp, token, password

    public var level: LevelOfAssurance {
        switch self {
        case .eid: .level500
        case .itsme: .level450
        case .totp: .level400
        case .email: .level350
        case .token: .level300
        case .password: .level200
        }
    }

    /// `amr` values (RFC 8176 where one fits).
    public var amr: [String] {
        switch self {
        case .eid: ["eid", "hwk", "pin"]
        case .itsme: ["itsme", "mfa"]
        case .totp: ["pwd", "otp", "mfa"]
        case .email: ["pwd", "otp", "mfa"]
        case .token: ["pwd", "otp", "mfa"]
        case .password: ["pwd"]
        }
    }

    /// "With eID or digital identity" versus "with security code and username + password".
    public var isIdentityKey: Bool { self == .eid || self == .itsme }
}

/// One digital key: it shows its challenge, checks what the person submits, and says how it went. Keys are
/// composed into the login flow by `LoginController`; adding a key touches no other key.
public protocol DigitalKey: Sendable {
    var kind: DigitalKeyKind { get }
    /// The page asking for this key's secret.
    func begin(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> Response
    /// Checks a submission; `.success` carries the person proven and the level reached.
    func submit(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> KeyOutcome
}

public enum KeyOutcome: Sendable {
    /// The person is proven at this key's level.
    case success(personID: UUID, level: LevelOfAssurance, amr: [String])
    /// Show this page again (wrong secret, next step); nothing is proven yet.
    case askAgain(Response)
}
