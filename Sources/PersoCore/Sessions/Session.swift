import Foundation
import NIOConcurrencyHelpers

/// The visitor's session as the handlers see it during one request. Handlers read and write values, rotate the
/// id when privileges change, or end it; `SessionMiddleware` writes what changed when the response leaves.
public final class Session: Sendable {
    struct State {
        var values: [String: String]
        var isNew: Bool
        var changed = false
        var rotated = false
        var ended = false
    }

    let state: NIOLockedValueBox<State>
    /// The stored row's key (hash of the cookie token); nil until the session is first saved.
    let storedKey: String?

    init(values: [String: String], storedKey: String?) {
        self.state = .init(State(values: values, isNew: storedKey == nil))
        self.storedKey = storedKey
    }

    /// A session not tied to any request, for contexts built outside the middleware (such as tests of views).
    public static var detached: Session { Session(values: [:], storedKey: nil) }

    public subscript(key: String) -> String? {
        get { state.withLockedValue { $0.values[key] } }
        set {
            state.withLockedValue {
                guard $0.values[key] != newValue else { return }
                $0.values[key] = newValue
                $0.changed = true
            }
        }
    }

    /// True when the visitor came with a valid, unexpired session.
    public var exists: Bool { state.withLockedValue { !$0.isNew && !$0.ended } }

    /// A new id for the same values, against session fixation: call on every change of privilege (log in, step up).
    public func rotate() {
        state.withLockedValue { $0.rotated = true; $0.changed = true }
    }

    /// Ends the session on the server and clears the cookie.
    public func end() {
        state.withLockedValue { $0.ended = true; $0.values = [:] }
    }

    /// The token forms carry to prove they were made by this site for this visitor (synchroniser pattern).
    public var csrfToken: String {
        state.withLockedValue { state in
            if let token = state.values[Self.csrfKey] { return token }
            let token = SecureRandom.token(bytes: 32)
            state.values[Self.csrfKey] = token
            state.changed = true
            return token
        }
    }

    static let csrfKey = "_csrf"
}
