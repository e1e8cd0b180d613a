import Foundation
import Logging
import PersoCore
import ServiceLifecycle

/// E-mail for the whole product: the outbox every part writes to, the worker that delivers it, and in
/// development mode the mailbox page.
public struct MessagingModule: Sendable {
    public let outbox: Outbox
    let settings: MailSettings
    let development: Bool
    let transport: (any MailTransport)?

    /// Fails only when the mail server's TLS settings cannot be used (an unreadable CA file).
    public init(database: PersoDatabase, settings: MailSettings, development: Bool, heloName: String, clock: @escaping @Sendable () -> Date) throws {
        outbox = Outbox(database: database, clock: clock)
        self.settings = settings
        self.development = development
        if let server = settings.server {
            // A conversation must end before its reservation does, or another instance could send it meanwhile.
            let deadline = Duration.milliseconds(Int64(min(60, max(0.5, settings.lease * 0.8)) * 1000))
            transport = SMTPTransport(client: try SMTPClient(server: server, heloName: heloName, deadline: deadline))
        } else {
            transport = development ? DevelopmentMailbox() : nil
        }
    }

    /// Where mail goes, for the start-up log line.
    public var destination: String {
        if let server = settings.server { return "smtp \(server.host):\(server.port) (\(server.security.rawValue))" }
        return development ? "development mailbox (/dev/outbox)" : "nowhere: no mail server configured, messages wait in the outbox"
    }

    /// The delivery worker, or nil when there is nowhere to deliver (messages then wait in the outbox).
    public func deliveryWorker(logger: Logger) -> (any Service)? {
        transport.map { DeliveryWorker(outbox: outbox, transport: $0, settings: settings, logger: logger) }
    }

    public func register(on routes: RouteTable) {
        if development {
            DevelopmentMailboxPages(outbox: outbox).register(on: routes)
        }
    }
}
