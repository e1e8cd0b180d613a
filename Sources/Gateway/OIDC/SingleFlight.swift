import NIOConcurrencyHelpers

/// Callers that need the same piece of work done at the same moment share one run of it. At the start of each
/// client-credentials window every token request in flight finds no grant row yet; each inserted it (a no-op for all
/// but the first), one after the other through SQLite's single writer: 64 connections made a 630 ms stall every five
/// minutes (measured with `wrk -t2 -c64` across a window's start).
final class SingleFlight<Key: Hashable & Sendable>: Sendable {
    private let running = NIOLockedValueBox<[Key: Task<Void, any Error>]>([:])

    /// Runs `work` for `key`, or waits for the run already under way; its error, if any, reaches every waiter.
    func run(_ key: Key, _ work: @escaping @Sendable () async throws -> Void) async throws {
        let task = running.withLockedValue { running in
            if let underWay = running[key] { return underWay }
            let task = Task { try await work() }
            running[key] = task
            return task
        }
        defer { running.withLockedValue { if $0[key] == task { $0[key] = nil } } }
        try await task.value
    }
}
