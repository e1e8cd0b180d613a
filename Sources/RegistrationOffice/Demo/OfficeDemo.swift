import FluentKit
import Foundation
import Gateway
import PersoCore

/// Two offices with opening hours and a few booked appointments, for trying the product; seeding twice changes nothing.
struct OfficeDemo: Sendable {
    let offices: Offices
    let appointments: Appointments
    let authority: RegistrationAuthority
    let clock: @Sendable () -> Date

    static let morningAndAfternoon = OpeningHours.weekdays([OpeningHours.Period(from: 9 * 60, to: 12 * 60), OpeningHours.Period(from: 13 * 60, to: 16 * 60)])

    func seed(officers: [(nrn: String, office: String, administrator: Bool)]) async throws {
        if try await offices.office(code: "bosa") == nil {
            try await offices.save(Office(code: "bosa", name: "BOSA – Bureau d’enregistrement / Registratiekantoor",
                                          address: "Boulevard Simon Bolivar 30, 1000 Bruxelles", languages: [.fr, .nl, .en],
                                          organisations: ["bosa"], hours: Self.morningAndAfternoon, slotMinutes: 30, capacity: 2))
        }
        if try await offices.office(code: "liege") == nil {
            var hours = OpeningHours.weekdays([OpeningHours.Period(from: 9 * 60, to: 12 * 60)])
            hours.weekdays[1].append(OpeningHours.Period(from: 13 * 60 + 30, to: 16 * 60))
            try await offices.save(Office(code: "liege", name: "SPF Finances – Bureau d’enregistrement de Liège",
                                          address: "Rue de Fragnée 2, 4000 Liège", languages: [.fr, .de],
                                          organisations: ["finance"], hours: hours, slotMinutes: 20, capacity: 1))
        }
        for officer in officers {
            guard let nrn = try? NationalRegisterNumber(officer.nrn), let person = try await authority.person(nrn: nrn),
                  let office = try await offices.office(code: officer.office) else { continue }
            try await offices.addOfficer(try person.requireID(), to: office, administrator: officer.administrator)
        }
        // A few people expected at BOSA's office on the next working days, unless some are booked already.
        guard let bosa = try await offices.office(code: "bosa") else { return }
        let bosaID = try bosa.requireID()
        guard try await Appointment.query(on: appointments.database.db).filter(\.$office.$id == bosaID).count() == 0 else { return }
        let visitors = [("Youssef", "El Amrani", "youssef.elamrani@example.be", DocumentType.residenceCard, Language.fr),
                        ("Anneleen", "De Smet", "anneleen.desmet@example.be", DocumentType.eid, Language.nl),
                        ("Tomasz", "Nowak", "tomasz.nowak@example.be", DocumentType.passport, Language.en)]
        var day = FederalCalendar.workingDay(1, after: FederalCalendar.Day(clock()))
        for (index, visitor) in visitors.enumerated() {
            if index == 2 { day = FederalCalendar.workingDay(1, after: day) }
            let slots = bosa.hours.slots(on: day, slotMinutes: bosa.slotMinutes)
            guard slots.count > index + 2 else { continue }
            _ = try? await appointments.book(Appointments.Booking(givenName: visitor.0, surname: visitor.1, email: visitor.2, document: visitor.3,
                                                                   language: visitor.4), at: bosa, start: slots[index + 2], confirming: false)
        }
    }
}
