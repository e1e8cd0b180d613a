import FluentKit
import Foundation
import Messaging
@testable import PersoCore
@testable import PersoPointServer
@testable import SelfService
import Testing

/// Absences on SQLite, and on PostgreSQL when the test command provides one (`--filter Storage`). Each test uses
/// people of its own, so the shared PostgreSQL database may hold others'.
@Suite("Absence storage behaves the same on every database", .serialized)
struct AbsenceStorageTests {
    static func person(manager: String? = nil, compensatory: Int = 0) -> StaffMember {
        let number = String(format: "%011d", Int.random(in: 10_000_000_000...99_999_999_999))
        return StaffMember(nationalNumber: number, organisation: "bosa", givenName: "Test", surname: "P\(number.suffix(4))",
                           email: "p\(number)@example.be", language: .fr, birthDate: "1980-01-01", service: "Test", grade: "A1",
                           entryDate: "2010-01-01", manager: manager, regime: .fullTime, compensatoryMinutes: compensatory)
    }

    @Test("ten requests at once for the last two days of compensatory leave: exactly two are accepted", arguments: TestDatabases.all)
    func lastDaysUnderConcurrency(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let register = app.selfService.register
            let manager = Self.person()
            try await register.save(manager)
            let member = Self.person(manager: manager.nationalNumber, compensatory: 2 * 456)
            try await register.save(member)
            let absences = app.selfService.absences
            let today = absences.today
            let days = (1...10).map { FederalCalendar.workingDay($0 + 2, after: today) }
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for day in days {
                    group.addTask {
                        let span = try AbsenceSpan(from: day.description, to: "", part: .full, start: "", end: "", regime: member.regime, today: today)
                        switch try await absences.request(.compensatory, span: span, by: member) {
                        case .success: return true
                        case .failure(let problem):
                            #expect(problem == .overBalance(0))
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 2, "never more than the balance")
            let taken = try await absences.absences(of: member.nationalNumber).filter { $0.status == .requested }.map(\.minutes)
            #expect(taken == [456, 456])
            let mails = try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == manager.email).count()
            #expect(mails == 2, "one mail per accepted request, none for the refused ones")
        }
    }

    @Test("the manager and the substitute decide at once: one decision wins, the other is told it was decided", arguments: TestDatabases.all)
    func oneDecisionWins(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let register = app.selfService.register
            let absences = app.selfService.absences
            let manager = Self.person()
            let substitute = Self.person()
            let member = Self.person(manager: manager.nationalNumber)
            for person in [manager, substitute, member] { try await register.save(person) }
            let today = absences.today
            try await register.recordSubstitution(Substitution(manager: manager.nationalNumber, substitute: substitute.nationalNumber,
                                                               firstDay: today, lastDay: today.adding(days: 3), at: Date()))
            let day = FederalCalendar.workingDay(3, after: today)
            let span = try AbsenceSpan(from: day.description, to: "", part: .afternoon, start: "", end: "", regime: member.regime, today: today)
            guard case .success(let absence) = try await absences.request(.annual, span: span, by: member) else {
                Issue.record("the request was refused")
                return
            }
            let id = try absence.requireID()
            let waiting: [UUID?] = try await absences.waiting(for: substitute).map { $0.0.id }
            #expect(waiting == [id], "the substitute sees the team's request today")
            let outcomes = try await withThrowingTaskGroup(of: Absences.DecisionOutcome.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        try await absences.decide(id, index.isMultiple(of: 2) ? .approve : .refuse, reason: "Busy week",
                                                  by: index.isMultiple(of: 3) ? substitute : manager)
                    }
                }
                return try await group.reduce(into: [Absences.DecisionOutcome]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .done }.count == 1)
            #expect(outcomes.filter { $0 == .alreadyDecided }.count == 9)
            let history = try await absences.history(of: id)
            let decisions = history.filter { (event: AbsenceEvent) in [AbsenceEvent.Action.approved, .refused].contains(event.action) }
            #expect(decisions.count == 1, "one decision in the history")
            let told = try await OutboxMessage.query(on: app.database.db).filter(\.$recipient == member.email).count()
            #expect(told == 1, "the person is told once")
            #expect(try await absences.decide(id, .approve, reason: "", by: member) == .notAllowed, "nobody decides on their own leave")
        }
    }
}
