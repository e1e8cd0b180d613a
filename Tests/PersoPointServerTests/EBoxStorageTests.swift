import Crypto
import FluentKit
import Foundation
@testable import EBox
@testable import PersoCore
@testable import PersoPointServer
import Testing

/// The eBox's storage on SQLite, and on PostgreSQL when the test command provides one (`--filter Storage`). Every test
/// makes its own mailboxes, so the shared PostgreSQL database may hold other tests' rows.
@Suite("eBox storage behaves the same on every database", .serialized)
struct EBoxStorageTests {
    @Test("two requests publishing the same message at once make one document", arguments: TestDatabases.all)
    func concurrentPublishing(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let (sender, mailbox) = try await newSenderAndMailbox(app)
            let data = SimplePDF.make(title: "Once", lines: [UUID().uuidString])
            let messageID = "race-" + UUID().uuidString
            async let first = publish(app, data, messageID: messageID, sender: sender, mailbox: mailbox)
            async let second = publish(app, data, messageID: messageID, sender: sender, mailbox: mailbox)
            let outcomes = try await [first, second]
            let ids = Set(outcomes.compactMap { outcome -> UUID? in
                switch outcome {
                case .created(let document), .alreadyDelivered(let document): document.id
                case .conflict: nil
                }
            })
            #expect(ids.count == 1, "both answers name the one document")
            #expect(try await EBoxDocument.query(on: app.database.db).filter(\.$messageID == messageID).count() == 1)
        }
    }

    @Test("a content of several chunks comes back byte for byte, is kept once for two documents, and goes with the last", arguments: TestDatabases.all)
    func chunkedContents(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let (sender, mailbox) = try await newSenderAndMailbox(app)
            var data = Data("%PDF-1.4\n".utf8)
            data.append(contentsOf: (0..<(BlobStore.chunkSize * 2 + 1000)).map { _ in UInt8.random(in: 0...255) })
            let digest = SecureRandom.base64URL(SHA256.hash(data: data))
            for number in 1...2 {
                guard case .created = try await publish(app, data, messageID: "chunks-\(number)-" + UUID().uuidString, sender: sender, mailbox: mailbox) else {
                    Issue.record("not created"); return
                }
            }
            let chunks = try await app.database.sql.select().column("seq").from(BlobStore.schema).where("digest", .equal, digest).all()
            #expect(chunks.count == 3, "one copy, in three chunks")
            var read = Data()
            try await app.ebox.documents.blobs.read(digest: digest) { read.append($0) }
            #expect(read == data)

            // Both documents expire: the content stays until the last is gone.
            let documents = try await EBoxDocument.query(on: app.database.db).filter(\.$mailboxID == mailbox.requireID()).all()
            #expect(documents.count == 2)
            let first = documents[0]
            first.expiresAt = .distantPast
            try await first.update(on: app.database.db)
            #expect(try await app.ebox.schedule.deleteExpired() == 1)
            #expect(try await app.database.sql.select().column("seq").from(BlobStore.schema).where("digest", .equal, digest).all().count == 3)
            let second = documents[1]
            second.expiresAt = .distantPast
            try await second.update(on: app.database.db)
            _ = try await app.ebox.schedule.deleteExpired()
            #expect(try await app.database.sql.select().column("seq").from(BlobStore.schema).where("digest", .equal, digest).all().isEmpty)
        }
    }

    @Test("two instances running the notice schedule at once send each reminder once", arguments: TestDatabases.all)
    func remindersOnceAcrossInstances(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock) { app in
            let (sender, mailbox) = try await newSenderAndMailbox(app)
            for number in 1...5 {
                _ = try await publish(app, SimplePDF.make(title: "R", lines: ["\(number)"]), messageID: "remind-\(number)-" + UUID().uuidString,
                                      sender: sender, mailbox: mailbox)
            }
            clock.advance(by: 16 * 86_400)
            async let one = app.ebox.runSchedule()
            async let other = app.ebox.runSchedule()
            _ = try await [one, other]
            let ids = try await EBoxDocument.query(on: app.database.db).filter(\.$mailboxID == mailbox.requireID()).all().map { try $0.requireID().uuidString }
            let reminders = try await app.database.sql.select().column("id").from("outbox_messages")
                .where("idempotency_key", .in, ids.map { "ebox-reminder-" + $0 }).all()
            #expect(reminders.count == 5)
            let recorded = try await SentNotice.query(on: app.database.db).filter(\.$nationalNumber == mailbox.nationalNumber)
                .filter(\.$kind == .reminder).count()
            #expect(recorded == 5, "one line per reminder in the person's list of notices")
        }
    }

    @Test("the mailbox lists 25 a page newest first, knows when more follow, and filters by type and words", arguments: TestDatabases.all)
    func listing(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock) { app in
            let (sender, mailbox) = try await newSenderAndMailbox(app)
            for number in 1...30 {
                clock.advance(by: 60)
                _ = try await publish(app, SimplePDF.make(title: "L", lines: ["\(number)"]), messageID: "list-\(number)-" + UUID().uuidString,
                                      sender: sender, mailbox: mailbox, subject: number == 7 ? "Décision 100% spéciale" : "Pay slip \(number)")
            }
            let first = try await app.ebox.documents.list(in: mailbox, filter: .init())
            #expect(first.total == 30)
            #expect(first.hasMore)
            #expect(first.documents.map(\.subject).first == "Pay slip 30", "newest first")
            var second = Documents.Filter()
            second.page = 2
            let rest = try await app.ebox.documents.list(in: mailbox, filter: second)
            #expect(rest.documents.count == 5)
            #expect(!rest.hasMore)
            var search = Documents.Filter()
            search.search = "100% SPÉCIALE"
            #expect(try await app.ebox.documents.list(in: mailbox, filter: search).documents.map(\.subject) == ["Décision 100% spéciale"])
            search.search = "_"
            #expect(try await app.ebox.documents.list(in: mailbox, filter: search).total == 0, "LIKE's wildcards are taken literally")
            var other = Documents.Filter()
            other.type = "registered_letter"
            #expect(try await app.ebox.documents.list(in: mailbox, filter: other).total == 0)
            let facets = try await app.ebox.documents.facets(of: mailbox)
            #expect(facets.types == ["payslip"])
            #expect(facets.senders == [sender.id])
        }
    }

    @Test("a person gets at most one code a minute, whatever the address, and two requests at once send one", arguments: TestDatabases.all)
    func codesAreRationed(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock) { app in
            let number = NationalRegisterNumber.make(year: 1960 + Int.random(in: 0...39), month: Int.random(in: 1...12), day: Int.random(in: 1...28),
                                                     serial: Int.random(in: 1...997)).digits
            let mailboxes = app.ebox.mailboxes
            func preferences(_ email: String) -> Mailboxes.Preferences { .init(email: email, language: .fr, format: .text, frequency: .each) }
            async let one = mailboxes.requestCode(for: number, preferences: preferences("one-\(number)@example.be"))
            async let two = mailboxes.requestCode(for: number, preferences: preferences("two-\(number)@example.be"))
            let answers = try await [one, two]
            #expect(answers.filter { $0 == .sent }.count == 1)
            #expect(answers.filter { $0 == .tooSoon }.count == 1)
            #expect(try await mailboxes.requestCode(for: number, preferences: preferences("three-\(number)@example.be")) == .tooSoon,
                    "another address does not get round the minute")
            // Five wrong guesses spend the code; a new one still waits for the minute.
            for _ in 1...5 { _ = try await mailboxes.verify(code: "000000", for: number) }
            #expect(try await mailboxes.verify(code: "000000", for: number) == .spent)
            #expect(try await mailboxes.requestCode(for: number, preferences: preferences("four-\(number)@example.be")) == .tooSoon)
            clock.advance(by: 61)
            #expect(try await mailboxes.requestCode(for: number, preferences: preferences("four-\(number)@example.be")) == .sent)
            #expect(try await mailboxes.pending(of: number)?.attempts == 0)
            let codes = try await SentNotice.query(on: app.database.db).filter(\.$nationalNumber == number).count()
            #expect(codes == 2)
        }
    }

    private func newSenderAndMailbox(_ app: PersoPointApp) async throws -> (SenderProfile, Mailbox) {
        let code = "test-" + UUID().uuidString.prefix(8).lowercased()
        try await app.ebox.senders.register(.init(code: code, clientID: "client-" + code, names: [.en: "Test sender"], types: ["payslip": 30]))
        let sender = try #require(try await app.ebox.senders.sender(clientID: "client-" + code))
        let number = NationalRegisterNumber.make(year: 1960 + Int.random(in: 0...39), month: Int.random(in: 1...12), day: Int.random(in: 1...28),
                                                 serial: Int.random(in: 1...997))
        let mailbox = Mailbox()
        mailbox.nationalNumber = number.digits
        mailbox.email = "\(code)@example.be"
        mailbox.language = .en
        mailbox.format = .text
        mailbox.frequency = .each
        mailbox.consentVersion = Mailbox.consentVersion
        mailbox.activatedAt = Date()
        try await mailbox.create(on: app.database.db)
        return (sender, mailbox)
    }

    private func publish(_ app: PersoPointApp, _ data: Data, messageID: String, sender: SenderProfile, mailbox: Mailbox,
                         subject: String = "Pay slip") async throws -> Documents.Publication {
        // Larger contents go through a temporary file, as the API streams them.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ebox-test-" + UUID().uuidString)
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let content: Documents.Upload.Content = data.count > BlobStore.chunkSize ? .temporaryFile(file) : .memory(data)
        let digest = SecureRandom.base64URL(SHA256.hash(data: data))
        let metadata = try MessageMetadata.parse(JSONSerialization.data(withJSONObject: [
            "recipient": mailbox.nationalNumber, "messageId": messageID, "type": "payslip", "language": "en", "subject": subject,
            "digests": ["main": digest],
        ]))
        let upload = Documents.Upload(part: "main", fileName: "slip.pdf", mediaType: "application/pdf", size: data.count, digest: digest, content: content)
        return try await app.ebox.documents.publish(metadata, uploads: [upload], sender: sender, to: mailbox, keptFor: 30)
    }
}
