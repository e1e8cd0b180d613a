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
        /// Set by `keepAlive()`: this request's activity must reach the stored row, whatever the touch interval.
        var keepAlive = false
        var deadlines: SessionDeadlines?
    }

    let state: NIOLockedValueBox<State>
    /// The stored row's key (hash of the cookie token); nil while the session is not stored (new, or sealed in a
    /// pre-login cookie).
    let storedKey: String?

    /// `sealed`: the values came from the visitor's pre-login cookie (the session exists, with no row).
    init(values: [String: String], storedKey: String?, sealed: Bool = false, deadlines: SessionDeadlines? = nil) {
        self.state = .init(State(values: values, isNew: storedKey == nil && !sealed, deadlines: deadlines))
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

    /// When the server will end this session if nothing else happens; nil for a session that is not stored yet.
    public var deadlines: SessionDeadlines? { state.withLockedValue { $0.deadlines } }

    /// Counts this request as activity to the second, past the touch interval that normally spares a write:
    /// for the "extend my session" button, whose whole point is the new idle deadline.
    public func keepAlive() {
        state.withLockedValue { state in
            state.keepAlive = true
            state.deadlines = state.deadlines.map { $0.extended() }
        }
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
