import Foundation
import PersoCore

/// Where the delivery worker hands an e-mail over.
protocol MailTransport: Sendable {
    /// Recorded on each delivered message: "smtp", or "dev" for the development mailbox.
    var name: String { get }
    func deliver(_ message: MIMEMessage) async throws
}

/// A real mail server.
struct SMTPTransport: MailTransport {
    let client: SMTPClient
    var name: String { "smtp" }

    func deliver(_ message: MIMEMessage) async throws {
        try await client.send(message)
    }
}

/// Development mode without a mail server: the outbox row itself is the delivered mail, shown at `/dev/outbox`,
/// so a person trying the product reads the security code there.
struct DevelopmentMailbox: MailTransport {
    var name: String { "dev" }

    func deliver(_ message: MIMEMessage) async throws {}
}
