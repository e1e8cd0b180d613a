import Foundation
@testable import MobileID
import PersoCore
@testable import PersoPointServer
import Testing

/// The mobile identity service's storage behaves the same on SQLite and PostgreSQL: identities and their phones,
/// requests answered once, polls admitted by the interval, and what the purge removes.
@Suite("Mobile identity storage behaves the same on every database")
struct MobileIDStorageTests {
    static let phone = "+32471234567"

    @Test("an identity is enrolled again in place, keeps its phones apart, and its requests are answered and collected once",
          arguments: TestDatabases.all)
    func identitiesAndRequests(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock) { app in
            let mobile = app.mobileID
            let nrn = "7\(Int.random(in: 1_000_000_000...9_999_999_999))".prefix(11)
            let phone = "+3247\(Int.random(in: 1_000_000...9_999_999))"
            try await mobile.registerClient(id: "storage-rp", name: "Storage RP", jwks: #"{"keys":[{"kty":"EC","crv":"P-256","kid":"k","x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4","y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM"}]}"#)
            try await mobile.enrol(nationalNumber: String(nrn), givenName: "Ana", surname: "Test", language: .nl, phone: phone, code: "24680")
            let number = try #require(PhoneNumber(phone))
            let identity = try #require(try await mobile.identities.identity(phone: number))
            let first = try await mobile.identities.addDevice(to: identity, x: "x1", y: "y1", label: "Phone one")
            _ = try await mobile.identities.addDevice(to: identity, x: "x2", y: "y2", label: "Phone two")
            #expect(try await mobile.identities.devices(of: identity).map(\.label) == ["Phone one", "Phone two"])
            #expect(try await mobile.identities.remove(device: first.requireID(), of: identity))
            #expect(try await !mobile.identities.remove(device: first.requireID(), of: identity), "gone once")

            let opened = try await mobile.requests.open(.init(
                clientID: "storage-rp", identity: identity, scopes: ["openid", "egovnrn"], acr: "urn:be:fedict:iam:fas:Level450",
                bindingMessage: "42", expiresIn: 60, delivery: .poll, notificationToken: nil))
            #expect(opened.request.choices.count == 3 && opened.request.choices.contains("42"))
            let found = try #require(try await mobile.requests.request(authReqID: opened.authReqID))
            #expect(found.scopes == ["openid", "egovnrn"])
            #expect(try await mobile.requests.pending(for: identity).count == 1)

            #expect(try await mobile.requests.admitPoll(found))
            #expect(try await !mobile.requests.admitPoll(found), "too soon: slow down")
            let slowed = try #require(try await mobile.requests.request(authReqID: opened.authReqID))
            #expect(slowed.interval == 10)

            // Two answers at once (two taps): one counts.
            async let yes = mobile.requests.decide(found, approved: true, amr: ["swk", "pin", "mfa"])
            async let no = mobile.requests.decide(found, approved: false, amr: [])
            let answers = try await [yes, no]
            #expect(answers.filter { $0 }.count == 1)
            let decided = try #require(try await mobile.requests.request(authReqID: opened.authReqID))
            if decided.status == .approved {
                #expect(decided.amr == ["swk", "pin", "mfa"])
                async let a = mobile.requests.collect(decided)
                async let b = mobile.requests.collect(decided)
                #expect(try await [a, b].filter { $0 }.count == 1, "collected once")
            } else {
                #expect(decided.status == .denied)
            }

            // Enrolling again replaces the identity, its phones and its requests.
            try await mobile.enrol(nationalNumber: String(nrn), givenName: "Ana", surname: "Test", language: .nl, phone: phone, code: "13579")
            let again = try #require(try await mobile.identities.identity(phone: number))
            #expect(again.id != identity.id)
            #expect(try await mobile.identities.devices(of: again).isEmpty)
            #expect(try await mobile.requests.request(authReqID: opened.authReqID) == nil)

            let later = try await mobile.requests.open(.init(
                clientID: "storage-rp", identity: again, scopes: ["openid"], acr: "urn:be:fedict:iam:fas:Level450",
                bindingMessage: nil, expiresIn: 60, delivery: .poll, notificationToken: nil))
            #expect(later.request.choices.isEmpty)
            clock.advance(by: 86_401)
            #expect(try await mobile.requests.purge() >= 1)
            #expect(try await mobile.requests.request(authReqID: later.authReqID) == nil)
        }
    }
}
