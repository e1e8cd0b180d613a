import FluentKit
import Foundation
import Logging
import PersoCore
import ServiceLifecycle
import SQLKit

/// Sends what the outbox holds: due messages are reserved for a while (so two instances never send the same
/// one), handed to the transport, then marked sent; a failure is retried later, each wait twice the last, up
/// to an hour, for five days. A message is never sent twice on our side: it is marked sent right after the
/// server's 250, and a crash before that leaves it reserved, to be retried once the reservation has passed.
/// (RFC 1047's window remains: a crash between the server's 250 and our mark sends it once more, with the
/// same Message-ID.)
struct DeliveryWorker: Service {
    let outbox: Outbox
    /// Nil where there is nowhere to send that channel: its messages wait in the outbox.
    let transport: (any MailTransport)?
    var sms: (any SMSTransport)? = nil
    let settings: MailSettings
    let logger: Logger

    static let batchSize = 10
    static let longestWait: TimeInterval = 3600
    static let givesUpAfter: TimeInterval = 5 * 86_400
    /// Without a ring, the worker still looks this often (other instances enqueue too).
    static let pollInterval: Duration = .seconds(1)

    func run() async throws {
        let bell = outbox.bell
        try? await cancelWhenGracefulShutdown {
            try await withThrowingTaskGroup(of: Void.self) { group in
                // The clock rings the same bell as new messages do: one loop serves both.
                group.addTask {
                    while !Task.isCancelled {
                        try await Task.sleep(for: Self.pollInterval)
                        bell.ring()
                    }
                }
                for await _ in bell.rings {
                    await deliverAllDue()
                }
                group.cancelAll()
            }
        }
    }

    /// Sends batches until one is not full.
    private func deliverAllDue() async {
        var delivered = Self.batchSize
        while delivered == Self.batchSize, !Task.isCancelled {
            do {
                delivered = try await deliverDue()
            } catch {
                logger.warning("outbox: cannot read due messages", metadata: ["error": "\(error)"])
                return
            }
        }
    }

    /// Reserves and sends one batch of due messages; returns how many were reserved.
    func deliverDue() async throws -> Int {
        let batch = try await reserveDue()
        // Side by side: each conversation ends within its deadline, so every message of the batch is done
        // before its reservation runs out (one after another, the tenth could outlive it).
        await withTaskGroup(of: Void.self) { group in
            for message in batch {
                group.addTask { await deliver(message) }
            }
        }
        return batch.count
    }

    /// The channels this worker sends; the others' messages are left for an instance that can.
    var channels: [String] {
        (transport == nil ? [] : ["email"]) + (sms == nil ? [] : ["sms"])
    }

    private func deliver(_ message: OutboxMessage) async {
        let now = outbox.clock()
        do {
            let used: String
            if message.channel == "sms", let sms {
                try await sms.deliver(to: message.recipient, text: message.textBody, reference: message.id?.uuidString ?? "")
                used = sms.name
            } else if message.channel == "email", let transport {
                try await transport.deliver(MIMEMessage(email: message, from: settings.from, date: now))
                used = transport.name
            } else {
                throw UndeliverableChannel(channel: message.channel)
            }
            try await update(message, """
                status = 'sent', sent_at = \(bind: outbox.clock()), reserved_until = NULL, last_error = NULL, transport = \(bind: used)
                """)
            logger.info("outbox: delivered", metadata: ["message": "\(message.id!)", "attempt": "\(message.attempts)"])
        } catch {
            let permanent = (error as? SMTPError)?.isPermanent ?? (error as? SMSGatewayError)?.isPermanent ?? (error is UndeliverableChannel)
            let expired = now.timeIntervalSince(message.createdAt) > Self.givesUpAfter
            let reason = String(String(describing: error).prefix(500))
            if permanent || expired {
                try? await update(message, "status = 'failed', reserved_until = NULL, last_error = \(bind: reason)")
                logger.error("outbox: gave up", metadata: ["message": "\(message.id!)", "error": "\(reason)"])
            } else {
                let wait = min(settings.firstRetry * pow(2, Double(max(0, message.attempts - 1))), Self.longestWait)
                try? await update(message, "next_attempt_at = \(bind: now.addingTimeInterval(wait)), reserved_until = NULL, last_error = \(bind: reason)")
                logger.warning("outbox: delivery failed, will retry", metadata: [
                    "message": "\(message.id!)", "attempt": "\(message.attempts)", "retry_in_s": "\(Int(wait))", "error": "\(reason)",
                ])
            }
        }
    }

    /// One statement, so that two instances cannot take the same message: on PostgreSQL the rows are locked
    /// and skipped by the other; SQLite has a single writer anyway. The outer condition is checked again on
    /// the locked row.
    private func reserveDue() async throws -> [OutboxMessage] {
        let now = outbox.clock()
        let sql = outbox.database.sql
        let skipLocked: SQLQueryString = sql.dialect.name == "postgresql" ? "FOR UPDATE SKIP LOCKED" : ""
        let channelList = channels.map { "'\($0)'" }.joined(separator: ", ")
        let rows = try await outbox.database.writeStatement { [settings] sql in try await sql.raw("""
            UPDATE outbox_messages SET reserved_until = \(bind: now.addingTimeInterval(settings.lease)), attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM outbox_messages
                WHERE status = 'pending' AND channel IN (\(unsafeRaw: channelList)) AND next_attempt_at <= \(bind: now)
                  AND (reserved_until IS NULL OR reserved_until <= \(bind: now))
                ORDER BY next_attempt_at LIMIT \(unsafeRaw: String(Self.batchSize)) \(skipLocked)
            ) AND status = 'pending' AND (reserved_until IS NULL OR reserved_until <= \(bind: now))
            RETURNING *
            """).all() }
        return try rows.map { try $0.decode(model: OutboxMessage.self) }
    }

    private func update(_ message: OutboxMessage, _ assignments: SQLQueryString) async throws {
        let id = try message.requireID()
        try await outbox.database.writeStatement { sql in
            try await sql.raw("UPDATE outbox_messages SET \(assignments) WHERE id = \(bind: id)").run()
        }
    }
}

/// A message of a channel this installation has no way to send (never written by the product itself).
struct UndeliverableChannel: Error, CustomStringConvertible {
    let channel: String
    var description: String { "no transport for the \(channel) channel" }
}
