import FluentKit
import Foundation
import PersoCore
import SQLKit

/// A month's pay slips: checked against the register and what was published before, stored in one transaction,
/// then delivered by `DocumentDelivery`; the run's progress and report come from the rows' states.
struct PaySlips: Sendable {
    let database: PersoDatabase
    let register: StaffRegister
    let clock: @Sendable () -> Date

    struct Progress: Sendable, Equatable {
        var total = 0
        var delivered = 0
        var waitingForEBox = 0
        var pending = 0
        var handled: Int { delivered + waitingForEBox }
        var finished: Bool { pending == 0 }
    }

    /// Stores the export's pay slips for delivery, or says which lines are wrong; a file with a wrong line stores nothing.
    /// The export covers the organisations the HR officer serves (a payroll service's export often covers several).
    func publish(_ export: PayrollExport, organisations: [String], period: String, by member: StaffMember) async throws -> Result<PaySlipRun, PayrollExport.Refusal> {
        var problems = export.problems
        let staff = try await register.members(export.lines.map(\.nationalNumber))
        let published = try await PaySlip.query(on: database.db).filter(\.$nationalNumber ~~ export.lines.map(\.nationalNumber))
            .filter(\.$period == period).all()
        let already = Set(published.map { "\($0.nationalNumber)-\($0.kind.rawValue)" })
        for line in export.lines {
            if staff[line.nationalNumber].map({ organisations.contains($0.organisation) }) != true { problems.append((line.number, .notInRegister)) }
            else if already.contains("\(line.nationalNumber)-\(line.kind.rawValue)") { problems.append((line.number, .alreadyPublished)) }
        }
        guard problems.isEmpty, !export.lines.isEmpty else { return .failure(PayrollExport.Refusal(lines: problems.sorted { $0.line < $1.line })) }
        let now = clock()
        let run = PaySlipRun(organisation: organisations.joined(separator: ","), period: period, by: member, at: now, total: export.lines.count)
        do {
            try await store(export, run: run, staff: staff, period: period, at: now)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // Another officer published the same month meanwhile: the unique index (person, month, kind) refused the
            // whole transaction; say which lines, as for a file sent twice.
            return .failure(PayrollExport.Refusal(lines: export.lines.map { ($0.number, .alreadyPublished) }))
        }
        return .success(run)
    }

    private func store(_ export: PayrollExport, run: PaySlipRun, staff: [String: StaffMember], period: String, at now: Date) async throws {
        try await database.write { db in
            try await run.create(on: db)
            let id = try run.requireID()
            // In chunks: one statement's bound values are limited (SQLite: 32,766).
            for chunk in stride(from: 0, to: export.lines.count, by: 500) {
                let slips = export.lines[chunk..<min(chunk + 500, export.lines.count)]
                    .map { PaySlip(runID: id, line: $0, organisation: staff[$0.nationalNumber]?.organisation ?? "", period: period, at: now) }
                try await slips.create(on: db)
            }
        }
    }

    func run(_ id: UUID) async throws -> PaySlipRun? { try await PaySlipRun.find(id, on: database.db) }

    /// The newest runs that covered one of these organisations.
    func runs(of organisations: [String]) async throws -> [PaySlipRun] {
        guard !organisations.isEmpty else { return [] }
        return try await PaySlipRun.query(on: database.db).sort(\.$startedAt, .descending).limit(200).all()
            .filter { !$0.organisations.filter(organisations.contains).isEmpty }.prefix(12).map { $0 }
    }

    func progress(of run: PaySlipRun) async throws -> Progress {
        struct Row: Decodable { let delivery: String; let count: Int }
        let rows = try await database.sql.raw("""
            SELECT delivery, COUNT(*) AS count FROM selfservice_payslips WHERE run_id = \(bind: try run.requireID()) GROUP BY delivery
            """).all(decoding: Row.self)
        var progress = Progress(total: run.total)
        for row in rows {
            switch DocumentDelivery.State(rawValue: row.delivery) {
            case .delivered: progress.delivered = row.count
            case .waitingForEBox: progress.waitingForEBox = row.count
            case .pending?, .some(.none), nil: progress.pending += row.count
            }
        }
        return progress
    }

    /// The people of a run whose pay slip waits for their eBox, by name.
    func waitingForEBox(in run: PaySlipRun) async throws -> [StaffMember] {
        let numbers = try await PaySlip.query(on: database.db).filter(\.$runID == run.requireID()).filter(\.$delivery == .waitingForEBox)
            .all().map(\.nationalNumber)
        return try await register.members(numbers).values.sorted { ($0.surname, $0.givenName) < ($1.surname, $1.givenName) }
    }

    /// A person's pay slips, newest month first.
    func slips(of nationalNumber: String) async throws -> [PaySlip] {
        try await PaySlip.query(on: database.db).filter(\.$nationalNumber == nationalNumber)
            .sort(\.$period, .descending).sort(\.$kind).limit(240).all()
    }
}
