import FluentKit
import Foundation
import Logging
import PersoCore
import ServiceLifecycle

/// E-mail and text messages for the whole product: the outbox every part writes to, the worker that delivers it, and
/// in development mode the mailbox pages (development tools: they stay open through maintenance).
public struct MessagingModule: Part {
    public let name = "messaging"
    public let policy = RoutePolicy.alwaysOpenPages
    public let outbox: Outbox
    let settings: MailSettings
    let development: Bool
    let transport: (any MailTransport)?
    let smsSettings: SMSSettings
    let sms: (any SMSTransport)?

    /// Fails only when the mail server's TLS settings cannot be used (an unreadable CA file).
    public init(database: PersoDatabase, settings: MailSettings, sms smsSettings: SMSSettings = SMSSettings(), development: Bool,
                heloName: String, clock: @escaping @Sendable () -> Date) throws {
        outbox = Outbox(database: database, clock: clock)
        self.settings = settings
        self.development = development
        self.smsSettings = smsSettings
        if let gateway = smsSettings.gateway {
            sms = HTTPSMSGateway(url: gateway, token: smsSettings.token, sender: smsSettings.sender)
        } else {
            sms = development ? DevelopmentSMSBox() : nil
        }
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

    public var migrations: [any Migration] { MessagingMigrations.all }

    /// Where text messages go, for the start-up log line.
    public var smsDestination: String {
        if let gateway = smsSettings.gateway { return "SMS gateway \(gateway.host ?? "") as \(smsSettings.sender)" }
        return development ? "development SMS box (/dev/sms)" : "nowhere: no SMS gateway configured, messages wait in the outbox"
    }

    /// The delivery worker, unless there is nowhere to deliver (messages then wait in the outbox).
    public func services(logger: Logger) -> [any Service] {
        logger.info("e-mail", metadata: ["delivery": "\(destination)"])
        logger.info("text messages", metadata: ["delivery": "\(smsDestination)"])
        guard transport != nil || sms != nil else { return [] }
        return [DeliveryWorker(outbox: outbox, transport: transport, sms: sms, settings: settings, logger: logger)]
    }

    public var purgeJobs: [PurgeJob] {
        let outbox = self.outbox
        return [PurgeJob("delivered messages") { try await outbox.purge() }]
    }

    public func register(on routes: Routes) {
        if development {
            DevelopmentMailboxPages(outbox: outbox, sender: smsSettings.sender).register(on: routes)
        }
    }
}
