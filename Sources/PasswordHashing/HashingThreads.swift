import NIOCore
import NIOPosix

/// Argon2 takes tens of milliseconds of CPU per hash. It runs on threads of its own, one per core: on the
/// event loops it would stall every connection, and on the shared thread pool every SQLite query (the SQLite
/// driver runs its calls there) would wait behind the hashes of concurrent logins.
public enum HashingThreads {
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: System.coreCount)
        pool.start()
        return pool
    }()

    public static func run<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async throws -> Result {
        try await pool.runIfActive(work)
    }
}
