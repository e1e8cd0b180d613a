import FluentKit
import Foundation
import Messaging
import PersoCore
import SQLKit

/// The enrolments in progress: made on the computer once the contract is signed, taken over by the phone with the
/// identification token, verified by the SMS code and finished with the chosen itsme code and the device key.
struct Enrolments: Sendable {
    let database: PersoDatabase
    let identities: Identities
    let outbox: Outbox
    let clock: @Sendable () -> Date

    /// Who signed, as the gateway's eID login told it, and what they asked on the computer.
    struct Signature: Sendable {
        let nationalNumber: String
        let givenName: String
        let surname: String
        let language: Language
        let phone: PhoneNumber
        let email: String
        let contractVersion: String
        let contractSHA256: String
        let loginSID: String?
    }

    /// Step 4: the signature recorded and the identification token made. An unfinished enrolment of the same person
    /// is replaced, so that only the newest token works.
    func begin(_ signature: Signature) async throws -> (Enrolment, token: String) {
        let token = IdentificationToken.make()
        let now = clock()
        let enrolment = Enrolment()
        enrolment.nationalNumber = signature.nationalNumber
        enrolment.givenName = signature.givenName
        enrolment.surname = signature.surname
        enrolment.language = signature.language.rawValue
        enrolment.phone = signature.phone.e164
        enrolment.email = signature.email
        enrolment.contractVersion = signature.contractVersion
        enrolment.contractSHA256 = signature.contractSHA256
        enrolment.signedAt = now
        enrolment.loginSID = signature.loginSID
        enrolment.tokenHash = SecureRandom.digest(token)
        enrolment.tokenExpiresAt = now.addingTimeInterval(Enrolment.tokenLifetime)
        enrolment.tokenFailures = 0
        enrolment.smsSends = 0
        enrolment.smsFailures = 0
        enrolment.createdAt = now
        try await database.write { db in
            try await Enrolment.query(on: db).filter(\.$nationalNumber == signature.nationalNumber).filter(\.$completedAt == nil).delete()
            try await enrolment.create(on: db)
        }
        return (enrolment, token)
    }

    enum Refusal: Error, Equatable {
        /// No enrolment waits for this number, or the token is wrong: the same answer, so that numbers cannot be probed.
        case wrongToken
        /// Used already, out of time, or too many wrong tokens: start again on the computer.
        case tokenSpent
        case wrongCode(remaining: Int)
        case codeExpired
        case tooManyTries
        case tooManyTexts
        case notVerified
        case unknownEnrolment
    }

    /// Steps 5 and 6: the phone number and the identification token, as typed in the app. The token works once;
    /// the SMS of step 7 is queued in the same transaction. Answers the secret the phone goes on with.
    func present(phone: PhoneNumber, token typed: String) async throws -> Result<(secret: String, enrolment: Enrolment), Refusal> {
        let now = clock()
        let digest = SecureRandom.digest(IdentificationToken.normalised(typed))
        let secret = SecureRandom.token(bytes: 24)
        let code = SecureRandom.digits(5)
        let outbox = self.outbox
        let result = try await database.write { db -> Result<(secret: String, enrolment: Enrolment), Refusal> in
            let open = try await Enrolment.query(on: db).filter(\.$phone == phone.e164).filter(\.$completedAt == nil)
                .sort(\.$createdAt, .descending).first()
            guard let enrolment = open else { return .failure(.wrongToken) }
            guard enrolment.awaitsToken(at: now) else { return .failure(.tokenSpent) }
            guard enrolment.tokenHash == digest else {
                enrolment.tokenFailures += 1
                try await enrolment.update(on: db)
                return .failure(enrolment.tokenFailures >= Enrolment.allowedFailures ? .tokenSpent : .wrongToken)
            }
            enrolment.tokenUsedAt = now
            enrolment.phoneSecretHash = SecureRandom.digest(secret)
            enrolment.smsCodeHash = SecureRandom.digest(code)
            enrolment.smsExpiresAt = now.addingTimeInterval(Enrolment.smsLifetime)
            enrolment.smsSends = 1
            try await enrolment.update(on: db)
            try await outbox.enqueue(Self.verificationSMS(code, to: phone, enrolment: enrolment), key: "mobileid-enrol-\(try enrolment.requireID())-1", on: db)
            return .success((secret, enrolment))
        }
        outbox.deliverSoon()
        return result
    }

    /// Step 7, when the text did not come: a new code (the old one stops working), a few times at most.
    func resend(secret: String) async throws -> Result<Enrolment, Refusal> {
        let now = clock()
        let code = SecureRandom.digits(5)
        let outbox = self.outbox
        let result = try await database.write { db -> Result<Enrolment, Refusal> in
            guard let enrolment = try await taken(secret, on: db) else { return .failure(.unknownEnrolment) }
            guard enrolment.verifiedAt == nil, enrolment.smsFailures < Enrolment.allowedFailures else { return .failure(.tooManyTries) }
            guard enrolment.smsSends < Enrolment.allowedSMS else { return .failure(.tooManyTexts) }
            enrolment.smsSends += 1
            enrolment.smsCodeHash = SecureRandom.digest(code)
            enrolment.smsExpiresAt = now.addingTimeInterval(Enrolment.smsLifetime)
            try await enrolment.update(on: db)
            guard let phone = PhoneNumber(enrolment.phone) else { return .failure(.unknownEnrolment) }
            try await outbox.enqueue(Self.verificationSMS(code, to: phone, enrolment: enrolment),
                                     key: "mobileid-enrol-\(try enrolment.requireID())-\(enrolment.smsSends)", on: db)
            return .success(enrolment)
        }
        outbox.deliverSoon()
        return result
    }

    /// Step 7: the 5 digits received from 8836.
    func verify(secret: String, code typed: String) async throws -> Result<Enrolment, Refusal> {
        let now = clock()
        let typed = typed.trimmingCharacters(in: .whitespaces)
        return try await database.write { db -> Result<Enrolment, Refusal> in
            guard let enrolment = try await taken(secret, on: db) else { return .failure(.unknownEnrolment) }
            if enrolment.verifiedAt != nil { return .success(enrolment) }
            guard enrolment.smsFailures < Enrolment.allowedFailures else { return .failure(.tooManyTries) }
            guard let expires = enrolment.smsExpiresAt, expires > now else { return .failure(.codeExpired) }
            guard typed.count == 5, enrolment.smsCodeHash == SecureRandom.digest(typed) else {
                enrolment.smsFailures += 1
                try await enrolment.update(on: db)
                let remaining = Enrolment.allowedFailures - enrolment.smsFailures
                return .failure(remaining > 0 ? .wrongCode(remaining: remaining) : .tooManyTries)
            }
            enrolment.verifiedAt = now
            enrolment.smsCodeHash = nil
            try await enrolment.update(on: db)
            return .success(enrolment)
        }
    }

    /// Step 8: the chosen itsme code and the phone's device key make the identity (replacing any earlier one of this
    /// person or this number, which also unlocks a locked app). The enrolment is closed first, so a second finish
    /// from another tab finds nothing to finish.
    func finish(secret: String, code: String, x: String, y: String, label: String) async throws -> Result<(MobileIdentity, Device, email: String), Refusal> {
        let now = clock()
        let claimed = try await database.write { db -> Result<Enrolment, Refusal> in
            guard let enrolment = try await taken(secret, on: db) else { return .failure(.unknownEnrolment) }
            guard enrolment.verifiedAt != nil else { return .failure(.notVerified) }
            enrolment.completedAt = now
            enrolment.phoneSecretHash = nil
            try await enrolment.update(on: db)
            return .success(enrolment)
        }
        let enrolment: Enrolment
        switch claimed {
        case .success(let closed): enrolment = closed
        case .failure(let refusal): return .failure(refusal)
        }
        guard let phone = PhoneNumber(enrolment.phone) else { return .failure(.unknownEnrolment) }
        let identity = try await identities.enrol(
            nationalNumber: enrolment.nationalNumber, givenName: enrolment.givenName, surname: enrolment.surname,
            language: Language(rawValue: enrolment.language) ?? .fallback, phone: phone, code: code
        )
        let device = try await identities.addDevice(to: identity, x: x, y: y, label: label, announce: false)
        return .success((identity, device, enrolment.email))
    }

    /// An enrolment the phone has taken over with the token and not yet finished.
    private func taken(_ secret: String, on db: any Database) async throws -> Enrolment? {
        guard secret.count <= 64, !secret.isEmpty else { return nil }
        return try await Enrolment.query(on: db).filter(\.$phoneSecretHash == SecureRandom.digest(secret)).filter(\.$completedAt == nil).first()
    }

    /// The enrolment for the computer's page that shows its token, while it is still waiting for the phone.
    func enrolment(_ id: UUID) async throws -> Enrolment? {
        try await Enrolment.find(id, on: database.db)
    }

    static func verificationSMS(_ code: String, to phone: PhoneNumber, enrolment: Enrolment) -> SMSMessage {
        let language = Language(rawValue: enrolment.language) ?? .fallback
        return SMSMessage(to: phone, text: EnrolmentTexts.texts(for: language).smsCode(code), language: language)
    }

    /// Abandoned enrolments go after a day. Finished ones stay: they are the record of who signed which contract.
    func purge() async throws -> Int {
        let before = clock().addingTimeInterval(-86_400)
        return try await database.write { db in
            let old = Enrolment.query(on: db).filter(\.$createdAt < before).filter(\.$completedAt == nil)
            let count = try await old.copy().count()
            try await old.delete()
            return count
        }
    }
}
