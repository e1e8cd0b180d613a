import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import MobileID
import PersoCore
@testable import PersoPointServer
import Testing

/// The guide's eight steps as the service keeps them: the signature recorded with the contract's version and
/// fingerprint and the gateway login's `sid`, the identification token (once, 30 minutes), the code from 8836 (a few
/// tries, a few texts), then the chosen itsme code and the phone's key, which replace any earlier identity.
@Suite("A person creates an itsme identity in eight steps")
struct MobileIDEnrolmentTests {
    static func signature(nrn: String, phone: String, sid: String = "sid-1") -> Enrolments.Signature {
        Enrolments.Signature(nationalNumber: nrn, givenName: "Sophie", surname: "Dubois", language: .fr, phone: PhoneNumber(phone)!,
                             email: "sophie@example.be", contractVersion: Contract.version, contractSHA256: Contract.sha256(.fr), loginSID: sid)
    }

    static func smsCode(_ app: PersoPointApp, to phone: String) async throws -> String {
        // Newest first; other texts (the app locked) carry no code.
        let texts = try await app.messaging.outbox.recent().filter { $0.channel == "sms" && $0.recipient == phone }
        return try #require(texts.lazy.compactMap { $0.textBody.firstMatch(of: /\d{5}/).map { String($0.0) } }.first)
    }

    static func deviceKey() -> (x: String, y: String) {
        let raw = [UInt8](P256.Signing.PrivateKey().publicKey.rawRepresentation)
        return (SecureRandom.base64URL(raw.prefix(32)), SecureRandom.base64URL(raw.suffix(32)))
    }

    @Test("Sophie's signature is recorded, her token works once, the SMS code admits her phone and her chosen code makes the identity",
          arguments: TestDatabases.all)
    func wholeEnrolment(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock) { app in
            let enrolments = app.mobileID.enrolments
            let phone = "+3247\(Int.random(in: 1_000_000...9_999_999))"
            let nrn = "85073003364"
            let (enrolment, token) = try await enrolments.begin(Self.signature(nrn: nrn, phone: phone))
            #expect(token.count == IdentificationToken.length)
            #expect(token.contains(where: \.isUppercase) && token.contains(where: \.isLowercase) && token.contains(where: { ".-!?".contains($0) }))
            #expect(enrolment.contractVersion == Contract.version && enrolment.contractSHA256.count == 64 && enrolment.loginSID == "sid-1")
            #expect(enrolment.tokenHash != token, "only the digest is stored")

            // Capitals and punctuation matter, as the guide warns.
            let number = try #require(PhoneNumber(phone))
            #expect(try await enrolments.present(phone: number, token: token.lowercased()).failure == .wrongToken)
            guard case .success(let (secret, _)) = try await enrolments.present(phone: number, token: " \(token) ") else {
                Issue.record("the right token, spaces around forgiven, was refused"); return
            }
            #expect(try await enrolments.present(phone: number, token: token).failure == .tokenSpent, "a token works once")

            let code = try await Self.smsCode(app, to: phone)
            let wrong = code == "00000" ? "11111" : "00000"
            #expect(try await enrolments.verify(secret: secret, code: wrong).failure == .wrongCode(remaining: 4))
            #expect(try await enrolments.finish(secret: secret, code: "40917", x: "x", y: "y", label: "phone").failure == .notVerified)
            #expect(try await enrolments.verify(secret: secret, code: code).failure == nil)
            let key = Self.deviceKey()
            guard case .success(let (identity, device, email)) = try await enrolments.finish(secret: secret, code: "40917", x: key.x, y: key.y, label: "Android") else {
                Issue.record("finish refused"); return
            }
            #expect(identity.nationalNumber == nrn && identity.phone == phone && email == "sophie@example.be")
            #expect(device.label == "Android")
            #expect(try await app.mobileID.identities.check(code: "40917", of: identity) == .right)
            #expect(try await enrolments.finish(secret: secret, code: "40917", x: key.x, y: key.y, label: "again").failure == .unknownEnrolment,
                    "a second finish finds nothing to finish")
            let kept = try #require(try await enrolments.enrolment(enrolment.requireID()))
            #expect(kept.completedAt != nil && abs(kept.signedAt.timeIntervalSince(enrolment.signedAt)) < 1, "the signature stays on record")
        }
    }

    @Test("A token typed 31 minutes later, and a token after five wrong ones, are spent: the enrolment starts again on the computer")
    func tokenTooLateOrGuessed() async throws {
        let clock = TestClock()
        try await withProduct(clock: clock) { app in
            let enrolments = app.mobileID.enrolments
            let phone = "+32470111222"
            let number = try #require(PhoneNumber(phone))
            let (_, late) = try await enrolments.begin(Self.signature(nrn: "85073003364", phone: phone))
            clock.advance(by: 31 * 60)
            #expect(try await enrolments.present(phone: number, token: late).failure == .tokenSpent)

            let (_, token) = try await enrolments.begin(Self.signature(nrn: "85073003364", phone: phone))
            for _ in 0..<4 { #expect(try await enrolments.present(phone: number, token: "Wrong.Tok3n").failure == .wrongToken) }
            #expect(try await enrolments.present(phone: number, token: "Wrong.Tok3n").failure == .tokenSpent)
            #expect(try await enrolments.present(phone: number, token: token).failure == .tokenSpent, "five guesses void it")
        }
    }

    @Test("The SMS code: ten minutes, five tries, three texts in all")
    func smsLimits() async throws {
        let clock = TestClock()
        try await withProduct(clock: clock) { app in
            let enrolments = app.mobileID.enrolments
            let phone = "+32470333444"
            let (_, token) = try await enrolments.begin(Self.signature(nrn: "85073003364", phone: phone))
            guard case .success(let (secret, _)) = try await enrolments.present(phone: PhoneNumber(phone)!, token: token) else {
                Issue.record("token refused"); return
            }
            #expect(try await enrolments.resend(secret: secret).failure == nil)
            #expect(try await enrolments.resend(secret: secret).failure == nil)
            #expect(try await enrolments.resend(secret: secret).failure == .tooManyTexts)
            clock.advance(by: 11 * 60)
            #expect(try await enrolments.verify(secret: secret, code: try await Self.smsCode(app, to: phone)).failure == .codeExpired)
            let (_, again) = try await enrolments.begin(Self.signature(nrn: "85073003364", phone: phone))
            guard case .success(let (fresh, _)) = try await enrolments.present(phone: PhoneNumber(phone)!, token: again) else {
                Issue.record("token refused"); return
            }
            let code = try await Self.smsCode(app, to: phone)
            let wrong = code == "00000" ? "11111" : "00000"
            for remaining in (1...4).reversed() { #expect(try await enrolments.verify(secret: fresh, code: wrong).failure == .wrongCode(remaining: remaining)) }
            #expect(try await enrolments.verify(secret: fresh, code: wrong).failure == .tooManyTries)
            #expect(try await enrolments.verify(secret: fresh, code: code).failure == .tooManyTries, "the right code comes too late")
        }
    }

    @Test("A locked app is unlocked by enrolling again: the old phone is gone, the new code works")
    func reEnrolmentUnlocks() async throws {
        try await withProduct { app in
            let phone = "+32470555666"
            try await app.mobileID.enrol(nationalNumber: "85073003364", givenName: "Sophie", surname: "Dubois", language: .fr, phone: phone, code: "24680")
            let locked = try #require(try await app.mobileID.identities.identity(phone: PhoneNumber(phone)!))
            _ = try await app.mobileID.identities.addDevice(to: locked, x: "x", y: "y", label: "old phone", announce: false)
            for _ in 0..<MobileIdentity.allowedWrongCodes { _ = try await app.mobileID.identities.check(code: "13579", of: locked) }
            #expect(try await app.mobileID.identities.identity(phone: PhoneNumber(phone)!)?.lockedAt != nil)

            let enrolments = app.mobileID.enrolments
            let (_, token) = try await enrolments.begin(Self.signature(nrn: "85073003364", phone: phone))
            guard case .success(let (secret, _)) = try await enrolments.present(phone: PhoneNumber(phone)!, token: token) else {
                Issue.record("token refused"); return
            }
            #expect(try await enrolments.verify(secret: secret, code: try await Self.smsCode(app, to: phone)).failure == nil)
            let key = Self.deviceKey()
            guard case .success(let (identity, _, _)) = try await enrolments.finish(secret: secret, code: "86420", x: key.x, y: key.y, label: "new") else {
                Issue.record("finish refused"); return
            }
            #expect(identity.lockedAt == nil)
            #expect(try await app.mobileID.identities.devices(of: identity).map(\.label) == ["new"])
            #expect(try await app.mobileID.identities.check(code: "86420", of: identity) == .right)
        }
    }

    @Test("The phone's calls answer stable codes: a weak itsme code, a malformed key, an unknown enrolment")
    func phoneCallsRefuseBadInput() async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                func post(_ path: String, _ object: [String: Any]) async throws -> (HTTPResponse.Status, [String: Any]) {
                    let response = try await client.execute(uri: path, method: .post, headers: [.contentType: "application/json"],
                                                            body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: object)))
                    return (response.status, MobileIDTests.json(response))
                }
                let key = Self.deviceKey()
                #expect(try await post("/mobileid/app/enrol/finish", ["enrolment": "nope", "code": "12345", "x": key.x, "y": key.y, "label": "p"]).1["error"] as? String == "weak_code")
                #expect(try await post("/mobileid/app/enrol/finish", ["enrolment": "nope", "code": "40917", "x": "short", "y": key.y, "label": "p"]).1["error"] as? String == "malformed")
                #expect(try await post("/mobileid/app/enrol/finish", ["enrolment": "nope", "code": "40917", "x": key.x, "y": key.y, "label": "p"]).0 == .notFound)
                #expect(try await post("/mobileid/app/enrol/start", ["phone": "hello", "token": "x"]).1["error"] as? String == "bad_phone")
                let unknown = try await post("/mobileid/app/enrol/start", ["phone": "+32470999888", "token": "Abc.2defgh"])
                #expect(unknown.0 == .forbidden && unknown.1["error"] as? String == "wrong_token", "no enrolment for the number says the same as a wrong token")
                let garbage = try await client.execute(uri: "/mobileid/app/enrol/verify", method: .post, headers: [.contentType: "application/json"],
                                                       body: ByteBuffer(string: "{not json"))
                #expect(garbage.status == .badRequest)
            }
        }
    }

    @Test("Codes people would guess first are refused")
    func weakCodes() {
        for weak in ["11111", "12345", "54321", "00000", "98765"] { #expect(!ItsmeCode.isAcceptable(weak), "\(weak)") }
        for fine in ["40917", "86420", "13579", "24680"] { #expect(ItsmeCode.isAcceptable(fine), "\(fine)") }
        #expect(!ItsmeCode.isWellFormed("1234") && !ItsmeCode.isWellFormed("12a45") && !ItsmeCode.isWellFormed("١٢٣٤٥"))
    }
}

extension Result {
    /// The refusal, or nil when it succeeded.
    var failure: Failure? {
        if case .failure(let refusal) = self { return refusal }
        return nil
    }
}
