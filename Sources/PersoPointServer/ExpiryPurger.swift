import Logging
import PersoCore
import ServiceLifecycle

/// Every few minutes, deletes what has outlived its use: expired sessions, and the gateway's expired codes and
/// single-use markers. Doing it here keeps that work off the request paths.
struct ExpiryPurger: Service {
    struct Job: Sendable {
        let name: String
        let purge: @Sendable () async throws -> Int
    }

    let jobs: [Job]
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            for job in jobs {
                do {
                    let purged = try await job.purge()
                    if purged > 0 { logger.debug("purged expired rows", metadata: ["what": "\(job.name)", "count": "\(purged)"]) }
                } catch {
                    logger.warning("purge failed", metadata: ["what": "\(job.name)", "error": "\(error)"])
                }
            }
            // Sleeping is cut short by a graceful shutdown, so SIGTERM is not held up by this loop.
            do { try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) } } catch { return }
        }
    }
}
