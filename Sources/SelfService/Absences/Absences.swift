import FluentKit
import Foundation
import Messaging
import PersoCore
import SQLKit

/// Absences and their approval: each step is one write transaction with its history line and the e-mails it sends,
/// so that a request is never approved without the person being told, nor told without being approved.
struct Absences: Sendable {
    let database: PersoDatabase
    let outbox: Outbox
    let register: StaffRegister
    /// Where links in e-mails lead: `{public URL}` without a trailing slash.
    let base: String
    let clock: @Sendable () -> Date

    var today: FederalCalendar.Day { FederalCalendar.Day(clock()) }

    enum Problem: Error, Sendable, Equatable {
        case span(AbsenceSpan.Problem)
        /// Leave is asked beforehand; only sick leave is registered afterwards.
        case inThePast
        /// One request per year: balances are yearly.
        case acrossYears
        /// More than what is left; the minutes that were left.
        case overBalance(Int)
        /// The person is already absent (or has asked to be) on that day.
        case overlaps(FederalCalendar.Day)
    }

    // MARK: Reading

    func absences(of nationalNumber: String) async throws -> [Absence] {
        try await Absence.query(on: database.db).filter(\.$nationalNumber == nationalNumber).sort(\.$firstDay, .descending).all()
    }

    func absence(_ id: UUID) async throws -> Absence? { try await Absence.find(id, on: database.db) }

    func history(of id: UUID) async throws -> [AbsenceEvent] {
        try await AbsenceEvent.query(on: database.db).filter(\.$absenceID == id).sort(\.$at).all()
    }

    func balances(of member: StaffMember, year: Int) async throws -> [LeaveBalance] {
        LeaveBalance.all(for: member, absences: try await absences(of: member.nationalNumber), year: year, today: today)
    }

    /// The certificate of a sick leave, for its owner only.
    func certificate(of absence: Absence) async throws -> SickCertificate? {
        try await SickCertificate.query(on: database.db).filter(\.$absenceID == absence.requireID()).first()
    }

    /// The absences of `people` that touch `first`…`last` and count (asked, approved, recorded).
    func absences(of people: [String], from first: FederalCalendar.Day, to last: FederalCalendar.Day) async throws -> [Absence] {
        guard !people.isEmpty else { return [] }
        return try await Absence.query(on: database.db).filter(\.$nationalNumber ~~ people)
            .filter(\.$firstDay <= last.description).filter(\.$lastDay >= first.description)
            .filter(\.$status ~~ Absence.Status.allCases.filter(\.counts)).all()
    }

    /// The requests waiting for `approver`: their team's, and the teams of managers they stand in for today.
    func waiting(for approver: StaffMember) async throws -> [(Absence, StaffMember)] {
        var people = try await register.team(of: approver.nationalNumber)
        for substitution in try await register.substituted(by: approver.nationalNumber, on: today) {
            people += try await register.team(of: substitution.manager).filter { $0.nationalNumber != approver.nationalNumber }
        }
        let byNumber = Dictionary(people.map { ($0.nationalNumber, $0) }, uniquingKeysWith: { first, _ in first })
        guard !byNumber.isEmpty else { return [] }
        let waiting = try await Absence.query(on: database.db).filter(\.$nationalNumber ~~ Array(byNumber.keys))
            .filter(\.$status ~~ [.requested, .cancellationRequested]).sort(\.$firstDay).all()
        return waiting.compactMap { absence in byNumber[absence.nationalNumber].map { (absence, $0) } }
    }

    /// In which capacity `actor` may decide on `member`'s absences today, if at all.
    func capacity(of actor: StaffMember, over member: StaffMember) async throws -> (AbsenceEvent.Capacity, onBehalfOf: StaffMember?)? {
        guard let manager = member.manager, actor.nationalNumber != member.nationalNumber else { return nil }
        if manager == actor.nationalNumber { return (.manager, nil) }
        guard let substitution = try await register.substitute(for: manager, on: today), substitution.substitute == actor.nationalNumber else { return nil }
        return (.substitute, try await register.member(manager))
    }

    // MARK: The person's steps

    /// Asks for leave. Checked against what is left inside the write, with the person's row locked on PostgreSQL, so
    /// two requests sent at once cannot both spend the last days. Without a manager in the register it is approved.
    func request(_ type: LeaveType, span: AbsenceSpan, by member: StaffMember) async throws -> Result<Absence, Problem> {
        guard span.firstDay >= today else { return .failure(.inThePast) }
        guard span.firstDay.year == span.lastDay.year else { return .failure(.acrossYears) }
        let now = clock()
        // Read before the write: inside it, every statement must use the transaction's connection.
        let approvers = try await register.approvers(of: member, on: FederalCalendar.Day(now))
        let outcome: Result<Absence, Problem> = try await database.write { db in
            try await StaffRegister.lock(member, on: db)
            let existing = try await Absence.query(on: db).filter(\.$nationalNumber == member.nationalNumber)
                .filter(\.$status ~~ Absence.Status.allCases.filter(\.counts)).all()
            if let clash = overlap(span, existing, regime: member.regime) { return .failure(.overlaps(clash)) }
            if let left = LeaveBalance.shortfall(type, span: span, member: member, absences: existing) { return .failure(.overBalance(left)) }
            let absence = Absence(nationalNumber: member.nationalNumber, type: type, span: span,
                                  status: member.manager == nil ? .approved : .requested, at: now)
            try await absence.create(on: db)
            let id = try absence.requireID()
            try await AbsenceEvent(absenceID: id, at: now, action: .requested, actor: member, capacity: .person).create(on: db)
            if member.manager == nil {
                try await AbsenceEvent(absenceID: id, at: now, action: .approved, actor: member, capacity: .register).create(on: db)
            }
            for approver in approvers {
                try await send(.requested, absence: absence, about: member, to: approver, on: db)
            }
            return .success(absence)
        }
        outbox.deliverSoon()
        return outcome
    }

    /// Registers sick leave with its certificate: no approval; the manager is told the days, never the reason.
    func recordSick(span: AbsenceSpan, certificate: (fileName: String, mediaType: String, content: Data), by member: StaffMember) async throws -> Result<Absence, Problem> {
        let now = clock()
        let approvers = try await register.approvers(of: member, on: FederalCalendar.Day(now))
        let outcome: Result<Absence, Problem> = try await database.write { db in
            try await StaffRegister.lock(member, on: db)
            let existing = try await Absence.query(on: db).filter(\.$nationalNumber == member.nationalNumber)
                .filter(\.$status ~~ Absence.Status.allCases.filter(\.counts)).all()
            if let clash = overlap(span, existing.filter(\.status.away), regime: member.regime) { return .failure(.overlaps(clash)) }
            let absence = Absence(nationalNumber: member.nationalNumber, type: .sick, span: span, status: .recorded, at: now)
            try await absence.create(on: db)
            let id = try absence.requireID()
            try await SickCertificate(absenceID: id, fileName: certificate.fileName, mediaType: certificate.mediaType,
                                      content: certificate.content).create(on: db)
            try await AbsenceEvent(absenceID: id, at: now, action: .recorded, actor: member, capacity: .person).create(on: db)
            // Requests of the same days that were still waiting are taken back: the person is away anyway.
            for waiting in existing where waiting.status == .requested && overlap(span, [waiting], regime: member.regime) != nil {
                waiting.status = .withdrawn
                try await waiting.update(on: db)
                try await AbsenceEvent(absenceID: waiting.requireID(), at: now, action: .withdrawn, actor: member, capacity: .person).create(on: db)
            }
            for approver in approvers {
                try await send(.absent, absence: absence, about: member, to: approver, on: db)
            }
            return .success(absence)
        }
        outbox.deliverSoon()
        return outcome
    }

    /// Takes back a request nobody has decided yet.
    func withdraw(_ id: UUID, by member: StaffMember) async throws -> Bool {
        try await transition(id, of: member, from: [.requested], to: .withdrawn, action: .withdrawn, actor: member, capacity: .person,
                             mail: nil)
    }

    /// Asks to cancel approved leave that has not ended; it stays counted until the manager agrees. Leave of a person
    /// without a manager is cancelled at once.
    func askCancellation(_ id: UUID, by member: StaffMember) async throws -> Bool {
        guard let absence = try await absence(id), absence.lastDay >= today.description else { return false }
        if member.manager == nil {
            return try await transition(id, of: member, from: [.approved], to: .cancelled, action: .cancelled, actor: member,
                                        capacity: .register, mail: nil)
        }
        return try await transition(id, of: member, from: [.approved], to: .cancellationRequested, action: .cancellationRequested,
                                    actor: member, capacity: .person, mail: .cancellationAsked)
    }

    // MARK: The manager's steps

    enum Decision: String, Sendable { case approve, refuse }

    enum DecisionOutcome: Sendable, Equatable {
        case done
        /// Someone else decided first, or the person took it back: nothing changed.
        case alreadyDecided
        /// This person may not decide on it (today).
        case notAllowed
        case reasonMissing
    }

    /// Approves or refuses a request, or (for a cancellation request) agrees to cancel or keeps the leave. A refusal
    /// needs its reason, which the person reads.
    func decide(_ id: UUID, _ decision: Decision, reason: String, by actor: StaffMember) async throws -> DecisionOutcome {
        guard let absence = try await absence(id), let member = try await register.member(absence.nationalNumber) else { return .notAllowed }
        guard let (capacity, manager) = try await capacity(of: actor, over: member) else { return .notAllowed }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if decision == .refuse, reason.isEmpty { return .reasonMissing }
        let kept = reason.isEmpty ? nil : String(reason.prefix(1000))
        let changed: Bool
        switch (absence.status, decision) {
        case (.requested, .approve):
            changed = try await transition(id, of: member, from: [.requested], to: .approved, action: .approved, actor: actor, capacity: capacity,
                                           onBehalfOf: manager, reason: kept, mail: .decided)
        case (.requested, .refuse):
            changed = try await transition(id, of: member, from: [.requested], to: .refused, action: .refused, actor: actor, capacity: capacity,
                                           onBehalfOf: manager, reason: kept, mail: .decided)
        case (.cancellationRequested, .approve):
            changed = try await transition(id, of: member, from: [.cancellationRequested], to: .cancelled, action: .cancelled, actor: actor,
                                           capacity: capacity, onBehalfOf: manager, reason: kept, mail: .cancellationDecided)
        case (.cancellationRequested, .refuse):
            changed = try await transition(id, of: member, from: [.cancellationRequested], to: .approved, action: .cancellationRefused,
                                           actor: actor, capacity: capacity, onBehalfOf: manager, reason: kept, mail: .cancellationDecided)
        default:
            return .alreadyDecided
        }
        return changed ? .done : .alreadyDecided
    }

    // MARK: Steps

    /// Moves an absence from one of `from` to `to` if it still is in one of them (a conditional update: of two
    /// managers deciding at once, one wins and the other is told it was decided), with its history and mail.
    private func transition(_ id: UUID, of member: StaffMember, from: [Absence.Status], to: Absence.Status, action: AbsenceEvent.Action,
                            actor: StaffMember, capacity: AbsenceEvent.Capacity, onBehalfOf: StaffMember? = nil, reason: String? = nil,
                            mail: AbsenceMail.Kind?) async throws -> Bool {
        let now = clock()
        let approvers = mail == .cancellationAsked ? try await register.approvers(of: member, on: FederalCalendar.Day(now)) : []
        let changed: Bool = try await database.write { db in
            let rows = try await (db as! any SQLDatabase).update(Absence.schema)
                .set("status", to: to.rawValue)
                .where("id", .equal, id).where("national_number", .equal, member.nationalNumber)
                .where("status", .in, from.map(\.rawValue))
                .returning("id").all()
            guard !rows.isEmpty, let absence = try await Absence.find(id, on: db) else { return false }
            try await AbsenceEvent(absenceID: id, at: now, action: action, actor: actor, capacity: capacity,
                                   onBehalfOf: onBehalfOf?.fullName, reason: reason).create(on: db)
            switch mail {
            case .decided?, .cancellationDecided?:
                try await send(mail!, absence: absence, about: member, to: member, by: actor, capacity: capacity, onBehalfOf: onBehalfOf,
                               reason: reason, on: db)
            case .cancellationAsked?:
                for approver in approvers {
                    try await send(.cancellationAsked, absence: absence, about: member, to: approver, on: db)
                }
            case .requested?, .absent?, nil:
                break
            }
            return true
        }
        if changed, mail != nil { outbox.deliverSoon() }
        return changed
    }

    private func send(_ kind: AbsenceMail.Kind, absence: Absence, about member: StaffMember, to recipient: StaffMember,
                      by actor: StaffMember? = nil, capacity: AbsenceEvent.Capacity? = nil, onBehalfOf: StaffMember? = nil,
                      reason: String? = nil, on db: any Database) async throws {
        let id = try absence.requireID().uuidString.lowercased()
        // The person reads their own absence; a manager decides on a request, and sees sick leave in the team's month.
        let link = base + (recipient.nationalNumber == member.nationalNumber ? SelfServicePath.absence(id)
            : absence.type == .sick ? SelfServicePath.team(month: String(absence.firstDay.prefix(7))) : SelfServicePath.request(id))
        let mail = AbsenceMail(kind: kind, absence: absence, person: member, recipient: recipient, actor: actor, capacity: capacity,
                               onBehalfOf: onBehalfOf, reason: reason, link: link)
        let key = "absence:\(id):\(kind.rawValue):\(recipient.nationalNumber):\(Int(clock().timeIntervalSince1970))"
        _ = try await outbox.enqueue(mail.message, key: key, on: db)
    }

    /// The first day `span` shares with one of `absences`, if any.
    private func overlap(_ span: AbsenceSpan, _ absences: [Absence], regime: WorkingRegime) -> FederalCalendar.Day? {
        for absence in absences where absence.firstDay <= span.lastDay.description && absence.lastDay >= span.firstDay.description {
            let theirs = AbsenceSpan(absence, regime: regime)
            // Two half days of one day do not clash: a morning and an afternoon, or hours outside each other's.
            for day in span.days.map(\.day) where theirs.days.contains(where: { $0.day == day }) {
                if compatible(span, theirs) { continue }
                return day
            }
        }
        return nil
    }

    private func compatible(_ a: AbsenceSpan, _ b: AbsenceSpan) -> Bool {
        switch (a.part, b.part) {
        case (.morning, .afternoon), (.afternoon, .morning): return true
        case (.hours, .hours): return a.endMinute! <= b.startMinute! || b.endMinute! <= a.startMinute!
        default: return false
        }
    }
}
