import FluentKit
import Foundation
import Hummingbird
import PersoCore

/// The eID card reader (Level500). The main origin opens a hand-off attempt for the login transaction and sends
/// the person to the certificate listener's origin; the proof comes back through `/fas/login/eid/return`, which
/// `CardReaderLogin` handles. Submitting a form to this key proves nothing: it just shows the page again.
struct CardReaderKey: DigitalKey {
    let kind = DigitalKeyKind.eid
    let handoffs: CardReaderHandoffs
    /// The listener's origin, e.g. `https://certifi.example.be` (or the proxy in front of it).
    let listenerURL: String

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
}

/// The way back from the listener: redeem the result in the session that began, then finish the login exactly as
/// any other key does, or show why the card was refused.
struct CardReaderLogin: Sendable {
    let key: CardReaderKey
    let login: LoginController
    let handoffs: CardReaderHandoffs
    let audit: AuditLog
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    static let returnPath = "/fas/eid/return"

    func register(on routes: Routes) {
        routes.get(Self.returnPath) { request, context in
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
                return try await key.page(transaction, refusal: .handoffInvalid, context: context)
            }
            guard outcome == CardReaderHandoff.accepted, let personID = handoff.personID else {
                // The listener has audited the refusal already; here the person reads it.
                return try await key.page(transaction, refusal: CardRefusal(rawValue: outcome) ?? .handoffInvalid, context: context)
            }
            try await linkCard(personID: personID, request: request, context: context)
            return try await login.succeed(personID: personID, level: key.kind.level, amr: key.kind.amr, key: key.kind,
                                           transaction: transaction, request: request, context: context)
        }
    }

    /// A person's first eID login links the card reader key to their account (no registration step needed: the
    /// national register number is the link), and shows on "My digital keys".
    private func linkCard(personID: UUID, request: Request, context: PersoRequestContext) async throws {
        let existing = try await PersonKey.query(on: database.db).filter(\.$person.$id == personID).filter(\.$kind == DigitalKeyKind.eid.rawValue).first()
        if let existing {
            existing.lastUsedAt = clock()
            try await existing.save(on: database.db)
            return
        }
        let key = PersonKey(personID: personID, kind: .eid, status: .active, createdAt: clock())
        key.lastUsedAt = clock()
        try await key.create(on: database.db)
        await audit.record(.keyActivated, personID: personID, key: .eid, clientID: nil, success: true, request: request, context: context)
    }
}
