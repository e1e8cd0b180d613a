import Crypto
import FluentKit
import Foundation
@testable import EBox
@testable import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import Messaging
@testable import PersoCore
@testable import PersoPointServer
import Testing

/// The product with its demo data (people, the demo eBox sender, the demo eBoxes), one browser-less client.
func withEBox<T>(clock: TestClock = TestClock(), _ body: @Sendable (PersoPointApp, any TestClientProtocol) async throws -> T) async throws -> T {
    let gateway = InProcessGateway()
    return try await withProduct(clock: clock, gateway: gateway) { app in
        try await app.seedDemoData()
        return try await app.makeApplication().test(.router) { client in
            gateway.connect(client)
            return try await body(app, client)
        }
    }
}

/// A sender's program: client credentials at the gateway, then multipart requests to the publish API.
struct SenderProgram {
    let client: any TestClientProtocol

    func token(clientID: String = DemoSender.demo.clientID, secret: String = DemoSender.demo.clientSecret, scope: String = "ebox:publish") async throws -> String {
        let basic = Data("\(clientID):\(secret)".utf8).base64EncodedString()
        return try await client.execute(uri: "/fas/oauth2/access_token", method: .post,
                                        headers: [.contentType: "application/x-www-form-urlencoded", .authorization: "Basic \(basic)"],
                                        body: ByteBuffer(string: "grant_type=client_credentials&scope=\(scope)")) { response in
            let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            return try #require(object?["access_token"] as? String, "\(response.status) \(String(buffer: response.body))")
        }
    }

    struct File {
        let part: String
        let name: String
        let type: String
        let data: Data
    }

    static func digest(_ data: Data) -> String { SecureRandom.base64URL(SHA256.hash(data: data)) }

    static let pdf = SimplePDF.make(title: "Test", lines: ["A document for the tests."])

    /// Publishes; `digests` overrides the computed ones (to send a wrong one).
    func publish(token: String, recipient: String, messageID: String, type: String = "payslip", subject: String = "Fiche de paie",
                 registered: Bool = false, files: [File] = [File(part: "main", name: "fiche.pdf", type: "application/pdf", data: pdf)],
                 digests: [String: String]? = nil) async throws -> (HTTPResponse.Status, [String: Any]) {
        let metadata: [String: Any] = [
            "recipient": recipient, "messageId": messageID, "type": type, "language": "fr", "subject": subject, "registered": registered,
            "digests": digests ?? Dictionary(uniqueKeysWithValues: files.map { ($0.part, Self.digest($0.data)) }),
        ]
        let boundary = "pp-" + SecureRandom.token(bytes: 8)
        var body = Data()
        func part(_ headers: String, _ content: Data) {
            body.append(Data("--\(boundary)\r\n\(headers)\r\n\r\n".utf8))
            body.append(content)
            body.append(Data("\r\n".utf8))
        }
        part("Content-Disposition: form-data; name=\"metadata\"\r\nContent-Type: application/json", try JSONSerialization.data(withJSONObject: metadata))
        for file in files {
            part("Content-Disposition: form-data; name=\"\(file.part)\"; filename=\"\(file.name)\"\r\nContent-Type: \(file.type)", file.data)
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return try await client.execute(uri: "/ebox/api/v1/messages", method: .post,
                                        headers: [.contentType: "multipart/form-data; boundary=\(boundary)", .authorization: "Bearer \(token)"],
                                        body: ByteBuffer(data: body)) { response in
            (response.status, (try? JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]) ?? [:])
        }
    }
}

@Suite("A civil servant and her eBox")
struct EBoxTests {
    let sophie = DemoData.credentials[0]
    let emma = DemoData.credentials[4]

    @Test("Emma activates her eBox with consent and a code sent to her address, then a document published for her arrives, is read and downloaded")
    func activationThenADocument() async throws {
        try await withEBox { app, client in
            let browser = Browser(client)
            let activation = try await browser.logIn(as: emma, at: "/ebox?lang=en")
            #expect(activation.text.contains("id=\"activation-form\""))
            let csrf = try #require(activation.csrfToken)

            // Before she activates, a sender is told she has no eBox, and nothing is kept.
            let sender = SenderProgram(client: client)
            let token = try await sender.token()
            let (refused, error) = try await sender.publish(token: token, recipient: emma.nrn, messageID: "before-activation")
            #expect(refused == .unprocessableContent)
            #expect(error["code"] as? String == "NO_DIGITAL_USER")
            #expect(try await EBoxDocument.query(on: app.database.db).filter(\.$messageID == "before-activation").count() == 0)

            let withoutConsent = try await browser.post("/ebox/activate", form: ["email": "emma@home.example", "language": "en", "format": "text",
                                                                                   "frequency": "each", "_csrf": csrf])
            #expect(withoutConsent.status == .unprocessableContent)
            #expect(withoutConsent.text.contains("id=\"consent-error\""))
            #expect(withoutConsent.text.contains("value=\"emma@home.example\""), "what she typed is kept")

            let sent = try await browser.post("/ebox/activate", form: ["consent": "yes", "email": "emma@home.example", "language": "en",
                                                                         "format": "text", "frequency": "each", "_csrf": csrf])
            #expect(sent.headers[.location] == "/ebox/verify")
            let mail = try #require(try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == "emma@home.example").first())
            let code = String(try #require(mail.subject.split(separator: " ").last))
            #expect(code.count == 6)

            let wrong = try await browser.post("/ebox/verify", form: ["code": code == "000000" ? "111111" : "000000", "_csrf": csrf])
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.text.contains("You have 4 tries left"))
            let right = try await browser.post("/ebox/verify", form: ["code": code, "_csrf": csrf])
            #expect(right.headers[.location] == "/ebox?done=activated")
            let mailbox = try await browser.follow("/ebox?done=activated")
            #expect(mailbox.text.contains("id=\"activated\""))
            #expect(mailbox.text.contains("id=\"no-documents\""))

            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data(repeating: 7, count: 300)
            let (created, status) = try await sender.publish(token: token, recipient: emma.nrn, messageID: "decision-42",
                                                             type: "career_interruption_decision", subject: "Décision: interruption de carrière",
                                                             registered: true, files: [
                .init(part: "main", name: "décision.pdf", type: "application/pdf", data: SenderProgram.pdf),
                .init(part: "annex-1", name: "plan.png", type: "image/png", data: png),
            ])
            #expect(created == .created)
            let id = try #require(status["id"] as? String)
            #expect((status["notice"] as? [String: Any])?["status"] as? String == "pending")

            let listed = try await browser.get("/ebox")
            #expect(listed.text.contains("data-id=\"\(id)\""))
            #expect(listed.text.contains("class=\"document unread\""))
            #expect(listed.text.contains("registered-mark"))
            let opened = try await browser.get("/ebox/documents/\(id)")
            #expect(opened.status == .ok)
            #expect(opened.text.contains(SecureRandom.hex(SHA256.hash(data: png))), "the attachment's SHA-256, as sha256sum prints it")
            #expect(opened.text.contains("id=\"registered-notice\""))
            let download = try await browser.get("/ebox/documents/\(id)/files/annex-1")
            #expect(download.status == .ok)
            #expect(Data(buffer: download.body) == png)
            #expect(download.headers[.contentType] == "image/png")
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"plan.png\"; filename*=UTF-8''plan.png")
            let main = try await browser.get("/ebox/documents/\(id)/files/main")
            #expect(main.headers[.contentDisposition]?.contains("filename*=UTF-8''d%C3%A9cision.pdf") == true)

            let notice = try #require(try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == "emma@home.example")
                .filter(\.$idempotencyKey == "ebox-new-\(id.uppercased())").first())
            #expect(!notice.textBody.contains("interruption de carrière"), "the notice never tells the subject")
            #expect(notice.htmlBody == nil, "she asked for plain text")
            #expect(notice.textBody.contains("http://localhost:8080/ebox"))

            // She switches to a daily summary in German; the choice is kept, the address is not touched.
            let settings = try await browser.post("/ebox/settings", form: ["language": "de", "format": "html", "frequency": "daily", "_csrf": csrf])
            #expect(settings.headers[.location] == "/ebox/settings?done=saved")
            let stored = try #require(try await Mailbox.query(on: app.database.db).filter(\.$nationalNumber == emma.nrn).all().first)
            #expect((stored.language, stored.format, stored.frequency, stored.email) == (.de, .html, .daily, "emma@home.example"))
            #expect(try await Mailbox.query(on: app.database.db).filter(\.$nationalNumber == emma.nrn).count() == 1)
        }
    }

    @Test("a sender publishing the same message twice makes one document; the same id for something else is refused")
    func idempotentPublishing() async throws {
        try await withEBox { app, client in
            let sender = SenderProgram(client: client)
            let token = try await sender.token()
            let (first, created) = try await sender.publish(token: token, recipient: sophie.nrn, messageID: "payslip-2026-11")
            let (second, again) = try await sender.publish(token: token, recipient: sophie.nrn, messageID: "payslip-2026-11")
            #expect(first == .created)
            #expect(second == .ok)
            #expect(created["id"] as? String == again["id"] as? String)
            let (conflict, refusal) = try await sender.publish(token: token, recipient: sophie.nrn, messageID: "payslip-2026-11", subject: "Autre chose")
            #expect(conflict == .conflict)
            #expect(refusal["code"] as? String == "MESSAGE_ID_REUSED")
            #expect(try await EBoxDocument.query(on: app.database.db).filter(\.$messageID == "payslip-2026-11").count() == 1)
        }
    }

    @Test("the API refuses what it must, each with its code, and stores nothing", arguments: [
        ("digest", "DIGEST_MISMATCH"), ("type", "MESSAGE_TYPE_NOT_ALLOWED"), ("media", "MEDIA_TYPE_NOT_ALLOWED"),
        ("fake-pdf", "MEDIA_TYPE_NOT_ALLOWED"), ("seven", "TOO_MANY_ATTACHMENTS"), ("recipient", "INVALID_RECIPIENT"),
        ("no-main", "MISSING_PART"), ("scope", "INSUFFICIENT_SCOPE"), ("token", "UNAUTHORIZED"), ("large-digest", "DIGEST_MISMATCH"),
    ])
    func refusals(case name: String, code: String) async throws {
        try await withEBox { app, client in
            let sender = SenderProgram(client: client)
            var token = try await sender.token()
            let main = SenderProgram.File(part: "main", name: "a.pdf", type: "application/pdf", data: SenderProgram.pdf)
            var files = [main]
            var digests: [String: String]?
            var type = "payslip"
            var recipient = sophie.nrn
            switch name {
            case "digest": digests = ["main": SenderProgram.digest(Data("other".utf8))]
            case "type": type = "tax_notice"
            case "media": files.append(.init(part: "tool", name: "tool.exe", type: "application/x-msdownload", data: Data("MZ".utf8)))
            case "fake-pdf": files = [.init(part: "main", name: "a.pdf", type: "application/pdf", data: Data("not a pdf".utf8))]
            case "seven": files += (1...7).map { .init(part: "annex-\($0)", name: "n\($0).txt", type: "text/plain", data: Data("note \($0)".utf8)) }
            case "recipient": recipient = "85073003327"
            case "no-main": files = [.init(part: "annex", name: "n.txt", type: "text/plain", data: Data("n".utf8))]
            case "large-digest":
                // Larger than a chunk, so it went to a temporary file, which must be gone after the refusal.
                let large = Data(repeating: 65, count: BlobStore.chunkSize * 2)
                files.append(.init(part: "large", name: "large.txt", type: "text/plain", data: large))
                digests = ["main": SenderProgram.digest(main.data), "large": SenderProgram.digest(large + Data("x".utf8))]
            case "scope":
                var registration = ClientRegistry.Registration(clientID: "no-scope", name: "No scope", authMethod: .clientSecretBasic, redirectURIs: [])
                registration.grantTypes = ["client_credentials"]
                registration.scopes = ["roles"]
                try await app.gateway.clients.add(registration, secret: "s3cret-no-scope")
                token = try await sender.token(clientID: "no-scope", secret: "s3cret-no-scope", scope: "roles")
            default: token = "not-a-token"
            }
            let (status, body) = try await sender.publish(token: token, recipient: recipient, messageID: "refused-\(name)", type: type,
                                                          files: files, digests: digests)
            #expect(status.code >= 400 && status.code < 500)
            #expect(body["code"] as? String == code)
            #expect(try await EBoxDocument.query(on: app.database.db).filter(\.$messageID == "refused-\(name)").count() == 0)
            let scratch = (try? FileManager.default.contentsOfDirectory(atPath: app.configuration.dataDirectory + "/ebox-scratch")) ?? []
            let leftovers = scratch.filter { $0.hasPrefix("upload-") }
            #expect(leftovers.isEmpty, "no temporary file is left behind")
        }
    }

    @Test("unread documents are recalled after 15 days, announced 7 days before deletion, then deleted with their contents — each notice once")
    func remindersWarningsAndDeletion() async throws {
        let clock = TestClock()
        try await withEBox(clock: clock) { app, client in
            let sender = SenderProgram(client: client)
            let token = try await sender.token()
            let unique = Data("a letter only this test sends".utf8)
            let (status, _) = try await sender.publish(token: token, recipient: sophie.nrn, messageID: "letter-1", type: "registered_letter",
                                                       files: [.init(part: "main", name: "l.txt", type: "text/plain", data: unique)])
            #expect(status == .created)
            #expect(try await app.ebox.runSchedule() == .init(digests: 0, reminders: 0, warnings: 0, deleted: 0))

            clock.advance(by: 15 * 86_400 + 60)
            let letter = try #require(try await EBoxDocument.query(on: app.database.db).filter(\.$messageID == "letter-1").first())
            let reminders = try await app.ebox.runSchedule()
            #expect(reminders.reminders == 13, "the new letter and the demo eBoxes' twelve unread documents")
            #expect(try await app.ebox.runSchedule().reminders == 0, "once")
            let reminder = try #require(try await OutboxMessage.query(on: app.database.db)
                .filter(\.$idempotencyKey == "ebox-reminder-\(try letter.requireID().uuidString)").first())
            #expect(reminder.recipient == sophie.email)
            #expect(reminder.subject == "Un document vous attend dans votre eBox depuis 15 jours")

            // The registered letter is kept 90 days: its warning comes on day 83.
            clock.advance(by: (83 - 15) * 86_400)
            #expect(try await app.ebox.runSchedule().warnings == 5, "the letter and the four demo registered letters")
            #expect(try await app.ebox.runSchedule().warnings == 0, "once")
            let mailbox = try await Browser(client).logIn(as: sophie, at: "/ebox?lang=en")
            #expect(mailbox.text.contains("class=\"expiry-warning\""), "the mailbox warns too")

            clock.advance(by: 8 * 86_400)
            #expect(try await app.ebox.runSchedule().deleted == 5)
            #expect(try await EBoxDocument.query(on: app.database.db).filter(\.$messageID == "letter-1").count() == 0)
            let chunks = try await app.database.sql.select().column("seq").from(BlobStore.schema)
                .where("digest", .equal, SenderProgram.digest(unique)).all()
            #expect(chunks.isEmpty, "the content went with its last document")
        }
    }

    @Test("a person who chose a daily summary gets one e-mail for several documents")
    func dailyDigest() async throws {
        let clock = TestClock()
        try await withEBox(clock: clock) { app, client in
            let pieter = DemoData.credentials[1]
            let mailbox = try #require(try await Mailbox.query(on: app.database.db).filter(\.$nationalNumber == pieter.nrn).first())
            mailbox.frequency = .daily
            try await mailbox.update(on: app.database.db)
            let sender = SenderProgram(client: client)
            let token = try await sender.token()
            for month in ["10", "11"] {
                let (status, body) = try await sender.publish(token: token, recipient: pieter.nrn, messageID: "payslip-\(month)")
                #expect(status == .created)
                #expect((body["notice"] as? [String: Any])?["status"] as? String == "digest")
            }
            #expect(try await app.ebox.runSchedule().digests == 1)
            #expect(try await app.ebox.runSchedule().digests == 0)
            let digest = try #require(try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == pieter.email)
                .sort(\.$createdAt, .descending).first())
            #expect(digest.subject == "2 nieuwe documenten in uw eBox")
        }
    }

    @Test("the served OpenAPI description names exactly the API's routes and methods, and every error code the API can give")
    func descriptionMatchesTheRoutes() async throws {
        try await withProduct { app in
            var described: Set<String> = []
            var path: String?
            var inPaths = false
            for line in PublishAPIDescription.yaml.split(separator: "\n", omittingEmptySubsequences: false) {
                if line == "paths:" { inPaths = true; continue }
                guard inPaths else { continue }
                if !line.hasPrefix(" "), !line.isEmpty { break }
                if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                    path = String(line.dropFirst(2).dropLast()).replacingOccurrences(of: "{messageId}", with: ":messageId")
                } else if let path, let method = ["get", "post", "put", "patch", "delete"].first(where: { line == "    \($0):" }) {
                    described.insert(method.uppercased() + " " + path)
                }
            }
            let routed = Set(app.makeRoutes().entries
                .filter { ($0.path.hasPrefix("/ebox/api/v1") || $0.path.hasPrefix("/ebox/.well-known")) && $0.method != .head }
                .map { "\($0.method.rawValue) \($0.path)" })
            #expect(described.count == 4)
            #expect(described == routed)
            for code in ["UNAUTHORIZED", "INSUFFICIENT_SCOPE", "UNKNOWN_SENDER", "NO_DIGITAL_USER", "DIGEST_MISMATCH", "TOO_MANY_ATTACHMENTS",
                         "MEDIA_TYPE_NOT_ALLOWED", "PART_TOO_LARGE", "MESSAGE_TOO_LARGE", "MESSAGE_ID_REUSED", "NOT_REGISTERED_MAIL",
                         "TEMPORARILY_UNAVAILABLE", "MALFORMED_MULTIPART", "INVALID_METADATA", "MISSING_PART", "INVALID_RECIPIENT"] {
                #expect(PublishAPIDescription.yaml.contains("- \(code)"), "\(code)")
            }
        }
    }
}
