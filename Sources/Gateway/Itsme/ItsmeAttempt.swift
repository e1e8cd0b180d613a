import Foundation
import PersoCore

/// One request sent to the person's phone for one login, kept in the session beside the login transaction: what
/// the PC page shows (the number, the phone's last digits, the deadline) and what polling needs.
struct ItsmeAttempt: Codable, Sendable {
    let authReqID: String
    /// The two digits the PC shows; the phone offers them among two other numbers.
    let number: String
    let maskedPhone: String
    let expiresAt: Date
    var interval: Int
    var nextPollAt: Date
    /// Set once the service said the person confirmed: the person the ID token named.
    var provenNationalNumber: String?
    /// And how the phone proved it (`amr` of the service's ID token).
    var provenAMR: [String]?

    static func stored(_ transaction: LoginTransaction) -> SessionValue<ItsmeAttempt> {
        SessionValue("itsme." + transaction.id)
    }

    /// 10 to 99: two digits, never a leading zero that a person might not say aloud.
    static func matchNumber() -> String { String(Int.random(in: 10...99)) }
}
