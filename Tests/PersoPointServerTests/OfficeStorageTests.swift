import FluentKit
import Foundation
import Messaging
@testable import PersoCore
@testable import PersoPointServer
@testable import RegistrationOffice
import Testing

/// The registration office's bookings on SQLite, and on PostgreSQL when the test command provides one (`--filter
/// Storage`). Each test books at an office of its own, so the shared PostgreSQL database may hold others' appointments.
@Suite("Registration office storage behaves the same on every database", .serialized)
struct OfficeStorageTests {
    static func office(capacity: Int) -> Office {
        Office(code: "t-" + UUID().uuidString.prefix(8).lowercased(), name: "Test office", address: "Rue de la Loi 1, 1000 Bruxelles",
               languages: [.fr, .nl], organisations: ["bosa"],
               hours: .weekdays([OpeningHours.Period(from: 9 * 60, to: 12 * 60)]), slotMinutes: 30, capacity: capacity)
    }

    static func booking(_ number: Int) -> Appointments.Booking {
        // An address of its own each time: an address with an appointment to come cannot book another.
        Appointments.Booking(givenName: "Person", surname: "N\(number)", email: "person\(number)-\(UUID().uuidString.prefix(8).lowercased())@example.be",
                             document: .passport, language: .fr)
    }

    /// The first slot of the next working day.
    static func firstSlot(of office: Office, now: Date) -> Date {
        let day = FederalCalendar.workingDay(1, after: FederalCalendar.Day(now))
        return office.hours.slots(on: day, slotMinutes: office.slotMinutes)[0]
    }

    @Test("fifty people book the last free place at once: exactly one gets it, the others are told it is taken", arguments: TestDatabases.all)
    func lastPlaceUnderConcurrency(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            for capacity in [1, 2] {
                let office = Self.office(capacity: capacity)
                try await app.office.offices.save(office)
                let saved = try #require(try await app.office.offices.office(code: office.code))
                let start = Self.firstSlot(of: saved, now: Date())
                let appointments = app.office.appointments
                let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for number in 0..<50 {
                        group.addTask {
                            do {
                                _ = try await appointments.book(Self.booking(number), at: saved, start: start)
                                return true
                            } catch Appointments.Refusal.slotTaken {
                                return false
                            }
                        }
                    }
                    return try await group.reduce(into: [Bool]()) { $0.append($1) }
                }
                #expect(outcomes.filter { $0 }.count == capacity, "as many bookings as places, never more")
                #expect(outcomes.filter { !$0 }.count == 50 - capacity)
                let free = try await appointments.availability(of: saved, days: [FederalCalendar.Day(start)])[0].slots.first { $0.start == start }?.free
                #expect(free == 0)
                let confirmations = try await OutboxMessage.query(on: app.database.db).filter(\.$idempotencyKey ~~ "office-appointment:").all()
                #expect(confirmations.count >= capacity)
            }
        }
    }

    @Test("a cancelled or moved appointment gives its place back; a slot the office does not offer is refused", arguments: TestDatabases.all)
    func placesComeBack(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let office = Self.office(capacity: 1)
            try await app.office.offices.save(office)
            let saved = try #require(try await app.office.offices.office(code: office.code))
            let appointments = app.office.appointments
            let start = Self.firstSlot(of: saved, now: Date())
            let (first, _) = try await appointments.book(Self.booking(1), at: saved, start: start)
            await #expect(throws: Appointments.Refusal.slotTaken) { _ = try await appointments.book(Self.booking(2), at: saved, start: start) }
            #expect(try await appointments.cancel(first, office: saved))
            #expect(try await !appointments.cancel(first, office: saved), "cancelled once")
            let (second, _) = try await appointments.book(Self.booking(2), at: saved, start: start)
            let later = start.addingTimeInterval(30 * 60)
            _ = try await appointments.book(Self.booking(2), at: saved, start: later, replacing: second)
            _ = try await appointments.book(Self.booking(3), at: saved, start: start)
            await #expect(throws: Appointments.Refusal.notOffered) {
                _ = try await appointments.book(Self.booking(4), at: saved, start: start.addingTimeInterval(10 * 60))
            }
            let nadia = Appointments.Booking(givenName: "Nadia", surname: "Haddad", email: "nadia-\(UUID().uuidString.prefix(8))@example.be",
                                             document: .passport, language: .en)
            _ = try await appointments.book(nadia, at: saved, start: later.addingTimeInterval(30 * 60))
            await #expect(throws: Appointments.Refusal.alreadyBooked, "one appointment to come per address") {
                _ = try await appointments.book(nadia, at: saved, start: later.addingTimeInterval(60 * 60))
            }
            await #expect(throws: Appointments.Refusal.notOffered, "today is not bookable") {
                _ = try await appointments.book(Self.booking(4), at: saved, start: Date().addingTimeInterval(-86_400))
            }
        }
    }
}

extension OfficeStorageTests {
    @Test("the day before, from 08:00, each appointment of tomorrow is reminded once; one booked after that is not", arguments: TestDatabases.all)
    func remindersTheDayBefore(database: DatabaseLocation) async throws {
        let clock = TestClock()
        try await withProduct(database: database, clock: clock) { app in
            let office = Self.office(capacity: 3)
            try await app.office.offices.save(office)
            let saved = try #require(try await app.office.offices.office(code: office.code))
            let appointments = app.office.appointments
            let day = FederalCalendar.workingDay(2, after: FederalCalendar.Day(clock.now))
            let start = saved.hours.slots(on: day, slotMinutes: saved.slotMinutes)[0]
            let (early, _) = try await appointments.book(Self.booking(1), at: saved, start: start)
            // The evening before the day before: too soon.
            let dayBefore = day.adding(days: -1)
            clock.advance(by: dayBefore.at(hour: 7, minute: 0).timeIntervalSince(clock.now))
            func reminded(_ appointment: Appointment) async throws -> Bool {
                try await OutboxMessage.query(on: app.database.db).filter(\.$idempotencyKey == "office-reminder:\(try appointment.requireID().uuidString)").count() == 1
            }
            _ = try await appointments.sendReminders()
            #expect(try await !reminded(early), "not before 08:00")
            clock.advance(by: 2 * 3600)
            let (late, _) = try await appointments.book(Self.booking(2), at: saved, start: start)
            #expect(try await appointments.sendReminders() >= 1)
            #expect(try await appointments.sendReminders() == 0, "once each")
            #expect(try await reminded(early))
            #expect(try await !reminded(late), "booked after 08:00 the day before: its confirmation is enough")
        }
    }
}

extension OfficeStorageTests {
    @Test("two moves of one appointment sent at once (two tabs): one wins, the other's new place is rolled back", arguments: TestDatabases.all)
    func concurrentMoves(database: DatabaseLocation) async throws {
        try await withProduct(database: database) { app in
            let office = Self.office(capacity: 3)
            try await app.office.offices.save(office)
            let saved = try #require(try await app.office.offices.office(code: office.code))
            let appointments = app.office.appointments
            let start = Self.firstSlot(of: saved, now: Date())
            let booking = Self.booking(1)
            let (first, _) = try await appointments.book(booking, at: saved, start: start)
            let moved = try await withThrowingTaskGroup(of: Bool.self) { group in
                for minutes in [30, 60] {
                    group.addTask {
                        do {
                            _ = try await appointments.book(booking, at: saved, start: start.addingTimeInterval(Double(minutes * 60)), replacing: first)
                            return true
                        } catch Appointments.Refusal.noLongerBooked {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(moved.filter { $0 }.count == 1)
            let held = try await Appointment.query(on: app.database.db).filter(\.$email == booking.email).filter(\.$status == .booked).count()
            #expect(held == 1, "one appointment to come, never two")
        }
    }
}
