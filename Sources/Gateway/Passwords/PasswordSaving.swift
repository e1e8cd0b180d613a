import FluentKit
import Foundation
import Messaging
import PasswordHashing
import PersoCore

/// Stores a new username and password hash and announces it by e-mail in the same transaction (the outbox's rule),
/// so that someone who set a password in another's name cannot do it silently: "my password" and the activation
/// of what a registration office prepared both save this way.
struct PasswordSaving: Sendable {
    let credentials: PasswordCredentials
    let hasher: PasswordHasher
    let outbox: Outbox
    let clock: @Sendable () -> Date

    static let usernameLength = 3...64

    /// 3 to 64 letters, digits, dots, hyphens or underscores (ASCII: a username is typed on every keyboard).
    static func acceptable(username: String) -> Bool {
        usernameLength.contains(username.count) && username.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) }
    }

    func save(_ password: String, username: String, existing: PasswordCredential?, person: Person) async throws {
        let phc = try await HashingThreads.run { [hasher] in hasher.hash(password) }
        let now = clock()
        let personID = try person.requireID()
        let outbox = self.outbox
        let address = person.email
        let name = "\(person.givenName) \(person.surname)"
        let givenName = person.givenName
        let language = person.preferredLanguage
        try await credentials.set(username: username, phc: phc, for: personID, replacing: existing, at: now) { db in
            guard let address else { return }
            let mail = PasswordChangeMail.texts(for: language)
            let change: PasswordChangeMail.Change = existing == nil ? .created : .changed
            let email = EmailMessage(
                to: MailAddress(name: name, address: address), subject: mail.subject,
                text: mail.text(givenName, change, username: username, at: now),
                html: mail.html(givenName, change, username: username, at: now), language: language
            )
            // One message per change: the key names this change, never an earlier or later one.
            try await outbox.enqueue(email, key: "password-change:\(personID.uuidString):\(UUID().uuidString)", on: db)
        }
        outbox.deliverSoon()
    }
}
