import FluentKit
import Messaging
import Foundation
import PersoCore

/// Reads and changes a person's data: each changed field is written with a history row in one transaction;
/// a new private e-mail waits for its confirmation link before it replaces the old one.
struct PersonalDataStore: Sendable {
    let database: PersoDatabase
    let outbox: Outbox
    let clock: @Sendable () -> Date
    /// How long a confirmation link works.
    static let confirmationLifetime: TimeInterval = 48 * 3600

    func details(of subject: String) async throws -> PersonalDetails? {
        try await PersonalDetails.query(on: database.db).filter(\.$subject == subject).first()
    }

    func history(of subject: String) async throws -> [PersonalDataChange] {
        try await PersonalDataChange.query(on: database.db).filter(\.$subject == subject)
            .sort(\.$changedAt, .descending).limit(200).all()
    }

    /// The newest unconfirmed e-mail address, if one is waiting.
    func pendingEmail(of subject: String) async throws -> String? {
        try await EmailConfirmation.query(on: database.db).filter(\.$subject == subject).filter(\.$expiresAt > clock())
            .sort(\.$expiresAt, .descending).first()?.email
    }

    struct Outcome: Sendable {
        /// Fields whose new value is in force.
        var applied: [PersonalField] = []
        /// Set when a new private e-mail waits for confirmation: the token to put in the link.
        var confirmationToken: String?
    }

    /// The mails a change sends, made by the controller in the person's language.
    struct Mails: Sendable {
        /// To a new private address: from the address and the link's token.
        var confirmation: @Sendable (String, String) -> EmailMessage
        /// A new bank account, to each address: from the address, the time and the new account.
        var paymentChange: @Sendable (String, Date, String) -> EmailMessage
        /// The person's work address (from the gateway), told of payment changes beside the private one.
        var workEmail: String?
    }

    /// Applies a valid form. Unchanged fields are left alone and leave no history. A new private e-mail address
    /// gets its confirmation mail, and a new bank account a notice to every address of the person, written to the
    /// outbox in the same transaction.
    func apply(_ form: PersonalDataForm, subject: String, mails: Mails) async throws -> Outcome {
        let now = clock()
        let outcome: Outcome
        do {
            outcome = try await apply(form, subject: subject, now: now, mails: mails)
        } catch {
            // Two first saves at once (a double click): the other one created the row; this one applies on top of
            // it. Any other failure fails again and is thrown.
            guard try await details(of: subject) != nil else { throw error }
            outcome = try await apply(form, subject: subject, now: now, mails: mails)
        }
        if outcome.confirmationToken != nil || outcome.applied.contains(.iban) { outbox.deliverSoon() }
        return outcome
    }

    private func apply(_ form: PersonalDataForm, subject: String, now: Date, mails: Mails) async throws -> Outcome {
        try await database.write { db in
            let details = try await PersonalDetails.query(on: db).filter(\.$subject == subject).first() ?? PersonalDetails(subject: subject, now: now)
            var outcome = Outcome()
            for field in PersonalField.allCases where field != .privateEmail {
                let new = form[field].isEmpty ? nil : form[field]
                guard new != details[field] else { continue }
                try await PersonalDataChange(subject: subject, field: field, oldValue: details[field], newValue: new, at: now).create(on: db)
                details[field] = new
                outcome.applied.append(field)
            }
            let email = form[.privateEmail]
            if email.isEmpty || email == details.privateEmail {
                // Back to no address or to the current one: a link still waiting for another address is withdrawn.
                try await EmailConfirmation.query(on: db).filter(\.$subject == subject).delete()
                if email.isEmpty, details.privateEmail != nil {
                    // Removing an address needs no proof of ownership.
                    try await PersonalDataChange(subject: subject, field: .privateEmail, oldValue: details.privateEmail, newValue: nil, at: now).create(on: db)
                    details.privateEmail = nil
                    outcome.applied.append(.privateEmail)
                }
            } else {
                let pending = try await EmailConfirmation.query(on: db).filter(\.$subject == subject).filter(\.$expiresAt > now).all()
                if !pending.contains(where: { $0.email == email }) {
                    // One address waits at a time: asking for another withdraws the earlier link.
                    try await EmailConfirmation.query(on: db).filter(\.$subject == subject).delete()
                    let token = SecureRandom.token(bytes: 32)
                    let confirmation = EmailConfirmation(subject: subject, email: email, tokenHash: SecureRandom.digest(token),
                                                         expiresAt: now.addingTimeInterval(Self.confirmationLifetime))
                    try await confirmation.create(on: db)
                    try await outbox.enqueue(mails.confirmation(email, token), key: "selfservice-email-confirmation:\(confirmation.id!.uuidString)", on: db)
                    outcome.confirmationToken = token
                }
            }
            if !outcome.applied.isEmpty {
                details.updatedAt = now
                try await details.save(on: db)
            }
            if outcome.applied.contains(.iban), let iban = details.iban {
                let addresses = Set([mails.workEmail, details.privateEmail].compactMap { $0?.lowercased() }).sorted()
                let change = SecureRandom.token(bytes: 9)
                for address in addresses {
                    try await outbox.enqueue(mails.paymentChange(address, now, iban), key: "selfservice-iban-notice:\(change):\(address)", on: db)
                }
            }
            return outcome
        }
    }

    /// Follows a confirmation link: the address takes effect if the link is the person's own and still valid.
    func confirmEmail(token: String, subject: String) async throws -> String? {
        guard token.count == 43 else { return nil }
        let now = clock()
        return try await database.write { db in
            guard let confirmation = try await EmailConfirmation.query(on: db).filter(\.$tokenHash == SecureRandom.digest(token)).first(),
                  confirmation.subject == subject, confirmation.expiresAt > now else { return nil }
            let details = try await PersonalDetails.query(on: db).filter(\.$subject == subject).first() ?? PersonalDetails(subject: subject, now: now)
            try await PersonalDataChange(subject: subject, field: .privateEmail, oldValue: details.privateEmail, newValue: confirmation.email, at: now).create(on: db)
            details.privateEmail = confirmation.email
            details.updatedAt = now
            try await details.save(on: db)
            try await EmailConfirmation.query(on: db).filter(\.$subject == subject).delete()
            return confirmation.email
        }
    }

    /// Deletes links past their lifetime.
    func purgeExpired() async throws -> Int {
        let now = clock()
        return try await database.write { db in
            let count = try await EmailConfirmation.query(on: db).filter(\.$expiresAt <= now).count()
            try await EmailConfirmation.query(on: db).filter(\.$expiresAt <= now).delete()
            return count
        }
    }
}
