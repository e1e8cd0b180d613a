import Foundation

/// When a stored session ends unless something happens: the idle deadline moves with activity, the absolute one
/// never does. Pages read it to tell the person how long they have, and to warn them in time.
public struct SessionDeadlines: Sendable, Equatable {
    /// The server's time when the request came in; remaining times are measured from it.
    public let now: Date
    public let idle: Date
    public let absolute: Date
    /// The idle limit this session was created with, in seconds.
    public let idleTimeout: TimeInterval

    public init(now: Date, idle: Date, absolute: Date, idleTimeout: TimeInterval) {
        self.now = now
        self.idle = idle
        self.absolute = absolute
        self.idleTimeout = idleTimeout
    }

    /// Whichever limit comes first.
    public var end: Date { min(idle, absolute) }

    /// Seconds left before the session ends, to the nearest second (stored times come back from the database a
    /// hair off), never negative.
    public var secondsLeft: Int { max(0, Int(end.timeIntervalSince(now).rounded())) }

    /// True when the absolute limit, which no activity can move, is the one that ends the session.
    public var endsAtAbsoluteLimit: Bool { absolute <= idle }

    /// The same session after activity at `now`.
    func extended() -> SessionDeadlines {
        SessionDeadlines(now: now, idle: now.addingTimeInterval(idleTimeout), absolute: absolute, idleTimeout: idleTimeout)
    }
}
