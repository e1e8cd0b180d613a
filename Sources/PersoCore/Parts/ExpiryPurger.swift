import Logging
import ServiceLifecycle

/// Every few minutes, deletes what has outlived its use, for every part that declared a `PurgeJob`. Doing it here
/// keeps that work off the request paths.
public struct ExpiryPurger: Service {
    let jobs: [PurgeJob]
    let interval: Duration
    let logger: Logger

    public init(jobs: [PurgeJob], interval: Duration, logger: Logger) {
        self.jobs = jobs
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
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
