import Logging
import PersoCore
import ServiceLifecycle

/// Deletes expired sessions every few minutes, so the table holds only live ones.
struct SessionPurger: Service {
    let store: SessionStore
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                let purged = try await store.purgeExpired()
                if purged > 0 { logger.debug("purged expired sessions", metadata: ["count": "\(purged)"]) }
            } catch {
                logger.warning("session purge failed", metadata: ["error": "\(error)"])
            }
            // Sleeping is cut short by a graceful shutdown, so SIGTERM is not held up by this loop.
            do { try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) } } catch { return }
        }
    }
}
