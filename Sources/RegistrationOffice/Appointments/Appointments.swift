import FluentKit
import Foundation
import Messaging
import PersoCore
import SQLKit

/// Booking, moving and cancelling appointments, the office's agenda, and the reminders the day before.
struct Appointments: Sendable {
    let database: PersoDatabase
    let outbox: Outbox
    let mails: AppointmentMails
    let clock: @Sendable () -> Date

    /// People book from tomorrow on, up to this many days ahead.
    static let daysAhead = 60
    /// Appointments are forgotten this long after their day (the identity check itself is kept with the person).
    static let keptFor: TimeInterval = 90 * 86_400

    /// What the person gives on the booking page.
    struct Booking: Sendable {
        let givenName: String
        let surname: String
        let email: String
        let document: DocumentType
        let language: Language
    }

    enum Refusal: Error, Equatable {
        /// Every place of the slot is taken (by someone quicker).
        case slotTaken
        /// Not a slot the office offers (closed, past, too far ahead, not on the grid).
        case notOffered
        /// This e-mail address already has an appointment to come: move or cancel that one (so that nobody books every
        /// free place with one address).
        case alreadyBooked
        /// The appointment to move was cancelled or moved meanwhile.
        case noLongerBooked
    }

    /// The days a person may book: tomorrow to `daysAhead` days on.
    func bookableDays(now: Date) -> ClosedRange<FederalCalendar.Day> {
        let today = FederalCalendar.Day(now)
        return today.adding(days: 1)...today.adding(days: Self.daysAhead)
    }

    /// Each day's slots with how many places are left, for the days asked (those outside the bookable range have none).
    func availability(of office: Office, days: [FederalCalendar.Day]) async throws -> [(day: FederalCalendar.Day, slots: [(start: Date, free: Int)])] {
        let bookable = bookableDays(now: clock())
        let open = days.filter { bookable.contains($0) }
        guard let first = open.first, let last = open.last else { return days.map { ($0, []) } }
        let rows = try await database.sql.raw("""
            SELECT starts_at, COUNT(*) AS taken FROM registration_appointments
            WHERE office_id = \(bind: office.requireID()) AND seat IS NOT NULL AND starts_at >= \(bind: first.start) AND starts_at <= \(bind: last.end)
            GROUP BY starts_at
            """).all()
        var taken: [Date: Int] = [:]
        for row in rows {
            taken[try row.decode(column: "starts_at", as: Date.self)] = try row.decode(column: "taken", as: Int.self)
        }
        return days.map { day in
            guard bookable.contains(day) else { return (day, []) }
            return (day, office.hours.slots(on: day, slotMinutes: office.slotMinutes).map { start in
                // Stored times come back a hair off: compare to the second.
                let used = taken.first { abs($0.key.timeIntervalSince(start)) < 1 }?.value ?? 0
                return (start, max(0, office.capacity - used))
            })
        }
    }

    /// True when `start` is one of the office's slots in the bookable range.
    func offers(_ office: Office, start: Date) -> Bool {
        let day = FederalCalendar.Day(start)
        return bookableDays(now: clock()).contains(day) && office.hours.slots(on: day, slotMinutes: office.slotMinutes).contains(start)
    }

    /// Books the first free place of the slot and writes the confirmation (with its calendar file) in the same
    /// transaction; returns the appointment and the secret of its link. Each place is one row of a unique index,
    /// taken by an insert that does nothing on conflict, so of many people booking the last place at once exactly one
    /// gets it, on SQLite and PostgreSQL alike.
    /// `confirming: false` books without any e-mail, confirmation or reminder (the demo's appointments, whose addresses
    /// are nobody's).
    func book(_ booking: Booking, at office: Office, start: Date, replacing old: Appointment? = nil,
              confirming: Bool = true) async throws -> (Appointment, String) {
        guard offers(office, start: start) else { throw Refusal.notOffered }
        let token = SecureRandom.token(bytes: 32)
        let officeID = try office.requireID()
        let now = clock()
        let capacity = office.capacity
        let calendarUID = old?.calendarUID ?? "\(UUID().uuidString.lowercased())@persopoint"
        let calendarSequence = (old?.calendarSequence ?? -1) + 1
        let mails = self.mails
        let outbox = self.outbox
        let appointment = try await database.write { db -> Appointment in
            if old == nil {
                let pending = try await Appointment.query(on: db).filter(\.$email == booking.email).filter(\.$status == .booked)
                    .filter(\.$startsAt > now).count()
                guard pending == 0 else { throw Refusal.alreadyBooked }
            }
            var placed: UUID?
            for seat in 1...capacity {
                let id = UUID()
                let inserted = try await (db as! any SQLDatabase).raw("""
                    INSERT INTO registration_appointments (id, office_id, starts_at, seat, given_name, surname, email, document_type,
                        language, status, token_hash, created_at, calendar_uid, calendar_sequence, reminded_at)
                    VALUES (\(bind: id), \(bind: officeID), \(bind: start), \(bind: seat), \(bind: booking.givenName), \(bind: booking.surname),
                        \(bind: booking.email), \(bind: booking.document.rawValue), \(bind: booking.language.rawValue), 'booked',
                        \(bind: SecureRandom.digest(token)), \(bind: now), \(bind: calendarUID), \(bind: calendarSequence),
                        \(bind: confirming ? nil : now))
                    ON CONFLICT (office_id, starts_at, seat) DO NOTHING
                    RETURNING id
                    """).all()
                if !inserted.isEmpty {
                    placed = id
                    break
                }
            }
            guard let placed, let appointment = try await Appointment.find(placed, on: db) else { throw Refusal.slotTaken }
            if let old {
                // Only a booking still to come is moved: of two moves (or a move and a cancellation) sent at once, the
                // second finds it gone and its new place is rolled back with it.
                let moved = try await (db as! any SQLDatabase).update(Appointment.schema)
                    .set("status", to: Appointment.Status.moved.rawValue).set("seat", to: SQLLiteral.null)
                    .where("id", .equal, try old.requireID()).where("status", .equal, Appointment.Status.booked.rawValue)
                    .returning("id").all()
                guard !moved.isEmpty else { throw Refusal.noLongerBooked }
            }
            if confirming {
                try await outbox.enqueue(mails.confirmation(appointment, office: office, token: token, moved: old != nil),
                                         key: "office-appointment:\(placed.uuidString)", on: db)
            }
            return appointment
        }
        if confirming { outbox.deliverSoon() }
        return (appointment, token)
    }

    /// The appointment behind a link's secret, with its office.
    func appointment(token: String) async throws -> Appointment? {
        guard (20...100).contains(token.count) else { return nil }
        return try await Appointment.query(on: database.db).filter(\.$tokenHash == SecureRandom.digest(token)).with(\.$office).first()
    }

    func appointment(_ id: UUID, at office: Office) async throws -> Appointment? {
        try await Appointment.query(on: database.db).filter(\.$id == id).filter(\.$office.$id == (try office.requireID())).first()
    }

    /// Cancels a booked appointment and gives its place back; false when it was no longer booked.
    func cancel(_ appointment: Appointment, office: Office) async throws -> Bool {
        let id = try appointment.requireID()
        let mails = self.mails
        let outbox = self.outbox
        let cancelled = try await database.write { db -> Bool in
            let rows = try await (db as! any SQLDatabase).update(Appointment.schema)
                .set("status", to: Appointment.Status.cancelled.rawValue).set("seat", to: SQLLiteral.null)
                .where("id", .equal, id).where("status", .equal, Appointment.Status.booked.rawValue)
                .returning("id").all()
            guard !rows.isEmpty else { return false }
            appointment.status = .cancelled
            try await outbox.enqueue(mails.cancellation(appointment, office: office), key: "office-cancelled:\(id.uuidString)", on: db)
            return true
        }
        if cancelled { outbox.deliverSoon() }
        return cancelled
    }

    /// The office's appointments of a day, in time order (booked and attended; cancelled ones are gone from it).
    func agenda(of office: Office, on day: FederalCalendar.Day) async throws -> [Appointment] {
        try await Appointment.query(on: database.db).filter(\.$office.$id == (try office.requireID()))
            .filter(\.$startsAt >= day.start).filter(\.$startsAt <= day.end)
            .filter(\.$status ~~ [.booked, .attended]).sort(\.$startsAt).sort(\.$surname).all()
    }

    /// The appointment was kept: the person is registered (on `db`, the registration's transaction).
    func markAttended(_ appointment: Appointment, by personID: UUID, on db: any Database) async throws {
        appointment.status = .attended
        appointment.personID = personID
        try await appointment.update(on: db)
    }

    /// Sends a reminder for tomorrow's appointments from 08:00 today, once each; how many were written. An appointment
    /// booked after that moment is not reminded: its confirmation is hardly a day old.
    func sendReminders() async throws -> Int {
        let now = clock()
        let today = FederalCalendar.Day(now)
        let from = today.at(hour: 8, minute: 0)
        guard now >= from else { return 0 }
        let tomorrow = today.adding(days: 1)
        let due = try await Appointment.query(on: database.db).filter(\.$status == .booked).filter(\.$remindedAt == nil)
            .filter(\.$startsAt >= tomorrow.start).filter(\.$startsAt <= tomorrow.end).filter(\.$createdAt < from).with(\.$office).all()
        let mails = self.mails
        let outbox = self.outbox
        for appointment in due {
            let id = try appointment.requireID()
            try await database.write { db in
                try await outbox.enqueue(mails.reminder(appointment, office: appointment.office), key: "office-reminder:\(id.uuidString)", on: db)
                try await Appointment.query(on: db).filter(\.$id == id).set(\.$remindedAt, to: now).update()
            }
        }
        if !due.isEmpty { outbox.deliverSoon() }
        return due.count
    }

    /// Forgets appointments whose day is long past.
    func purge() async throws -> Int {
        let cutoff = clock().addingTimeInterval(-Self.keptFor)
        return try await database.write { db in
            let old = Appointment.query(on: db).filter(\.$startsAt < cutoff)
            let count = try await old.copy().count()
            try await old.delete()
            return count
        }
    }
}
