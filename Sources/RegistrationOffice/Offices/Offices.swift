import FluentKit
import Foundation
import PersoCore

/// The offices and who works there (`registration_offices`, `registration_office_staff`).
public struct Offices: Sendable {
    let database: PersoDatabase

    public init(database: PersoDatabase) {
        self.database = database
    }

    public func all() async throws -> [Office] {
        try await Office.query(on: database.db).sort(\.$name).all()
    }

    public func office(code: String) async throws -> Office? {
        guard code.count <= 40 else { return nil }
        return try await Office.query(on: database.db).filter(\.$code == code).first()
    }

    func office(_ id: UUID) async throws -> Office? {
        try await Office.find(id, on: database.db)
    }

    public enum Problem: Error, CustomStringConvertible, Equatable {
        case invalid(String)
        public var description: String { if case .invalid(let reason) = self { return reason }; return "" }
    }

    /// Adds an office, or changes the one with this code.
    public func save(_ office: Office) async throws {
        guard office.code.count <= 40, !office.code.isEmpty, office.code.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else {
            throw Problem.invalid("the office code must be lower-case letters, digits or hyphens (at most 40)")
        }
        guard !OfficePath.reserved.contains(office.code) else { throw Problem.invalid("\(office.code) is an address of its own under /office; choose another code") }
        guard !office.name.isEmpty, office.name.count <= 200, office.address.count <= 300 else { throw Problem.invalid("give a name (at most 200 characters) and an address") }
        guard (5...240).contains(office.slotMinutes) else { throw Problem.invalid("an appointment lasts 5 to 240 minutes") }
        guard (1...50).contains(office.capacity) else { throw Problem.invalid("the capacity per slot is 1 to 50") }
        guard !office.languages.isEmpty else { throw Problem.invalid("the office speaks at least one of fr, nl, de, en") }
        try await database.write { db in
            if let existing = try await Office.query(on: db).filter(\.$code == office.code).first() {
                existing.name = office.name
                existing.address = office.address
                existing.languageCodes = office.languageCodes
                existing.organisationCodes = office.organisationCodes
                existing.hours = office.hours
                existing.slotMinutes = office.slotMinutes
                existing.capacity = office.capacity
                try await existing.update(on: db)
            } else {
                try await office.create(on: db)
            }
        }
    }

    /// Puts the person on the office's staff (or changes whether they administer it).
    public func addOfficer(_ personID: UUID, to office: Office, administrator: Bool) async throws {
        let officeID = try office.requireID()
        try await database.write { db in
            if let existing = try await OfficeStaff.query(on: db).filter(\.$office.$id == officeID).filter(\.$personID == personID).first() {
                existing.administrator = administrator
                try await existing.update(on: db)
            } else {
                try await OfficeStaff(officeID: officeID, personID: personID, administrator: administrator).create(on: db)
            }
        }
    }

    public func removeOfficer(_ personID: UUID, from office: Office) async throws -> Bool {
        let officeID = try office.requireID()
        return try await database.write { db in
            let staff = OfficeStaff.query(on: db).filter(\.$office.$id == officeID).filter(\.$personID == personID)
            guard try await staff.copy().count() > 0 else { return false }
            try await staff.delete()
            return true
        }
    }

    /// The offices this person works at, and whether they administer each.
    public func workplaces(of personID: UUID) async throws -> [(office: Office, administrator: Bool)] {
        try await OfficeStaff.query(on: database.db).filter(\.$personID == personID).with(\.$office).all()
            .map { ($0.office, $0.administrator) }.sorted { $0.office.name < $1.office.name }
    }

    /// The people on the office's staff, as (person id, administrator).
    public func staff(of office: Office) async throws -> [(personID: UUID, administrator: Bool)] {
        try await OfficeStaff.query(on: database.db).filter(\.$office.$id == (try office.requireID())).all().map { ($0.personID, $0.administrator) }
    }
}
