import FluentKit
import Foundation
import PersoCore
import SQLKit

/// Telework patterns, their approval, and the days other than usual.
struct Telework: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    /// The pattern in force and the one waiting for the manager, if any.
    func patterns(of nationalNumber: String) async throws -> (inForce: TeleworkPattern?, waiting: TeleworkPattern?, refused: TeleworkPattern?) {
        let all = try await TeleworkPattern.query(on: database.db).filter(\.$nationalNumber == nationalNumber).sort(\.$createdAt, .descending).limit(20).all()
        let inForce = all.first { $0.status == .approved }
        let newest = all.first
        return (inForce, newest?.status == .requested ? newest : nil, newest?.status == .refused ? newest : nil)
    }

    /// Saves a new pattern within the cap: in force at once, or waiting for the manager where the organisation wants.
    func ask(_ weekdays: [Int], by member: StaffMember) async throws -> TeleworkPattern? {
        let rules = TeleworkRules.of(member.organisation)
        let days = Array(Set(weekdays.filter { (0...4).contains($0) && member.regime.minutes[$0] > 0 }))
        guard days.count <= rules.cap else { return nil }
        let approval = rules.approvalRequired && member.manager != nil
        let pattern = TeleworkPattern(nationalNumber: member.nationalNumber, weekdays: days, status: approval ? .requested : .approved, at: clock())
        try await database.write { db in
            // A newer request replaces one still waiting.
            try await TeleworkPattern.query(on: db).filter(\.$nationalNumber == member.nationalNumber).filter(\.$status == .requested).delete()
            try await pattern.create(on: db)
        }
        return pattern
    }

    /// Patterns waiting for a manager, of the given people.
    func waiting(of people: [String]) async throws -> [TeleworkPattern] {
        guard !people.isEmpty else { return [] }
        return try await TeleworkPattern.query(on: database.db).filter(\.$nationalNumber ~~ people).filter(\.$status == .requested).sort(\.$createdAt).all()
    }

    func pattern(_ id: UUID) async throws -> TeleworkPattern? { try await TeleworkPattern.find(id, on: database.db) }

    /// The manager's answer, once.
    func decide(_ id: UUID, approve: Bool, by name: String) async throws -> Bool {
        try await database.write { db in
            try await !(db as! any SQLDatabase).update(TeleworkPattern.schema)
                .set("status", to: (approve ? TeleworkPattern.Status.approved : .refused).rawValue).set("decided_by_name", to: name)
                .where("id", .equal, id).where("status", .equal, TeleworkPattern.Status.requested.rawValue).returning("id").all().isEmpty
        }
    }

    /// A day other than usual, from today on, on a working day; an extra day keeps the week within the cap.
    func change(_ day: FederalCalendar.Day, _ kind: TeleworkDay.Kind, by member: StaffMember) async throws -> Bool {
        let today = FederalCalendar.Day(clock())
        guard day >= today, day <= today.adding(days: 366), FederalCalendar.isWorkingDay(day), member.regime.minutes(on: day) > 0 else { return false }
        // The week's cap is checked inside the write, the person's row locked (as for absences): two days added at once
        // from two tabs cannot both fit.
        return try await database.write { db in
            try await StaffRegister.lock(member, on: db)
            if kind == .add {
                let monday = day.adding(days: -((day.weekday + 5) % 7))
                let week = try await days(of: [member.nationalNumber], from: monday, to: monday.adding(days: 4), on: db)[member.nationalNumber] ?? []
                guard week.filter({ $0 != day }).count + 1 <= TeleworkRules.of(member.organisation).cap else { return false }
            }
            try await TeleworkDay.query(on: db).filter(\.$nationalNumber == member.nationalNumber).filter(\.$day == day.description).delete()
            try await TeleworkDay(nationalNumber: member.nationalNumber, day: day, kind: kind).create(on: db)
            return true
        }
    }

    func changes(of nationalNumber: String, from day: FederalCalendar.Day) async throws -> [TeleworkDay] {
        try await TeleworkDay.query(on: database.db).filter(\.$nationalNumber == nationalNumber).filter(\.$day >= day.description).sort(\.$day).all()
    }

    /// The days each person teleworks between `first` and `last`: the pattern in force, plus and minus the days other
    /// than usual.
    func days(of people: [String], from first: FederalCalendar.Day, to last: FederalCalendar.Day,
              on enclosing: (any Database)? = nil) async throws -> [String: [FederalCalendar.Day]] {
        guard !people.isEmpty else { return [:] }
        let db = enclosing ?? database.db
        let patterns = try await TeleworkPattern.query(on: db).filter(\.$nationalNumber ~~ people).filter(\.$status == .approved)
            .sort(\.$createdAt, .descending).all()
        let changes = try await TeleworkDay.query(on: db).filter(\.$nationalNumber ~~ people)
            .filter(\.$day >= first.description).filter(\.$day <= last.description).all()
        var result: [String: [FederalCalendar.Day]] = [:]
        for person in people {
            let weekdays = Set(patterns.first { $0.nationalNumber == person }?.weekdays ?? [])
            let mine = changes.filter { $0.nationalNumber == person }
            var day = first
            while day <= last {
                let change = mine.first { $0.day == day.description }?.kind
                let usual = weekdays.contains((day.weekday + 5) % 7)
                if FederalCalendar.isWorkingDay(day), change == .add || (usual && change != .remove) { result[person, default: []].append(day) }
                day = day.adding(days: 1)
            }
        }
        return result
    }
}
