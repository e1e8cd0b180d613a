import FluentKit
import Foundation
@testable import EBox
@testable import Gateway
import HTTPTypes
import HummingbirdTesting
@testable import Messaging
@testable import PersoCore
@testable import PersoPointServer
@testable import SelfService
import Testing

/// The HR officer's documents in process: Marc publishes a month's pay slips from the payroll's CSV into the eBoxes
/// (Emma has none yet), and decides Sophie's career interruption, whose PDF goes into her eBox as a registered document.
@Suite("Pay slips and career-interruption decisions delivered into the eBox")
struct HRDocumentTests {
    let sophie = DemoData.credentials[0]
    let marc = DemoData.credentials[3]
    let emma = DemoData.credentials[4]

    func withDemo(clock: TestClock = TestClock(), _ body: @escaping @Sendable (PersoPointApp, any TestClientProtocol) async throws -> Void) async throws {
        let gateway = InProcessGateway()
        try await withProduct(clock: clock, gateway: gateway) { app in
            _ = try await app.seedDemoData()
            try await app.makeApplication().test(.router) { client in
                gateway.connect(client)
                try await body(app, client)
            }
        }
    }

    static func csv(_ rows: [String]) -> Data { Data((["national_number;kind;gross;net"] + rows).joined(separator: "\r\n").utf8) }

    func upload(_ browser: Browser, period: String, csv: Data) async throws -> TestResponse {
        let form = try await browser.get("/selfservice/hr/payslips?lang=en")
        return try await browser.post("/selfservice/hr/payslips", multipart: [
            .field("_csrf", try #require(form.csrfToken)), .field("period", period), .file("payroll", "payroll-2026-11.csv", "text/csv", csv),
        ])
    }

    @Test("Marc publishes November's pay slips of the five demo people: a bad line publishes nothing; then four reach an eBox and Emma's waits, as the report says")
    func monthOfPaySlips() async throws {
        try await withDemo { app, client in
            let browser = Browser(client)
            _ = try await browser.logIn(as: marc, at: "/selfservice/hr?lang=en")
            let people = DemoData.credentials
            let bad = try await upload(browser, period: "2026-11", csv: Self.csv(people.map { "\($0.nrn);salary;4123.45;2876.12" } + ["12345678901;salary;1;1"]))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("Line 7: not a valid national register number"))
            #expect(try await PaySlip.query(on: app.database.db).count() == 0, "nothing published")

            let lines = people.enumerated().map { "\($1.nrn);\($0 == 0 ? "holiday_pay" : "salary");\(3000 + $0 * 100),50;\(2100 + $0 * 50).25" }
            let sent = try await upload(browser, period: "2026-11", csv: Self.csv(lines))
            #expect(sent.status == .seeOther)
            let runPage = try #require(sent.headers[.location])
            var rounds = 0
            while try await app.selfService.delivery.deliverDue() > 0, rounds < 5 { rounds += 1 }
            let report = try await browser.get(runPage + "?lang=en")
            #expect(report.text.contains("data-done=\"5\" data-total=\"5\" data-finished=\"true\""))
            #expect(report.text.contains("id=\"report-delivered\" data-count=\"4\""))
            #expect(report.text.contains("id=\"report-waiting\" data-count=\"1\""))
            #expect(report.text.contains("data-person=\"\(emma.nrn)\">Emma Peeters"))

            let again = try await upload(browser, period: "2026-11", csv: Self.csv([lines[1]]))
            #expect(again.text.contains("was already published for this person and month"))

            // The demo eBoxes hold pay slips of the demo sender already: these are PersoSelfService's.
            let documents = try await EBoxDocument.query(on: app.database.db).filter(\.$type == "payslip").all()
                .filter { $0.messageID.hasPrefix("payslip-") && $0.messageID.contains("-2026-11-") }
            #expect(documents.count == 4)
            #expect(documents.contains { $0.language == .fr && $0.subject.contains("novembre 2026") }, "in Sophie's language")

            let sophieBrowser = Browser(client)
            _ = try await sophieBrowser.logIn(as: sophie)
            let list = try await sophieBrowser.get("/selfservice/payslips?lang=en")
            #expect(list.text.contains("data-period=\"2026-11\" data-kind=\"holiday_pay\" data-delivery=\"delivered\""))
            let emmaBrowser = Browser(client)
            _ = try await emmaBrowser.logIn(as: emma)
            let waiting = try await emmaBrowser.get("/selfservice/payslips?lang=en")
            #expect(waiting.text.contains("id=\"activate-ebox\""))
            #expect(try await sophieBrowser.get("/selfservice/hr").status == .forbidden, "the HR area is for HR officers")
        }
    }

    @Test("Sophie applies for a parental leave at half time; Marc refuses without a reason in vain, then approves; the decision reaches her eBox, registered, and she is told")
    func careerInterruptionDecision() async throws {
        try await withDemo { app, client in
            let sophieBrowser = Browser(client)
            _ = try await sophieBrowser.logIn(as: sophie, at: "/selfservice/career-interruption?lang=en")
            let form = try await sophieBrowser.get("/selfservice/career-interruption?lang=en")
            let today = FederalCalendar.Day(Date())
            var start = FederalCalendar.Day(year: today.year, month: today.month, day: 1)
            for _ in 0..<40 { start = start.adding(days: 1); if start.day == 1 { break } }
            var end = start.adding(days: 95)
            while end.adding(days: 1).day != 1 { end = end.adding(days: 1) }
            let wrong = try await sophieBrowser.post("/selfservice/career-interruption", form: [
                "_csrf": try #require(form.csrfToken), "kind": "parental", "regime": "half", "from": start.adding(days: 3).description, "to": end.description,
            ])
            #expect(wrong.status == .unprocessableContent)
            let applied = try await sophieBrowser.post("/selfservice/career-interruption", form: [
                "_csrf": try #require(form.csrfToken), "kind": "parental", "regime": "half", "from": start.description, "to": end.description,
            ])
            #expect(applied.headers[.location] == "/selfservice/career-interruption?done=applied")

            let marcBrowser = Browser(client)
            _ = try await marcBrowser.logIn(as: marc, at: "/selfservice/hr?lang=en")
            let hr = try await marcBrowser.get("/selfservice/hr?lang=en")
            let link = String(try #require(hr.text.firstMatch(of: /\/selfservice\/hr\/interruptions\/[0-9a-f-]+/)?.0))
            let page = try await marcBrowser.get(link + "?lang=en")
            let refused = try await marcBrowser.post(link, form: ["_csrf": try #require(page.csrfToken), "decision": "refuse", "reason": ""])
            #expect(refused.status == .unprocessableContent)
            _ = try await marcBrowser.post(link, form: ["_csrf": try #require(page.csrfToken), "decision": "approve"])
            _ = try await app.selfService.delivery.deliverDue()
            let decided = try await marcBrowser.get(link + "?lang=en")
            #expect(decided.text.contains("data-delivery=\"delivered\""))

            let document = try #require(try await EBoxDocument.query(on: app.database.db).filter(\.$type == "career_interruption_decision").all()
                .first { $0.messageID.hasPrefix("career-interruption-") })
            #expect(document.registered)
            #expect(document.language == .fr)
            let mail = try #require(try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == sophie.email)
                .filter(\.$idempotencyKey ~~ "career-decision:").first())
            #expect(mail.textBody.contains("/ebox"))
            let own = try await sophieBrowser.get("/selfservice/career-interruption?lang=en")
            #expect(own.text.contains("data-status=\"approved\" data-delivery=\"delivered\""))
        }
    }

    @Test("the decision's PDF, typeset by Pango, says in the person's language what was decided (pdftotext)")
    func decisionPDFReadsRight() throws {
        let member = StaffMember(nationalNumber: sophie.nrn, organisation: "bosa", givenName: "Sophie", surname: "Dubois", email: sophie.email, language: .fr,
                                 birthDate: "1985-07-30", service: "DG Recrutement et Développement", grade: "A1", entryDate: "2008-01-01", manager: nil,
                                 regime: .fullTime)
        let decision = CareerInterruption(member: member, kind: .parental, regime: .half, first: FederalCalendar.Day(year: 2027, month: 2, day: 1),
                                          last: FederalCalendar.Day(year: 2027, month: 5, day: 31), at: Date())
        decision.status = .approved
        decision.decidedAt = Date()
        let document = try PersonalDocuments().decision(decision, of: member)
        #expect(document.registered && document.type == "career_interruption_decision")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("decision-\(UUID().uuidString).pdf")
        try document.data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = [file.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.contains("Sophie Dubois"))
        #expect(text.contains("approuvée"), "French: \(text.prefix(600))")
        #expect(text.contains("1 février 2027"))
    }
}
