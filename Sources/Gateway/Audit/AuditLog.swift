import FluentKit
import Foundation
import Hummingbird
import Logging
import PersoCore

/// Records every authentication event; a person reads their own on the "my activity" page.
public struct AuditLog: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date
    /// How far back a person sees (and how long events are kept by the purge).
    static let retention: TimeInterval = 183 * 24 * 3600

    func record(_ kind: AuditKind, personID: UUID?, key: KeyIdentifier?, clientID: String?, success: Bool,
                request: Request, context: PersoRequestContext) async {
        await record(kind, personID: personID, key: key, clientID: clientID, success: success,
                     ip: context.clientAddress, userAgent: request.headers[.userAgent], logger: context.logger)
    }

    /// For requests that are not the main origin's (the eID listener's).
    func record(_ kind: AuditKind, personID: UUID?, key: KeyIdentifier?, clientID: String?, success: Bool,
                ip: String?, userAgent: String?, performedBy: PerformedBy? = nil, logger: Logger? = nil) async {
        let at = clock()
        do {
            // Made inside the transaction: one run again after a conflict needs an event not yet created.
            try await database.write { db in
                try await AuditEvent(personID: personID, kind: kind, key: key, clientID: clientID, success: success, ip: ip,
                                     userAgent: userAgent, at: at, performedBy: performedBy).create(on: db)
            }
        } catch {
            // Losing an audit line must not lose the login, but it must be seen.
            (logger ?? Logger(label: "persopoint.audit")).error("audit event not recorded", metadata: ["kind": "\(kind.rawValue)", "error": "\(error)"])
        }
    }

    /// One page of the person's events, newest first, and how many there are in all.
    func events(of personID: UUID, page: Int, perPage: Int) async throws -> (events: [AuditEvent], total: Int) {
        let query = AuditEvent.query(on: database.db)
            .filter(\.$personID == personID)
            .filter(\.$at >= clock().addingTimeInterval(-Self.retention))
        let total = try await query.copy().count()
        let events = try await query.sort(\.$at, .descending).range(lower: page * perPage, upper: (page + 1) * perPage).all()
        return (events, total)
    }
}
