import FluentKit
import Foundation
@testable import Contact
@testable import EBox
@testable import Gateway
import HTTPTypes
import HummingbirdTesting
@testable import Messaging
@testable import PersoCore
@testable import PersoPointServer
import Testing

/// PersoContact, the HR case desk, in process: a question from Sophie (BOSA) to the desk, where Marc handles it.
@Suite("PersoContact: asking the HR desk and answering")
struct ContactTests {
    let sophie = DemoData.credentials[0]
    let pieter = DemoData.credentials[1]
    let marc = DemoData.credentials[3]
    let emma = DemoData.credentials[4]

    static let pdf = SimplePDF.make(title: "Fiche", lines: ["Octobre 2026"])

    /// Chooses the employer on the entry page, logs in through the gateway and opens the topic's form.
    func ask(_ browser: Browser, as person: DemoData.Credentials, employer: String = "bosa", topic: String = "pay") async throws -> String {
        let entry = try await browser.get("/contact")
        let token = try #require(entry.csrfToken)
        _ = try await browser.post("/contact/employer", form: ["organisation": employer, "_csrf": token])
        let form = try await browser.logIn(as: person, at: "/contact/ask/\(topic)")
        #expect(form.text.contains("id=\"question-form\""))
        return try #require(form.csrfToken)
    }

    func caseID(from location: String?) throws -> String {
        let path = try #require(location)
        return String(try #require(path.split(separator: "/").last?.split(separator: "?").first))
    }

    @Test("Sophie asks a pay question with a PDF; Marc gets it, notes, answers with a document into her eBox; she replies, he closes, she rates")
    func questionToAnswer() async throws {
        try await withEBox { app, client in
            let sophieBrowser = Browser(client)
            let token = try await ask(sophieBrowser, as: sophie)
            let question = "Ma prime de fin d’année d’octobre semble trop basse — QUESTION-\(UUID().uuidString.prefix(8))"
            let sent = try await sophieBrowser.post("/contact/ask/pay/send", multipart: [
                .field("_csrf", token), .field("subject", "Prime de fin d’année"), .field("month", "2026-10"), .field("body", question),
                .file("attachments", "fiche-octobre.pdf", "application/pdf", Self.pdf),
            ])
            #expect(sent.status == .seeOther)
            let id = try caseID(from: sent.headers[.location])
            let page = try await sophieBrowser.follow(try #require(sent.headers[.location]))
            #expect(page.text.contains("id=\"asked\""))
            let item = try #require(try await ContactCase.find(UUID(uuidString: id), on: app.database.db))
            #expect(item.desk == "bosa")
            #expect(item.assigneeName == "Marc Lambert", "the round robin gives it to the handler on duty")
            #expect(item.fields["month"] == "2026-10")

            let summary = try #require(try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == sophie.email)
                .filter(\.$subject ~~ item.reference).first())
            #expect(summary.textBody.contains("/contact/cases/\(id)"))
            #expect(!summary.textBody.contains("QUESTION-"), "the summary never carries the question's text")

            // Marc, in another browser: the case is in his queue; he adds a note and answers with a document.
            let marcBrowser = Browser(client)
            let queue = try await marcBrowser.logIn(as: marc, at: "/contact/queue?desk=bosa")
            #expect(queue.text.contains("data-id=\"\(id)\""))
            let handling = try await marcBrowser.get("/contact/queue/cases/\(id)")
            #expect(handling.text.contains("fiche-octobre.pdf"))
            let marcToken = try #require(handling.csrfToken)
            let note = "NOTE-INTERNE-\(UUID().uuidString.prefix(8))"
            let noted = try await marcBrowser.post("/contact/queue/cases/\(id)/note", form: ["note": note, "_csrf": marcToken])
            #expect(noted.headers[.location] == "/contact/queue/cases/\(id)?done=noted")
            let answerText = "Le calcul est correct : voir le document. ANSWER-\(UUID().uuidString.prefix(8))"
            let answered = try await marcBrowser.post("/contact/queue/cases/\(id)/answer", multipart: [
                .field("_csrf", marcToken), .field("answer", answerText), .field("status", "answered"),
                .file("document", "attestation.pdf", "application/pdf", Self.pdf),
            ])
            #expect(answered.headers[.location] == "/contact/queue/cases/\(id)?done=answered-ebox")
            let published = try #require(try await EBoxDocument.query(on: app.database.db).filter(\.$type == "hr_answer").first())
            #expect(published.subject.contains(item.reference))

            let answerMail = try #require(try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == sophie.email)
                .all().first { $0.subject.contains(item.reference) && $0.id != summary.id })
            #expect(answerMail.textBody.contains("/contact/cases/\(id)"))
            #expect(!answerMail.textBody.contains("ANSWER-"), "the e-mail has a link, never the answer")

            // Sophie reads the answer and its eBox link; the internal note is nowhere in what she gets.
            let read = try await sophieBrowser.get("/contact/cases/\(id)")
            #expect(read.text.contains("ANSWER-"))
            #expect(read.text.contains("/ebox/documents/\(published.id!.uuidString.lowercased())"))
            #expect(!read.text.contains(note))
            #expect(!read.text.contains("internal-note"))
            let replyToken = try #require(read.csrfToken)
            let replied = try await sophieBrowser.post("/contact/cases/\(id)/reply", multipart: [.field("_csrf", replyToken), .field("body", "Merci !")])
            #expect(replied.headers[.location] == "/contact/cases/\(id)?done=replied")
            #expect(try await ContactCase.find(UUID(uuidString: id), on: app.database.db)?.status == .inProgress, "a reply brings it back to the desk")

            let closed = try await marcBrowser.post("/contact/queue/cases/\(id)/status", form: ["status": "closed", "_csrf": marcToken])
            #expect(closed.status == .seeOther)
            let closingMail = try #require(try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == sophie.email).all()
                .first { $0.textBody.contains("/contact/cases/\(id)/rating") })
            #expect(closingMail.subject.contains(item.reference))
            let rated = try await sophieBrowser.post("/contact/cases/\(id)/rating", form: ["score": "4", "comment": "Rapide", "_csrf": replyToken])
            #expect(rated.headers[.location] == "/contact/cases/\(id)?done=rated")
            let again = try await sophieBrowser.post("/contact/cases/\(id)/rating", form: ["score": "1", "_csrf": replyToken])
            #expect(again.status == .seeOther)
            #expect(try await CaseRating.query(on: app.database.db).filter(\.$caseID == UUID(uuidString: id)!).all().map(\.score) == [4], "one rating per case")
            let averages = try await marcBrowser.get("/contact/queue?desk=bosa")
            #expect(averages.text.contains("data-topic=\"pay\">"))
            #expect(averages.text.contains("4.0"))

            // The history says who did what.
            let history = try await CaseEvent.query(on: app.database.db).filter(\.$caseID == UUID(uuidString: id)!).sort(\.$at).all().map(\.kind)
            #expect(history.contains(.noted) && history.contains(.answered) && history.contains(.documentSent) && history.contains(.rated))
        }
    }

    @Test("Emma has no eBox: the answer's document becomes a download of her case")
    func documentWithoutEBox() async throws {
        try await withEBox { app, client in
            let emmaBrowser = Browser(client)
            let token = try await ask(emmaBrowser, as: emma, topic: "personal_data")
            let sent = try await emmaBrowser.post("/contact/ask/personal_data/send", multipart: [
                .field("_csrf", token), .field("subject", "Gezinstoestand"), .field("data", "family"), .field("body", "Mijn dochter is geboren."),
            ])
            let id = try caseID(from: sent.headers[.location])
            let marcBrowser = Browser(client)
            _ = try await marcBrowser.logIn(as: marc, at: "/contact/queue/cases/\(id)")
            let handling = try await marcBrowser.get("/contact/queue/cases/\(id)")
            let answered = try await marcBrowser.post("/contact/queue/cases/\(id)/answer", multipart: [
                .field("_csrf", try #require(handling.csrfToken)), .field("answer", "Zie het attest."), .field("status", "answered"),
                .file("document", "attest.pdf", "application/pdf", Self.pdf),
            ])
            #expect(answered.headers[.location] == "/contact/queue/cases/\(id)?done=answered-download")
            let page = try await emmaBrowser.get("/contact/cases/\(id)")
            let file = try #require(try await CaseAttachment.query(on: app.database.db).filter(\.$caseID == UUID(uuidString: id)!).first())
            #expect(page.text.contains("/contact/cases/\(id)/files/\(file.id!.uuidString.lowercased())"))
            let download = try await emmaBrowser.get("/contact/cases/\(id)/files/\(file.id!.uuidString.lowercased())")
            #expect(download.status == .ok)
            #expect(Data(buffer: download.body) == Self.pdf)
            #expect(download.headers[.contentSecurityPolicy] == "sandbox; default-src 'none'")
        }
    }

    @Test("nobody opens another person's case, and a handler sees only the desks he serves")
    func access() async throws {
        try await withEBox { app, client in
            let sophieBrowser = Browser(client)
            let token = try await ask(sophieBrowser, as: sophie)
            let sent = try await sophieBrowser.post("/contact/ask/pay/send", multipart: [
                .field("_csrf", token), .field("subject", "Salaire"), .field("month", "2026-11"), .field("body", "Question."),
                .file("attachments", "a.pdf", "application/pdf", Self.pdf),
            ])
            let id = try caseID(from: sent.headers[.location])
            let file = try #require(try await CaseAttachment.query(on: app.database.db).filter(\.$caseID == UUID(uuidString: id)!).first())

            let pieterBrowser = Browser(client)
            _ = try await pieterBrowser.logIn(as: pieter, at: "/contact/cases")
            #expect(try await pieterBrowser.get("/contact/cases/\(id)").status == .notFound)
            #expect(try await pieterBrowser.get("/contact/cases/\(id)/files/\(file.id!.uuidString.lowercased())").status == .notFound)
            let pieterToken = try #require(try await pieterBrowser.get("/contact/cases").csrfToken)
            let foreignReply = try await pieterBrowser.post("/contact/cases/\(id)/reply", multipart: [.field("_csrf", pieterToken), .field("body", "Hijack")])
            #expect(foreignReply.status == .notFound)
            #expect(try await CaseMessage.query(on: app.database.db).filter(\.$body == "Hijack").count() == 0)
            let queue = try await pieterBrowser.get("/contact/queue")
            #expect(queue.status == .forbidden)
            #expect(queue.text.contains("id=\"not-a-handler\""))
            #expect(try await pieterBrowser.get("/contact/queue/cases/\(id)").status == .forbidden)

            // A case of a desk Marc does not serve is not found for him, even by its address.
            let elsewhere = try await app.contact.cases.open(Cases.Question(
                desk: "justice", topic: .pay, requester: Actor(nationalNumber: pieter.nrn, name: "Pieter"), email: nil, language: .nl,
                subject: "Elders", fields: ["month": "2026-11"], body: "Elders", files: []
            ))
            let marcBrowser = Browser(client)
            _ = try await marcBrowser.logIn(as: marc, at: "/contact/queue?desk=justice")
            #expect(try await marcBrowser.get("/contact/queue/cases/\(elsewhere.idString)").status == .notFound)
            #expect(!(try await marcBrowser.get("/contact/queue?desk=justice&view=open").text.contains(elsewhere.idString)))
        }
    }

    @Test("a reply reopens a case closed less than 14 days ago; later it starts a new case that links to the old one")
    func reopenRules() async throws {
        let clock = TestClock()
        try await withEBox(clock: clock) { app, client in
            let browser = Browser(client)
            let asked = try await ask(browser, as: sophie, topic: "absences")
            let sent = try await browser.post("/contact/ask/absences/send", multipart: [
                .field("_csrf", asked), .field("subject", "Congé"), .field("from", "2026-12-21"), .field("to", "2026-12-24"), .field("body", "Solde ?"),
            ])
            let id = try caseID(from: sent.headers[.location])
            let item = try #require(try await app.contact.cases.find(UUID(uuidString: id)!))
            let marc = Actor(nationalNumber: self.marc.nrn, name: "Marc Lambert")
            try await app.contact.cases.setStatus(item, .closed, by: marc, caseURL: "")

            // Thirteen days later (a new session, so a new login) a reply reopens it.
            clock.advance(by: 13 * 86_400)
            var token = try #require(try await browser.logIn(as: sophie, at: "/contact/cases/\(id)").csrfToken)
            let reopened = try await browser.post("/contact/cases/\(id)/reply", multipart: [.field("_csrf", token), .field("body", "Encore une question")])
            #expect(reopened.headers[.location] == "/contact/cases/\(id)?done=replied")
            let again = try #require(try await app.contact.cases.find(UUID(uuidString: id)!))
            #expect(again.status == .inProgress)
            #expect(again.closedAt == nil)

            try await app.contact.cases.setStatus(again, .closed, by: marc, caseURL: "")
            clock.advance(by: 15 * 86_400)
            token = try #require(try await browser.logIn(as: sophie, at: "/contact/cases/\(id)").csrfToken)
            let page = try await browser.get("/contact/cases/\(id)")
            #expect(page.text.contains("id=\"reopen-rule\""))
            let late = try await browser.post("/contact/cases/\(id)/reply", multipart: [.field("_csrf", token), .field("body", "Et maintenant ?")])
            let newID = try caseID(from: late.headers[.location])
            #expect(newID != id)
            let next = try #require(try await app.contact.cases.find(UUID(uuidString: newID)!))
            #expect(next.previousCaseID?.uuidString.lowercased() == id)
            #expect(try await app.contact.cases.find(UUID(uuidString: id)!)?.status == .closed, "the old case stays closed")
            #expect(try await browser.get("/contact/cases/\(newID)").text.contains("id=\"previous-case\""))
        }
    }

    @Test("bad questions come back with what was typed and nothing is kept; a forged or cut body is refused")
    func badQuestions() async throws {
        try await withEBox { app, client in
            let browser = Browser(client)
            let token = try await ask(browser, as: sophie)
            let before = try await ContactCase.query(on: app.database.db).count()

            let tooLarge = try await browser.post("/contact/ask/pay/send", multipart: [
                .field("_csrf", token), .field("subject", "Gros fichier"), .field("month", "2026-10"), .field("body", "Texte gardé"),
                .file("attachments", "scan.pdf", "application/pdf", Data("%PDF-1.4\n".utf8) + Data(repeating: 65, count: 11 * 1024 * 1024)),
            ])
            #expect(tooLarge.status == .unprocessableContent)
            #expect(tooLarge.text.contains("id=\"attachments-input-error\""))
            #expect(tooLarge.text.contains("value=\"Gros fichier\"") && tooLarge.text.contains("Texte gardé"), "what was typed is kept")

            let fake = try await browser.post("/contact/ask/pay/send", multipart: [
                .field("_csrf", token), .field("subject", "Faux PDF"), .field("month", "2026-10"), .field("body", "x"),
                .file("attachments", "virus.pdf", "application/pdf", Data("MZ\u{90}\u{0}".utf8)),
            ])
            #expect(fake.status == .unprocessableContent)
            #expect(fake.text.contains("virus.pdf"))

            let missing = try await browser.post("/contact/ask/pay/send", multipart: [
                .field("_csrf", token), .field("subject", ""), .field("month", "2026-13"), .field("body", "Texte"),
            ])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("id=\"subject-error\"") && missing.text.contains("id=\"field-month-error\""))

            let forged = try await browser.post("/contact/ask/pay/send", multipart: [
                .field("_csrf", "forged"), .field("subject", "Forgé"), .field("month", "2026-10"), .field("body", "x"),
            ])
            #expect(forged.status == .forbidden)
            let cut = try await browser.post("/contact/ask/pay/send", multipart: [
                .field("_csrf", token), .field("subject", "Coupé"), .field("month", "2026-10"), .field("body", "x"),
                .file("attachments", "a.pdf", "application/pdf", Self.pdf),
            ], truncated: true)
            #expect(cut.status == .badRequest)
            #expect(try await ContactCase.query(on: app.database.db).count() == before, "nothing was kept")
        }
    }

    @Test("a question's due date skips the weekend and the federal holidays")
    func dueDates() async throws {
        // Thursday 24 December 2026, 10:00 in Brussels: 25 (Christmas) and 26 (federal) December, the weekend, 1 and
        // 2 January are not working days. Five working days: 28, 29, 30, 31 December, 4 January.
        let clock = TestClock(FederalCalendar.Day(year: 2026, month: 12, day: 24).start.addingTimeInterval(10 * 3600))
        try await withEBox(clock: clock) { app, _ in
            let item = try await app.contact.cases.open(Cases.Question(
                desk: "bosa", topic: .pay, requester: Actor(nationalNumber: sophie.nrn, name: "Sophie"), email: nil, language: .fr,
                subject: "Fin d’année", fields: ["month": "2026-12"], body: "?", files: []
            ))
            #expect(FederalCalendar.Day(item.dueAt) == FederalCalendar.Day(year: 2027, month: 1, day: 4))
            #expect(item.dueAt == FederalCalendar.Day(year: 2027, month: 1, day: 4).end)
        }
        #expect(FederalCalendar.workingDay(1, after: .init(year: 2026, month: 11, day: 10)) == .init(year: 2026, month: 11, day: 12),
                "11 November (Armistice) is skipped")
        #expect(FederalCalendar.holiday(on: .init(year: 2027, month: 3, day: 29)) == .easterMonday)
        #expect(FederalCalendar.holiday(on: .init(year: 2026, month: 5, day: 14)) == .ascension)
        #expect(FederalCalendar.holiday(on: .init(year: 2026, month: 5, day: 25)) == .whitMonday)
        #expect(FederalCalendar.holiday(on: .init(year: 2026, month: 11, day: 15)) == .kingsFeast)
    }
}
