import NIOCore
import NIOPosix

/// The threads every SQLite call runs on. The driver's calls block their thread, and so does SQLite's busy handler,
/// which sleeps until the write lock is free (up to `busy_timeout`). On the shared pool (one thread per core) two
/// waiters — the CLI writing beside the server, a statement that is not one of `write`'s queued transactions — are
/// enough to leave the writer holding the lock with no thread to finish on, so everyone waits out the timeout and
/// fails. Sixteen threads cost nothing while they sleep; the connections (one per event loop) still bound how many
/// statements run at once.
enum SQLiteThreads {
    static let pool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 16)
        pool.start()
        return pool
    }()
}
