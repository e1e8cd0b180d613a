import Foundation
@testable import Gateway
import NIOConcurrencyHelpers
import Testing

/// The start of a client-credentials window: every token request in flight needs the window's grant row at once.
@Suite("Requests needing the same grant at the same moment share one insert")
struct SingleFlightTests {
    struct Refused: Error {}

    @Test("sixty-four requests at once run the work once; another key runs its own; later requests run it again")
    func sharedRun() async throws {
        let flights = SingleFlight<String>()
        let runs = NIOLockedValueBox([String: Int]())
        @Sendable func work(_ key: String) async throws {
            runs.withLockedValue { $0[key, default: 0] += 1 }
            try await Task.sleep(for: .milliseconds(200))
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for request in 0..<64 {
                let key = request < 60 ? "window-1" : "window-2"
                group.addTask { try await flights.run(key) { try await work(key) } }
            }
            try await group.waitForAll()
        }
        #expect(runs.withLockedValue { $0 } == ["window-1": 1, "window-2": 1])
        try await flights.run("window-1") { try await work("window-1") }
        #expect(runs.withLockedValue { $0["window-1"] } == 2, "a run that ended is not remembered")
    }

    @Test("a failure reaches every request that waited for it, and the next request tries again")
    func sharedFailure() async throws {
        let flights = SingleFlight<Int>()
        let failures = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    do {
                        try await flights.run(1) { try await Task.sleep(for: .milliseconds(200)); throw Refused() }
                        return false
                    } catch is Refused {
                        return true
                    }
                }
            }
            return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
        }
        #expect(failures == 10)
        try await flights.run(1) {}
    }
}
