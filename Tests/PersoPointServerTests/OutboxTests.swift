import FluentKit
import Foundation
import Logging
@testable import Messaging
@testable import PersoCore
import Testing
@testable import PersoPointServer

@Suite("The outbox keeps every message until it is delivered", .serialized)
struct OutboxStorageTests {
    static func email(_ subject: String = "Votre code de sécurité PersoPoint") -> EmailMessage {
        EmailMessage(to: MailAddress(name: "Sophie Dubois", address: "sophie.dubois@example.be"), subject: subject,
                     text: "Bonjour Sophie,\n\n.123456\n", html: "<p>123456</p>", language: .fr)
    }

    @Test("one event makes one message, whatever its cause retries", arguments: TestDatabases.all)
    func idempotency(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let outbox = app.messaging.outbox
            let key = "test-event-\(UUID().uuidString)"
            #expect(try await outbox.enqueue(Self.email(), key: key, on: app.database.db))
            #expect(try await outbox.enqueue(Self.email("another subject"), key: key, on: app.database.db) == false)
            let stored = try await OutboxMessage.query(on: app.database.db).filter(\.$idempotencyKey == key).all()
            #expect(stored.count == 1 && stored.first?.subject == "Votre code de sécurité PersoPoint")
        }
    }

    @Test("a message written in a transaction that fails is not sent", arguments: TestDatabases.all)
    func rolledBack(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let key = "rolled-back-\(UUID().uuidString)"
            struct Abandoned: Error {}
            await #expect(throws: Abandoned.self) {
                try await app.database.db.transaction { db in
                    try await app.messaging.outbox.enqueue(Self.email(), key: key, on: db)
                    throw Abandoned()
                }
            }
            let kept = try await OutboxMessage.query(on: app.database.db).filter(\.$idempotencyKey == key).count()
            #expect(kept == 0)
        }
    }

    @Test("when the mail server cannot be reached the message stays pending and is retried later, each wait longer", arguments: TestDatabases.all)
    func retries(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock) { app in
            let outbox = app.messaging.outbox
            let key = "unreachable-\(UUID().uuidString)"
            try await outbox.enqueue(Self.email(), key: key, on: app.database.db)
            // Nothing listens on port 1 of this machine: a real connection, really refused.
            let settings = MailSettings(server: MailServer(host: "127.0.0.1", port: 1, security: .none), from: MailAddress(name: nil, address: "no-reply@example.be"))
            let worker = DeliveryWorker(
                outbox: outbox, transport: SMTPTransport(client: try SMTPClient(server: settings.server!, heloName: "test")),
                settings: settings, logger: Logger(label: "test")
            )
            func message() async throws -> OutboxMessage { try #require(try await OutboxMessage.query(on: app.database.db).filter(\.$idempotencyKey == key).first()) }
            #expect(try await worker.deliverDue() >= 1)
            var stored = try await message()
            #expect(stored.status == "pending" && stored.attempts == 1 && stored.lastError != nil && stored.reservedUntil == nil)
            #expect(abs(stored.nextAttemptAt.timeIntervalSince(clock.now) - 30) < 1)
            // Not due yet: nothing is tried.
            #expect(try await worker.deliverDue() == 0)
            clock.advance(by: 31)
            _ = try await worker.deliverDue()
            stored = try await message()
            #expect(stored.attempts == 2 && abs(stored.nextAttemptAt.timeIntervalSince(clock.now) - 60) < 1)
        }
    }

    @Test("a message reserved by an instance that died is tried again once its reservation has passed", arguments: TestDatabases.all)
    func reservation(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock) { app in
            let key = "reserved-\(UUID().uuidString)"
            try await app.messaging.outbox.enqueue(Self.email(), key: key, on: app.database.db)
            let stored = try #require(try await OutboxMessage.query(on: app.database.db).filter(\.$idempotencyKey == key).first())
            stored.reservedUntil = clock.now.addingTimeInterval(120)
            try await stored.update(on: app.database.db)
            let worker = DeliveryWorker(outbox: app.messaging.outbox, transport: DevelopmentMailbox(),
                                        settings: MailSettings(server: nil, from: MailAddress(name: nil, address: "a@example.be")), logger: Logger(label: "test"))
            // Other tests' messages may share this database: look at this one only.
            func current() async throws -> OutboxMessage { try #require(try await OutboxMessage.query(on: app.database.db).filter(\.$idempotencyKey == key).first()) }
            _ = try await worker.deliverDue()
            let reserved = try await current()
            #expect(reserved.status == "pending" && reserved.attempts == 0, "another instance is sending it")
            clock.advance(by: 121)
            _ = try await worker.deliverDue()
            let delivered = try await current()
            #expect(delivered.status == "sent" && delivered.transport == "dev" && delivered.sentAt != nil && delivered.attempts == 1)
            _ = try await worker.deliverDue()
            #expect(try await current().attempts == 1, "a sent message is never sent again")
        }
    }
}

@Suite("E-mail on the wire")
struct MailFormatTests {
    func rendered(subject: String = "Votre code de sécurité PersoPoint") -> String {
        let message = OutboxMessage()
        message.idempotencyKey = "login-code:1"
        message.recipient = "sophie.dubois@example.be"
        message.recipientName = "Sophie Dubois"
        message.subject = subject
        message.textBody = "Bonjour Sophie,\n\n.123456 é\n"
        message.htmlBody = "<p>123456</p>"
        message.language = "fr"
        return MIMEMessage(email: message, from: MailAddress(name: "PersoPoint", address: "no-reply@persopoint.example.be"),
                           date: Date(timeIntervalSince1970: 1_800_000_000), boundary: "b1").rendered
    }

    @Test("UTF-8 subjects become RFC 2047 words; text and HTML are alternatives in base64; lines stay short")
    func mime() throws {
        let text = rendered()
        #expect(text.contains("Subject: =?utf-8?b?"))
        let words = text.components(separatedBy: "\r\n").filter { $0.hasPrefix("Subject: ") || $0.hasPrefix(" =?utf-8") }
        let decoded = words.map { line in
            let word = line.replacingOccurrences(of: "Subject: ", with: "").trimmingCharacters(in: .whitespaces)
            return String(decoding: Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!, as: UTF8.self)
        }.joined()
        #expect(decoded == "Votre code de sécurité PersoPoint")
        #expect(text.contains("From: \"PersoPoint\" <no-reply@persopoint.example.be>"))
        #expect(text.contains("To: \"Sophie Dubois\" <sophie.dubois@example.be>"))
        #expect(text.contains("Date: Fri, 15 Jan 2027 08:00:00 +0000"))
        #expect(text.contains("Content-Type: multipart/alternative; boundary=\"b1\""))
        #expect(text.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64"))
        #expect(text.contains("Content-Type: text/html; charset=utf-8"))
        #expect(text.contains("--b1--"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends with CRLF")
        // The Message-ID depends on the outbox message only: every retry carries the same one.
        #expect(text.contains("Message-ID: <") && rendered().components(separatedBy: "Message-ID: ")[1].prefix(40) == text.components(separatedBy: "Message-ID: ")[1].prefix(40))
    }

    @Test("a calendar file goes beside the text and HTML: multipart/mixed around the alternatives, the file in base64 with its name")
    func attachment() throws {
        let message = OutboxMessage()
        message.idempotencyKey = "office-appointment:1"
        message.recipient = "nadia@example.be"
        message.subject = "Your appointment"
        message.textBody = "See you."
        message.htmlBody = "<p>See you.</p>"
        message.language = "en"
        let ics = Data("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8)
        message.attachmentsJSON = String(decoding: try JSONEncoder().encode([EmailAttachment(filename: "appointment.ics",
                                                                                           contentType: "text/calendar; charset=utf-8; method=PUBLISH",
                                                                                           content: ics)]), as: UTF8.self)
        let text = MIMEMessage(email: message, from: MailAddress(name: "PersoPoint", address: "no-reply@persopoint.example.be"),
                               date: Date(timeIntervalSince1970: 1_800_000_000), boundary: "b1").rendered
        #expect(text.contains("Content-Type: multipart/mixed; boundary=\"b1\""))
        #expect(text.contains("--b1\r\nContent-Type: multipart/alternative; boundary=\"b1_alt\""))
        #expect(text.contains("--b1_alt--"))
        #expect(text.contains("Content-Disposition: attachment; filename=\"appointment.ics\""))
        #expect(text.contains("Content-Type: text/calendar; charset=utf-8; method=PUBLISH;\r\n name=\"appointment.ics\""))
        #expect(text.contains(ics.base64EncodedString()))
        #expect(text.hasSuffix("--b1--\r\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    }

    @Test("a line starting with a dot cannot end the message early")
    func dotStuffing() {
        #expect(SMTPClient.dotStuffed("a\r\n.\r\n.b") == "a\r\n..\r\n..b")
    }

    @Test("addresses: names and addresses parsed, header injection refused")
    func addresses() {
        #expect(MailAddress(parsing: "PersoPoint <no-reply@example.be>") == MailAddress(name: "PersoPoint", address: "no-reply@example.be"))
        #expect(MailAddress(parsing: "a@b") == nil)
        #expect(MailAddress(parsing: "x <a@example.be>\r\nBcc: b@example.be") == nil)
        #expect(MailServer(url: "smtp://user:p%40ss@mail.example.be?tls=required") == MailServer(host: "mail.example.be", port: 587, security: .requireSTARTTLS, username: "user", password: "p@ss"))
        #expect(MailServer(url: "smtps://mail.example.be")?.port == 465)
        #expect(MailServer(url: "http://mail.example.be") == nil)
        #expect(MailServer(url: "smtp://mail.example.be?tls=maybe") == nil)
    }
}
