import Foundation
import Hummingbird
import PersoCore
import Plot

/// `/dev/outbox`: every message of the outbox, newest first, with its state, for trying the product without a
/// mail server; `/dev/sms`: the text messages, as a phone would show them. Registered only in development mode; it shows security codes, so never in production. A
/// developer's tool: its words are English only.
struct DevelopmentMailboxPages: Sendable {
    let outbox: Outbox
    let sender: String

    struct Listing: Encodable {
        struct Message: Encodable {
            let id: String
            let key: String
            let channel: String
            let to: String
            let subject: String
            let text: String
            let html: String?
            let status: String
            let attempts: Int
            let createdAt: String
            let sentAt: String?
            let lastError: String?
            let transport: String?
            let attachments: [Attachment]

            struct Attachment: Encodable {
                let name: String
                let contentType: String
                /// Base64.
                let content: String
            }

            /// Absent values are written as null, so a script sees every field of every message.
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(id, forKey: .id)
                try container.encode(key, forKey: .key)
                try container.encode(channel, forKey: .channel)
                try container.encode(to, forKey: .to)
                try container.encode(subject, forKey: .subject)
                try container.encode(text, forKey: .text)
                try container.encode(html, forKey: .html)
                try container.encode(status, forKey: .status)
                try container.encode(attempts, forKey: .attempts)
                try container.encode(createdAt, forKey: .createdAt)
                try container.encode(sentAt, forKey: .sentAt)
                try container.encode(lastError, forKey: .lastError)
                try container.encode(transport, forKey: .transport)
                try container.encode(attachments, forKey: .attachments)
            }

            enum CodingKeys: String, CodingKey {
                case id, key, channel, to, subject, text, html, status, attempts, createdAt, sentAt, lastError, transport, attachments
            }
        }

        let messages: [Message]
    }

    func register(on routes: Routes) {
        routes.get("/dev/outbox.json") { _, _ in
            let formatter = ISO8601DateFormatter()
            let messages = try await outbox.recent().map { message in
                Listing.Message(
                    id: message.id!.uuidString, key: message.idempotencyKey, channel: message.channel, to: message.recipient,
                    subject: message.subject, text: message.textBody, html: message.htmlBody, status: message.status,
                    attempts: message.attempts, createdAt: formatter.string(from: message.createdAt),
                    sentAt: message.sentAt.map(formatter.string(from:)), lastError: message.lastError, transport: message.transport,
                    attachments: message.attachments.map { .init(name: $0.filename, contentType: $0.contentType, content: $0.content.base64EncodedString()) }
                )
            }
            return JSONResponse.make(encoding: Listing(messages: messages))
        }
        routes.get("/dev/sms") { _, context in
            let messages = try await outbox.recent().filter { $0.channel == "sms" }
            let page = Page(title: "Development SMS box", content: .div(
                .h1(.text("Development SMS box")),
                .p(.class("lead"), .text("Every text message of the outbox, newest first, sent from \(sender). This page exists only in development mode (--dev).")),
                .p(.a(.id("demo-phones-link"), .href("/dev/phones"), .text("Open the itsme app as a demo person's phone"))),
                .if(messages.isEmpty, .p(.id("sms-empty"), .text("No text message yet.")), else: .ul(
                    .id("sms"), .class("phone-list"),
                    .forEach(messages) { message in
                        .li(.class("sms-\(message.status)"), .attribute(named: "data-to", value: message.recipient),
                            .strong(.text(message.recipient)), .text(" · " + MaintenanceNotice.format(message.createdAt) + " · " + message.status),
                            .p(.class("sms-text"), .text(message.textBody)))
                    }
                ))
            ))
            return Layout.response(page, chrome: context.chrome)
        }
        routes.get("/dev/outbox") { _, context in
            let messages = try await outbox.recent()
            let page = Page(title: "Development mailbox", content: .div(
                .h1(.text("Development mailbox")),
                .p(.class("lead"), .text("Every e-mail of the outbox, newest first. This page exists only in development mode (--dev).")),
                .if(messages.isEmpty, .p(.id("outbox-empty"), .text("The outbox is empty.")), else: .div(
                    .class("table-scroll"),
                    .table(
                        .id("outbox"),
                        .thead(.tr(.th(.text("Created")), .th(.text("To")), .th(.text("Subject")), .th(.text("Status")), .th(.text("Tries")))),
                        .tbody(.forEach(messages) { message in
                            .tr(
                                .class("outbox-\(message.status)"),
                                .td(.text(MaintenanceNotice.format(message.createdAt))),
                                .td(.text(message.recipient)),
                                .td(.details(.summary(.text(message.subject)), .pre(.class("mail-text"), .text(message.textBody)))),
                                .td(.text(message.status), .unwrap(message.lastError) { .small(.br(), .text($0)) }),
                                .td(.text(String(message.attempts)))
                            )
                        })
                    )
                ))
            ))
            return Layout.response(page, chrome: context.chrome)
        }
    }
}
