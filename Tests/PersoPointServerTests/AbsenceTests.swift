import FluentKit
import Foundation
@testable import Gateway
import HTTPTypes
import HummingbirdTesting
@testable import Messaging
@testable import PersoCore
@testable import PersoPointServer
@testable import SelfService
import Testing

/// Absences in process, as the people of BOSA live them: Sophie asks, Pieter (her manager) decides by the e-mail's
/// link, Emma decides as his substitute while he is away, and Sophie's sick leave shows as "absent" only.
@Suite("Leave and absences with the manager's approval")
struct AbsenceTests {
    let sophie = DemoData.credentials[0]
    let pieter = DemoData.credentials[1]
    let marc = DemoData.credentials[3]
    let emma = DemoData.credentials[4]

    /// Monday 7 December 2026, 09:00 in Brussels.
    static let monday = Date(timeIntervalSince1970: 1_796_630_400)

    func balance(_ page: TestResponse, _ type: String, _ column: String) -> Int? {
        let row = page.text.firstMatch(of: try! Regex("data-type=\"\(type)\".*?</tr>").dotMatchesNewlines())
        let cell = row.flatMap { String($0.0).firstMatch(of: try! Regex("class=\"\(column)\"[^>]*data-minutes=\"(-?[0-9]+)\"")) }
        return cell.flatMap { Int(String($0.output[1].substring ?? "")) }
    }

    func lastMail(_ app: PersoPointApp, to address: String) async throws -> OutboxMessage {
        try #require(try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == address).sort(\.$createdAt, .descending).first())
    }

    func request(_ browser: Browser, _ fields: [String: String]) async throws -> TestResponse {
        let page = try await browser.get("/selfservice/absences?lang=en")
        var form = fields
        form["_csrf"] = try #require(page.csrfToken)
        return try await browser.post("/selfservice/absences", form: form)
    }

    @Test("Sophie asks a half day and an afternoon in hours; holidays and weekends are refused with the reason; Pieter approves by the mail's link, and a refusal needs its reason")
    func askAndApprove() async throws {
        #expect(FederalCalendar.Day(Self.monday).weekday == 2, "the story starts on a Monday")
        let clock = TestClock(Self.monday)
        try await withSelfService(clock: clock) { app, client in
            let browser = Browser(client)
            _ = try await browser.logIn(as: sophie)
            let first = try await browser.get("/selfservice/absences?lang=en")
            #expect(first.status == .ok)
            #expect(balance(first, "annual", "entitled") == 26 * 456, "26 days at 41; last year's 3 days lapsed on 30 April")
            #expect(first.text.contains("22:48 carried over from last year was not taken in time and has lapsed"))
            #expect(balance(first, "annual", "left") == 26 * 456)

            let morning = try await request(browser, ["type": "annual", "from": "2026-12-08", "part": "morning"])
            #expect(morning.headers[.location] == "/selfservice/absences?done=requested")
            let hours = try await request(browser, ["type": "compensatory", "from": "2026-12-09", "part": "hours", "start": "13:00", "end": "16:30"])
            #expect(hours.status == .seeOther)
            let christmas = try await request(browser, ["type": "annual", "from": "2026-12-24", "to": "2026-12-25"])
            #expect(christmas.status == .unprocessableContent)
            #expect(christmas.text.contains("is a public holiday (Christmas)"))
            #expect(christmas.text.contains("value=\"2026-12-24\""), "what she typed is kept")
            let saturday = try await request(browser, ["type": "annual", "from": "2026-12-12"])
            #expect(saturday.text.contains("is a weekend day"))
            let tooMuch = try await request(browser, ["type": "compensatory", "from": "2026-12-14", "to": "2026-12-18"])
            #expect(tooMuch.status == .unprocessableContent)
            #expect(tooMuch.text.contains("Not enough left for this request: 11:42 is left"), "15:12 earned, 3:30 planned")

            let page = try await browser.get("/selfservice/absences?lang=en")
            #expect(balance(page, "annual", "planned") == 228, "half of 7:36")
            #expect(balance(page, "compensatory", "planned") == 210)
            #expect(balance(page, "compensatory", "left") == 912 - 210)

            let mail = try await lastMail(app, to: pieter.email)
            #expect(mail.subject.contains("Sophie Dubois"))
            let link = String(try #require(mail.textBody.firstMatch(of: /\/selfservice\/team\/requests\/[0-9a-f-]+/)?.0))

            let pieterBrowser = Browser(client)
            _ = try await pieterBrowser.logIn(as: pieter, at: link + "?lang=en")
            let decision = try await pieterBrowser.get(link + "?lang=en")
            #expect(decision.status == .ok)
            #expect(decision.text.contains("id=\"approve\""))
            let noReason = try await pieterBrowser.post(link, form: ["_csrf": try #require(decision.csrfToken), "decision": "refuse", "reason": " "])
            #expect(noReason.status == .unprocessableContent)
            let approved = try await pieterBrowser.post(link, form: ["_csrf": try #require(decision.csrfToken), "decision": "approve"])
            #expect(approved.headers[.location] == "/selfservice/team?done=decided")
            let twice = try await pieterBrowser.post(link, form: ["_csrf": try #require(decision.csrfToken), "decision": "refuse", "reason": "No"])
            #expect(twice.status == .conflict, "decided once")
            let told = try await lastMail(app, to: sophie.email)
            #expect(told.subject.contains("approuvé") || told.subject.contains("approuvée"), "in Sophie's language: \(told.subject)")

            let team = try await pieterBrowser.get("/selfservice/team?lang=en")
            #expect(team.text.contains("data-person=\"\(sophie.nrn)\""))
            #expect(team.text.contains("data-day=\"2026-12-08\" title=\"Absent part of the day\"") || team.text.contains("away-half"))

            let marcBrowser = Browser(client)
            _ = try await marcBrowser.logIn(as: marc)
            #expect(try await marcBrowser.get(link).status == .forbidden, "not his team")
        }
    }

    @Test("Pieter names Emma his substitute while he is away: she approves Sophie's next request, and the history says so; Sophie cancels approved leave with his agreement")
    func substituteAndCancellation() async throws {
        let clock = TestClock(Self.monday)
        try await withSelfService(clock: clock) { app, client in
            let pieterBrowser = Browser(client)
            _ = try await pieterBrowser.logIn(as: pieter, at: "/selfservice/team?lang=en")
            let team = try await pieterBrowser.get("/selfservice/team?lang=en")
            #expect(team.text.contains("<option value=\"\(emma.nrn)\">Emma Peeters</option>"))
            let named = try await pieterBrowser.post("/selfservice/team/substitutes", form: [
                "_csrf": try #require(team.csrfToken), "from": "2026-12-07", "to": "2026-12-11", "substitute": emma.nrn,
            ])
            #expect(named.headers[.location] == "/selfservice/team?done=substitute-saved")
            let refused = try await pieterBrowser.post("/selfservice/team/substitutes", form: [
                "_csrf": try #require(team.csrfToken), "from": "2026-12-07", "to": "2026-12-01", "substitute": emma.nrn,
            ])
            #expect(refused.status == .unprocessableContent)

            let sophieBrowser = Browser(client)
            _ = try await sophieBrowser.logIn(as: sophie)
            _ = try await request(sophieBrowser, ["type": "annual", "from": "2026-12-10", "to": "2026-12-11"])
            let mail = try await lastMail(app, to: emma.email)
            let link = String(try #require(mail.textBody.firstMatch(of: /\/selfservice\/team\/requests\/[0-9a-f-]+/)?.0))
            let emmaBrowser = Browser(client)
            _ = try await emmaBrowser.logIn(as: emma, at: link)
            let decision = try await emmaBrowser.get(link + "?lang=en")
            let done = try await emmaBrowser.post(link, form: ["_csrf": try #require(decision.csrfToken), "decision": "approve"])
            #expect(done.status == .seeOther)
            let id = String(link.split(separator: "/").last!)
            let own = try await sophieBrowser.get("/selfservice/absences/\(id)?lang=en")
            #expect(own.text.contains("Approved by Emma Peeters, substitute of Pieter Janssens"))

            // Sophie asks to cancel the approved days; they count until Pieter agrees.
            let list = try await sophieBrowser.get("/selfservice/absences?lang=en")
            #expect(list.text.contains("/selfservice/absences/\(id)/cancellation"), "approved leave still to come can be cancelled")
            let before = balance(list, "annual", "planned")
            let asked = try await sophieBrowser.post("/selfservice/absences/\(id)/cancellation", form: ["_csrf": try #require(list.csrfToken)])
            #expect(asked.headers[.location] == "/selfservice/absences?done=cancellation")
            let cancellationMail = try await lastMail(app, to: pieter.email)
            #expect(cancellationMail.subject.contains("Sophie Dubois"))
            let page = try await pieterBrowser.get("/selfservice/team/requests/\(id)?lang=en")
            #expect(page.text.contains("id=\"agree-cancellation\""))
            _ = try await pieterBrowser.post("/selfservice/team/requests/\(id)", form: ["_csrf": try #require(page.csrfToken), "decision": "approve"])
            let after = try await sophieBrowser.get("/selfservice/absences?lang=en")
            #expect(before.map { $0 - 2 * 456 } == balance(after, "annual", "planned"))
            #expect(after.text.contains("data-absence=\"\(id)\" data-status=\"cancelled\""))
            // A week later Emma no longer stands in.
            clock.advance(by: 7 * 86_400)
            _ = try await sophieBrowser.logIn(as: sophie)
            _ = try await emmaBrowser.logIn(as: emma)
            _ = try await request(sophieBrowser, ["type": "annual", "from": "2026-12-21"])
            let later = try await lastMail(app, to: pieter.email)
            let laterLink = String(try #require(later.textBody.firstMatch(of: /\/selfservice\/team\/requests\/[0-9a-f-]+/)?.0))
            #expect(try await emmaBrowser.get(laterLink).status == .forbidden)

        }
    }

    @Test("sick leave with a certificate: no approval; the manager's team view and mail say 'absent' and never the reason or the file")
    func sickLeaveStaysPrivate() async throws {
        let clock = TestClock(Self.monday)
        try await withSelfService(clock: clock) { app, client in
            let sophieBrowser = Browser(client)
            _ = try await sophieBrowser.logIn(as: sophie)
            let form = try await sophieBrowser.get("/selfservice/absences/sick?lang=en")
            let csrf = try #require(form.csrfToken)
            let pdf = Data("%PDF-1.4\n% medical certificate of Dr Peeters\n".utf8)
            let missing = try await sophieBrowser.post("/selfservice/absences/sick", multipart: [
                .field("_csrf", csrf), .field("from", "2026-12-07"), .field("to", "2026-12-09"),
            ])
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("Add your medical certificate"))
            let sent = try await sophieBrowser.post("/selfservice/absences/sick", multipart: [
                .field("_csrf", csrf), .field("from", "2026-12-07"), .field("to", "2026-12-09"),
                .file("certificate", "griep-certificaat.pdf", "application/pdf", pdf),
            ])
            #expect(sent.headers[.location] == "/selfservice/absences?done=sick")
            let list = try await sophieBrowser.get("/selfservice/absences?lang=en")
            let id = String(try #require(list.text.firstMatch(of: /data-absence="([0-9a-f-]+)" data-status="recorded"/)?.1))
            let own = try await sophieBrowser.get("/selfservice/absences/\(id)")
            #expect(own.text.contains("griep-certificaat.pdf"), "she sees her own certificate")
            let file = try await sophieBrowser.get("/selfservice/absences/\(id)/certificate")
            #expect(file.status == .ok && file.headers[.contentType] == "application/pdf")

            let pieterBrowser = Browser(client)
            _ = try await pieterBrowser.logIn(as: pieter, at: "/selfservice/team?lang=en")
            let team = try await pieterBrowser.get("/selfservice/team?lang=en")
            #expect(team.text.contains("data-day=\"2026-12-08\" title=\"Absent\""))
            for secret in ["Sick", "sick", "griep", "certificate", "maladie", "ziekte"] {
                #expect(!team.text.contains(secret), "the team view never says why: \(secret)")
            }
            #expect(try await pieterBrowser.get("/selfservice/absences/\(id)/certificate").status == .notFound)
            #expect(try await pieterBrowser.get("/selfservice/team/requests/\(id)").status == .notFound)
            let mail = try await lastMail(app, to: pieter.email)
            #expect(mail.subject.contains("Sophie Dubois"))
            for secret in ["ziek", "griep", "attest", "Sick"] { #expect(!mail.textBody.contains(secret), "the mail never says why: \(secret)") }
        }
    }
}
