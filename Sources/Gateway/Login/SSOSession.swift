import Foundation
import PersoCore

/// The gateway's single sign-on: who is logged in, how strongly and since when. It is kept in the visitor's
/// server-side session, so the shell's idle and absolute limits end it on the server.
struct SSOSession: Codable, Sendable {
    let personID: UUID
    let level: LevelOfAssurance
    let amr: [String]
    let key: KeyIdentifier
    let authTime: Int
    /// `sid` in ID tokens: names this session to relying parties and in logout.
    let sid: String

    static let stored = SessionValue<SSOSession>("sso")

    static func current(in session: Session) -> SSOSession? {
        session[stored]
    }

    /// Starts (or strengthens) the SSO session; the session id is rotated because privilege changed.
    func establish(in session: Session) {
        session[Self.stored] = self
        session.rotate()
    }
}
