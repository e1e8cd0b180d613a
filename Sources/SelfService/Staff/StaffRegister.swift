import FluentKit
import Foundation
import PersoCore
import SQLKit

/// The HR register: who works where, for whom, in which regime; and the managers' substitutes.
struct StaffRegister: Sendable {
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    func member(_ nationalNumber: String?) async throws -> StaffMember? {
        guard let nationalNumber else { return nil }
        return try await StaffMember.query(on: database.db).filter(\.$nationalNumber == nationalNumber).first()
    }

    func members(_ nationalNumbers: [String]) async throws -> [String: StaffMember] {
        guard !nationalNumbers.isEmpty else { return [:] }
        let found = try await StaffMember.query(on: database.db).filter(\.$nationalNumber ~~ Array(Set(nationalNumbers))).all()
        return Dictionary(found.map { ($0.nationalNumber, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The people whose manager is `manager`, by surname.
    func team(of manager: String) async throws -> [StaffMember] {
        try await StaffMember.query(on: database.db).filter(\.$manager == manager).sort(\.$surname).sort(\.$givenName).all()
    }

    /// Everyone of an organisation, for its HR officers.
    func organisation(_ code: String) async throws -> [StaffMember] {
        try await StaffMember.query(on: database.db).filter(\.$organisation == code).sort(\.$surname).sort(\.$givenName).all()
    }

    /// The people of an organisation who manage someone, by surname.
    func managers(in organisation: String) async throws -> [StaffMember] {
        struct Row: Decodable { let manager: String }
        let numbers = try await database.sql.raw("""
            SELECT DISTINCT manager FROM selfservice_staff WHERE organisation = \(bind: organisation) AND manager IS NOT NULL
            """).all(decoding: Row.self).map(\.manager)
        return try await members(numbers).values.filter { $0.organisation == organisation }.sorted { ($0.surname, $0.givenName) < ($1.surname, $1.givenName) }
    }

    /// Adds the person or brings their record in line (the demo data, an import from the HR system).
    func save(_ member: StaffMember) async throws {
        try await database.write { db in
            if let existing = try await StaffMember.query(on: db).filter(\.$nationalNumber == member.nationalNumber).first() {
                member.id = existing.id
                member._$idExists = true
                try await member.update(on: db)
            } else {
                try await member.create(on: db)
            }
        }
    }

    /// On PostgreSQL, holds the person's register row until the transaction ends, so that what they ask (absences,
    /// telework days) is checked against their balance or cap and written one request at a time; SQLite's writes are
    /// one at a time already.
    static func lock(_ member: StaffMember, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" else { return }
        try await sql.raw("SELECT id FROM selfservice_staff WHERE national_number = \(bind: member.nationalNumber) FOR UPDATE").run()
    }

    // MARK: Substitutes

    /// The substitutions a manager has recorded that have not ended yet.
    func substitutions(of manager: String, from day: FederalCalendar.Day) async throws -> [Substitution] {
        try await Substitution.query(on: database.db).filter(\.$manager == manager).filter(\.$lastDay >= day.description)
            .sort(\.$firstDay).all()
    }

    /// The managers `substitute` stands in for on `day`.
    func substituted(by substitute: String, on day: FederalCalendar.Day) async throws -> [Substitution] {
        try await Substitution.query(on: database.db).filter(\.$substitute == substitute)
            .filter(\.$firstDay <= day.description).filter(\.$lastDay >= day.description).all()
    }

    /// Who may stand in for `manager` on `day`.
    func substitute(for manager: String, on day: FederalCalendar.Day) async throws -> Substitution? {
        try await Substitution.query(on: database.db).filter(\.$manager == manager)
            .filter(\.$firstDay <= day.description).filter(\.$lastDay >= day.description).sort(\.$createdAt, .descending).first()
    }

    func recordSubstitution(_ substitution: Substitution) async throws {
        try await database.write { db in try await substitution.create(on: db) }
    }

    func removeSubstitution(_ id: UUID, of manager: String) async throws -> Bool {
        try await database.write { db in
            guard let found = try await Substitution.query(on: db).filter(\.$id == id).filter(\.$manager == manager).first() else { return false }
            try await found.delete(on: db)
            return true
        }
    }

    /// Everyone an absence's decision may come from on `day`: the manager, and whoever stands in for them that day.
    func approvers(of member: StaffMember, on day: FederalCalendar.Day) async throws -> [StaffMember] {
        guard let manager = try await self.member(member.manager) else { return [] }
        guard let substitution = try await substitute(for: manager.nationalNumber, on: day),
              let substitute = try await self.member(substitution.substitute) else { return [manager] }
        return [manager, substitute]
    }
}
