import FluentKit
import Foundation
import Hummingbird
import PasswordHashing
import PersoCore

/// The username + password step, alone (the password key) or before a security code. The answer and its
/// timing are the same for an unknown username and a wrong password; hashes made with older parameters are
/// replaced at login.
struct PasswordCheck: Sendable {
    let credentials: PasswordCredentials
    let hasher: PasswordHasher
    let audit: AuditLog
    let guardian: BruteForceGuard
    let devices: TrustedDevices
    let secureCookies: Bool
    let clock: @Sendable () -> Date

    enum Outcome: Sendable {
        /// The person, and the username as they typed it (to put back in the next form).
        case proven(personID: UUID, username: String)
        /// The refusal to show, and the username to put back in the form.
        case refused(String, username: String)
    }

    func check(key: KeyIdentifier, transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> Outcome {
        let username = String((context.form?["username"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let password = String((context.form?["password"] ?? "").prefix(1024))
        let texts = GatewayTexts.texts(for: context.language)
        // A browser trusted for this username has its own count, and no address limit: what strangers do elsewhere
        // never keeps the owner out of it.
        let device = try await devices.recognise(request, username: username, secure: secureCookies)
        let subject = device?.subject ?? BruteForceGuard.passwordSubject(username: username)
        let ip = device == nil ? context.clientAddress : nil
        if let refusal = try await guardian.verdict(subject: subject, ip: ip).refusal(texts) {
            await audit.record(.loginThrottled, personID: nil, key: key, clientID: transaction.clientID, success: false, request: request, context: context)
            return .refused(refusal, username: username)
        }
        let credential = username.isEmpty ? nil : try await credentials.credential(username: username)
        // Argon2 takes tens of milliseconds of CPU: off the event loop, on threads of its own.
        let phc = credential?.phc ?? PasswordHasher.decoy
        let matches = try await HashingThreads.run { hasher.verify(password, against: phc) }
        guard let credential, matches else {
            let failures = try await guardian.recordFailure(subject: subject, ip: ip, allowance: device == nil ? .secret : .likelyOwner)
            if let device, failures >= TrustedDevices.withdrawAfter { try await devices.withdraw(device) }
            await audit.record(.loginFailed, personID: credential?.$person.id, key: key, clientID: transaction.clientID,
                               success: false, request: request, context: context)
            return .refused(texts.wrongCredentials, username: username)
        }
        try await guardian.recordSuccess(subject: subject)
        if hasher.needsRehash(credential.phc) {
            credential.phc = try await HashingThreads.run { hasher.hash(password) }
            credential.updatedAt = clock()
            try await credentials.update(credential)
        }
        return .proven(personID: credential.$person.id, username: username)
    }
}
