import FluentKit
import Foundation
import Hummingbird
import PersoCore

extension KeyIdentifier {
    static let eid: KeyIdentifier = "eid"
}

/// The eID card reader (Level500). The main origin opens a hand-off attempt for the login transaction and sends
/// the person to the certificate listener's origin; the proof comes back through a route of the key's own
/// (`GatewayPath.cardReaderReturn`), which redeems it in the session that began and ends the login through
/// `LoginCompletion`, as any key does. Submitting a form to this key proves nothing: it just shows the page again.
struct CardReaderKey: DigitalKey {
    let handoffs: CardReaderHandoffs
    /// The listener's origin, e.g. `https://certifi.example.be` (or the proxy in front of it).
    let listenerURL: String
    let audit: AuditLog
    let personKeys: PersonKeys
    let clock: @Sendable () -> Date

    static let profile = KeyProfile(identifier: .eid, level: .level500, amr: ["eid", "hwk", "pin"], group: .identity, order: 1) { language in
        switch language {
        case .fr: KeyNames(full: "IDENTIFICATION avec un lecteur de cartes eID", short: "Lecteur de carte eID", removeQuestion: "Supprimer cette clé numérique ?")
        case .nl: KeyNames(full: "AANMELDEN met eID-kaartlezer", short: "eID-kaartlezer", removeQuestion: "Deze digitale sleutel verwijderen?")
        case .de: KeyNames(full: "ANMELDEN mit eID-Kartenleser", short: "eID-Kartenleser", removeQuestion: "Diesen digitalen Schlüssel entfernen?")
        case .en: KeyNames(full: "LOG IN with eID card reader", short: "eID card reader", removeQuestion: "Remove this digital key?")
        }
    }

    var profile: KeyProfile { Self.profile }

    func begin(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> Response {
        try await page(transaction, refusal: nil, context: context)
    }

    func submit(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> KeyOutcome {
        .askAgain(try await page(transaction, refusal: nil, context: context))
    }

    /// The insert-card page with a fresh attempt (each attempt answers once).
    func page(_ transaction: LoginTransaction, refusal: CardRefusal?, context: PersoRequestContext) async throws -> Response {
        let attempt = try await handoffs.open(transactionID: transaction.id)
        let identify = "\(listenerURL)\(CardReaderEndpoint.path)?attempt=\(attempt)"
        return CardReaderPages.insertCard(transaction, identifyURL: identify, refusal: refusal, context: context)
    }

    /// The way back from the listener: redeem the result in the session that began, then finish the login exactly
    /// as any other key does, or show why the card was refused.
    func register(on routes: Routes, completion: LoginCompletion) {
        routes.get(GatewayPath.cardReaderReturn) { request, context in
            let query = request.uri.queryParameters
            let attempt = query["attempt"].map(String.init), result = query["result"].map(String.init)
            guard let transaction = LoginTransaction.load(query["tx"].map(String.init), from: context.session, now: clock()) else {
                await audit.record(.eidHandoffInvalid, personID: nil, key: .eid, clientID: nil, success: false, request: request, context: context)
                return CardReaderPages.refusedWithoutLogin(.handoffInvalid, context: context)
            }
            guard let attempt, let result, attempt.count <= 64, result.count <= 64,
                  let handoff = try await handoffs.redeem(attempt: attempt, result: result, transactionID: transaction.id),
                  let outcome = handoff.outcome else {
                await audit.record(.eidHandoffInvalid, personID: nil, key: .eid, clientID: transaction.clientID, success: false, request: request, context: context)
                return try await page(transaction, refusal: .handoffInvalid, context: context)
            }
            guard outcome == CardReaderHandoff.accepted, let personID = handoff.personID else {
                // The listener has audited the refusal already; here the person reads it.
                return try await page(transaction, refusal: CardRefusal(rawValue: outcome) ?? .handoffInvalid, context: context)
            }
            try await linkCard(personID: personID, request: request, context: context)
            return try await completion.succeed(personID: personID, key: profile, transaction: transaction, request: request, context: context)
        }
    }

    /// A person's first eID login links the card reader key to their account (no registration step needed: the
    /// national register number is the link), and shows on "My digital keys".
    private func linkCard(personID: UUID, request: Request, context: PersoRequestContext) async throws {
        guard try await personKeys.recordLogin(.eid, personID: personID) else { return }
        await audit.record(.keyActivated, personID: personID, key: .eid, clientID: nil, success: true, request: request, context: context)
    }
}
