import FluentKit
import Foundation
import PersoCore
import SQLKit

/// Applications for a career interruption and HR's decisions; the decision's document is then delivered by
/// `DocumentDelivery`.
struct CareerInterruptions: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    enum Problem: Error, Sendable, Equatable {
        case days
        /// It starts on the first of a month, from next month on.
        case start
        /// From one month to 60 months.
        case length
    }

    /// Checks the period: from the first of a coming month, whole months, at most 60.
    func check(from: String, to: String) -> Result<(FederalCalendar.Day, FederalCalendar.Day), Problem> {
        guard let first = FederalCalendar.Day(iso: from), let last = FederalCalendar.Day(iso: to), first < last else { return .failure(.days) }
        let today = FederalCalendar.Day(clock())
        guard first.day == 1, first > today else { return .failure(.start) }
        let months = (last.year - first.year) * 12 + (last.month - first.month)
        guard last.adding(days: 1).day == 1, (0..<60).contains(months) else { return .failure(.length) }
        return .success((first, last))
    }

    func apply(_ member: StaffMember, kind: CareerInterruption.Kind, regime: CareerInterruption.Regime,
               first: FederalCalendar.Day, last: FederalCalendar.Day) async throws -> CareerInterruption {
        let application = CareerInterruption(member: member, kind: kind, regime: regime, first: first, last: last, at: clock())
        try await database.write { db in try await application.create(on: db) }
        return application
    }

    func applications(of nationalNumber: String) async throws -> [CareerInterruption] {
        try await CareerInterruption.query(on: database.db).filter(\.$nationalNumber == nationalNumber).sort(\.$createdAt, .descending).all()
    }

    func application(_ id: UUID) async throws -> CareerInterruption? { try await CareerInterruption.find(id, on: database.db) }

    /// Waiting for a decision, in the organisations given.
    func waiting(in organisations: [String]) async throws -> [CareerInterruption] {
        guard !organisations.isEmpty else { return [] }
        return try await CareerInterruption.query(on: database.db).filter(\.$organisation ~~ organisations).filter(\.$status == .requested)
            .sort(\.$createdAt).all()
    }

    /// Records the decision once (of two officers deciding at once, one wins) and queues its document for the eBox.
    func decide(_ id: UUID, approve: Bool, reason: String?, by officer: (nationalNumber: String, name: String)) async throws -> Bool {
        let now = clock()
        return try await database.write { db in
            var update = (db as! any SQLDatabase).update(CareerInterruption.schema)
                .set("status", to: (approve ? CareerInterruption.Status.approved : .refused).rawValue)
                .set("decided_by", to: officer.nationalNumber).set("decided_by_name", to: officer.name).set("decided_at", to: now)
                .set("delivery", to: DocumentDelivery.State.pending.rawValue)
            if let reason { update = update.set("reason", to: reason) }
            return try await !update.where("id", .equal, id).where("status", .equal, CareerInterruption.Status.requested.rawValue)
                .returning("id").all().isEmpty
        }
    }
}
