import FluentKit
import Foundation
@testable import PersoCore
@testable import PersoPointServer
@testable import SelfService
import Testing

/// Pay slips and career-interruption decisions on SQLite, and on PostgreSQL when the test command provides one
/// (`--filter Storage`). Each test uses people of its own.
@Suite("HR document storage behaves the same on every database", .serialized)
struct HRStorageTests {
    static func people(_ count: Int, organisation: String) -> [StaffMember] {
        (0..<count).map { index in
            let serial = Int.random(in: 1...997)
            let nrn = NationalRegisterNumber.make(year: 1960 + index % 40, month: 1 + index % 12, day: 1 + index % 28, serial: serial).digits
            return StaffMember(nationalNumber: nrn, organisation: organisation, givenName: "P\(index)", surname: "Test", email: "p\(index)-\(nrn)@example.be",
                               language: .nl, birthDate: "1970-01-01", service: "Test", grade: "A1", entryDate: "2010-01-01", manager: nil, regime: .fullTime)
        }
    }

    @Test("a payroll export of 1,200 lines is stored whole, in chunks, and counted by delivery state; the same month again is refused line by line",
          arguments: TestDatabases.all)
    func monthStoredWhole(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let organisation = "t" + UUID().uuidString.prefix(6).lowercased()
            let staff = Self.people(1_200, organisation: organisation)
            var unique: [String: StaffMember] = [:]
            for member in staff where unique[member.nationalNumber] == nil { unique[member.nationalNumber] = member }
            for member in unique.values { try await app.selfService.register.save(member) }
            let csv = "national_number;kind;gross;net\n" + unique.keys.map { "\($0);salary;3100,25;2200.5" }.joined(separator: "\n")
            let export = try #require(PayrollExport(Data(csv.utf8)))
            #expect(export.problems.isEmpty)
            let officer = try #require(unique.values.first)
            let run: PaySlipRun
            switch try await app.selfService.paySlips.publish(export, organisations: [organisation], period: "2026-10", by: officer) {
            case .success(let stored): run = stored
            case .failure(let refusal): Issue.record("refused: \(refusal.lines.prefix(3))"); return
            }
            let progress = try await app.selfService.paySlips.progress(of: run)
            #expect(progress.total == unique.count && progress.pending == unique.count && !progress.finished)
            let slip = try #require(try await app.selfService.paySlips.slips(of: officer.nationalNumber).first)
            #expect(slip.grossCents == 310_025 && slip.netCents == 220_050)

            guard case .failure(let again) = try await app.selfService.paySlips.publish(export, organisations: [organisation], period: "2026-10", by: officer)
            else { Issue.record("published twice"); return }
            #expect(again.lines.count == unique.count && again.lines.allSatisfy { $0.problem == .alreadyPublished })
            guard case .failure(let elsewhere) = try await app.selfService.paySlips.publish(export, organisations: ["other"], period: "2026-11", by: officer)
            else { Issue.record("published for another organisation"); return }
            #expect(elsewhere.lines.allSatisfy { $0.problem == .notInRegister })
        }
    }

    @Test("two HR officers upload the same month at once: one run stores it, the other is told it is already published",
          arguments: TestDatabases.all)
    func sameMonthTwiceAtOnce(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let organisation = "t" + UUID().uuidString.prefix(6).lowercased()
            var unique: [String: StaffMember] = [:]
            for member in Self.people(40, organisation: organisation) where unique[member.nationalNumber] == nil { unique[member.nationalNumber] = member }
            for member in unique.values { try await app.selfService.register.save(member) }
            let csv = "national_number;kind;gross;net\n" + unique.keys.map { "\($0);salary;100;90" }.joined(separator: "\n")
            let export = try #require(PayrollExport(Data(csv.utf8)))
            let officer = try #require(unique.values.first)
            let paySlips = app.selfService.paySlips
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        switch try await paySlips.publish(export, organisations: [organisation], period: "2026-09", by: officer) {
                        case .success: return true
                        case .failure(let refusal):
                            #expect(refusal.lines.allSatisfy { $0.problem == .alreadyPublished })
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let stored = try await PaySlip.query(on: app.database.db).filter(\.$organisation == organisation).count()
            #expect(stored == unique.count, "one month's pay slips, once")
        }
    }

    @Test("two HR officers deciding the same application at once: one decision is recorded", arguments: TestDatabases.all)
    func oneDecision(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let member = Self.people(1, organisation: "bosa")[0]
            try await app.selfService.register.save(member)
            let interruptions = app.selfService.interruptions
            let first = FederalCalendar.Day(year: 2031, month: 3, day: 1)
            let application = try await interruptions.apply(member, kind: .palliative, regime: .fifth, first: first,
                                                            last: FederalCalendar.Day(year: 2031, month: 4, day: 30))
            let id = try application.requireID()
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<8 {
                    group.addTask { try await interruptions.decide(id, approve: index.isMultiple(of: 2), reason: "r", by: ("\(index)", "Officer \(index)")) }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            let decided = try #require(try await interruptions.application(id))
            #expect(decided.status != .requested && decided.delivery == .pending && decided.decidedByName?.hasPrefix("Officer") == true)
        }
    }
}
