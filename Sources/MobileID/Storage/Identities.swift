import FluentKit
import Foundation
import Messaging
import PasswordHashing
import PersoCore
import SQLKit

/// The mobile identities and their phones.
struct Identities: Sendable {
    let database: PersoDatabase
    let hasher: PasswordHasher
    /// The person is told by text message, from 8836, when their app locks and when a phone is added.
    let outbox: Outbox
    let clock: @Sendable () -> Date

    func identity(phone: PhoneNumber) async throws -> MobileIdentity? {
        try await MobileIdentity.query(on: database.db).filter(\.$phone == phone.e164).first()
    }

    /// For the development page of demo phones.
    func all(limit: Int) async throws -> [MobileIdentity] {
        try await MobileIdentity.query(on: database.db).sort(\.$surname).sort(\.$givenName).limit(limit).all()
    }

    func identity(_ id: UUID) async throws -> MobileIdentity? {
        try await MobileIdentity.find(id, on: database.db)
    }

    /// A person with a phone and a code, as enrolment leaves them (or the demo data); an existing identity of the
    /// same person is replaced, phones included: a new enrolment is a new start.
    @discardableResult
    func enrol(nationalNumber: String, givenName: String, surname: String, language: Language, phone: PhoneNumber,
               code: String) async throws -> MobileIdentity {
        let phc = try await HashingThreads.run { [hasher] in hasher.hash(code) }
        let now = clock()
        return try await database.write { db in
            try await MobileIdentity.query(on: db).group(.or) { $0.filter(\.$nationalNumber == nationalNumber).filter(\.$phone == phone.e164) }
                .delete()
            let identity = MobileIdentity()
            identity.phone = phone.e164
            identity.nationalNumber = nationalNumber
            identity.givenName = givenName
            identity.surname = surname
            identity.language = language.rawValue
            identity.codePHC = phc
            identity.failedCodes = 0
            identity.createdAt = now
            try await identity.create(on: db)
            return identity
        }
    }

    enum CodeCheck: Equatable { case right, wrong(remaining: Int), locked }

    /// Checks the 5-digit code; wrong ones are counted in one statement (two phones guessing at once cannot share a
    /// try) and the app locks at the limit.
    func check(code: String, of identity: MobileIdentity) async throws -> CodeCheck {
        guard identity.lockedAt == nil else { return .locked }
        let id = try identity.requireID()
        let phc = identity.codePHC
        let typed = code.count == 5 && code.allSatisfy({ $0.isASCII && $0.isNumber }) ? code : ""
        let right = try await HashingThreads.run { [hasher] in hasher.verify(typed, against: phc) }
        let now = clock()
        if right {
            try await database.writeStatement { sql in
                try await sql.update(MobileIdentity.schema).set("failed_codes", to: 0).where("id", .equal, id).where("locked_at", .is, SQLLiteral.null).run()
            }
            return .right
        }
        let limit = MobileIdentity.allowedWrongCodes
        let language = Language(rawValue: identity.language) ?? .fallback
        // The number was stored as E.164 by enrolment, so it always reads back.
        let locked = PhoneNumber(identity.phone).map { SMSMessage(to: $0, text: MobileIDTexts.texts(for: language).smsLocked, language: language) }
        let outbox = self.outbox
        let failed = try await database.write { db -> Int? in
            let rows = try await (db as! any SQLDatabase).raw("""
                UPDATE mobileid_identities SET failed_codes = failed_codes + 1,
                    locked_at = CASE WHEN failed_codes + 1 >= \(bind: limit) THEN \(bind: now) ELSE locked_at END
                WHERE id = \(bind: id) AND locked_at IS NULL RETURNING failed_codes
                """).all()
            let failed = try rows.first?.decode(column: "failed_codes", as: Int.self)
            if failed == limit, let locked {
                try await outbox.enqueue(locked, key: "mobileid-locked-\(id)-\(Int(now.timeIntervalSince1970))", on: db)
            }
            return failed
        }
        guard let failed, failed < limit else {
            outbox.deliverSoon()
            return .locked
        }
        return .wrong(remaining: limit - failed)
    }

    /// `announce`: a text tells the person a phone was added (not at enrolment, which the person is doing right then).
    func addDevice(to identity: MobileIdentity, x: String, y: String, label: String, announce: Bool = true) async throws -> Device {
        let device = Device()
        device.identityID = try identity.requireID()
        device.publicX = x
        device.publicY = y
        device.label = String(label.prefix(80))
        device.createdAt = clock()
        let language = Language(rawValue: identity.language) ?? .fallback
        let notice = !announce ? nil : PhoneNumber(identity.phone).map {
            SMSMessage(to: $0, text: MobileIDTexts.texts(for: language).smsNewPhone(device.label), language: language)
        }
        let outbox = self.outbox
        try await database.write { db in
            try await device.create(on: db)
            guard let notice else { return }
            try await outbox.enqueue(notice, key: "mobileid-device-\(try device.requireID())", on: db)
        }
        outbox.deliverSoon()
        return device
    }

    func device(_ id: UUID) async throws -> Device? {
        try await Device.find(id, on: database.db)
    }

    func devices(of identity: MobileIdentity) async throws -> [Device] {
        try await Device.query(on: database.db).filter(\.$identityID == identity.requireID()).sort(\.$createdAt).all()
    }

    /// True when the phone was there to remove.
    func remove(device id: UUID, of identity: MobileIdentity) async throws -> Bool {
        let identityID = try identity.requireID()
        return try await database.write { db in
            let found = Device.query(on: db).filter(\.$id == id).filter(\.$identityID == identityID)
            guard try await found.copy().count() > 0 else { return false }
            try await found.delete()
            return true
        }
    }

    func startBiometrics(_ device: Device, challenge: String) async throws {
        let id = try device.requireID()
        try await database.writeStatement { sql in
            try await sql.update(Device.schema).set("webauthn_challenge", to: challenge).where("id", .equal, id).run()
        }
    }

    /// The challenge is spent with the registration that answered it.
    func finishBiometrics(_ device: Device, credential: String, publicKey: String, signCount: Int) async throws {
        let id = try device.requireID()
        try await database.writeStatement { sql in
            try await sql.update(Device.schema).set("webauthn_credential", to: credential).set("webauthn_public_key", to: publicKey)
                .set("webauthn_sign_count", to: signCount).set("webauthn_challenge", to: SQLLiteral.null).where("id", .equal, id).run()
        }
    }

    func recordBiometricUse(_ device: Device, signCount: Int) async throws {
        let id = try device.requireID(), now = clock()
        try await database.writeStatement { sql in
            try await sql.update(Device.schema).set("webauthn_sign_count", to: signCount).set("last_used_at", to: now).where("id", .equal, id).run()
        }
    }

    func markUsed(_ device: Device) async throws {
        let id = try device.requireID(), now = clock()
        try await database.writeStatement { sql in try await sql.update(Device.schema).set("last_used_at", to: now).where("id", .equal, id).run() }
    }
}
