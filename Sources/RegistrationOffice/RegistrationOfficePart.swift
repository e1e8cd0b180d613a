import FluentKit
import Foundation
import Gateway
import Logging
import Messaging
import PersoCore
import ServiceLifecycle

/// The local registration offices as one part of the product: booking appointments (public), the officers'
/// back-office (registration officers at Level450 or more), activation of the keys they prepare, the reminders the
/// day before, and the deletion of old appointments and letters. It works on the gateway's people and keys through
/// the gateway's `RegistrationAuthority`, never on its tables.
public struct RegistrationOfficePart: Part {
    public let name = "office"
    public let policy = RoutePolicy.applicationPages

    public let offices: Offices
    public let staffing: Staffing
    let authority: RegistrationAuthority
    let appointments: Appointments
    let activations: Activations
    let database: PersoDatabase
    let clock: @Sendable () -> Date

    public init(database: PersoDatabase, outbox: Outbox, authority: RegistrationAuthority, publicURL: URL, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.authority = authority
        self.clock = clock
        offices = Offices(database: database)
        staffing = Staffing(offices: offices, authority: authority)
        appointments = Appointments(database: database, outbox: outbox, mails: AppointmentMails(base: publicURL.base), clock: clock)
        activations = Activations(database: database, outbox: outbox, mails: ActivationMails(base: publicURL.base), clock: clock)
    }

    public var migrations: [any Migration] { [CreateOfficeTables()] }

    public func register(on routes: Routes) {
        routes.claim(prefix: OfficePath.root)
        BookingController(offices: offices, appointments: appointments, clock: clock).register(on: routes)
        ActivationController(activations: activations, authority: authority).register(on: routes)
        let gate = OfficerGate(authority: authority, offices: offices)
        DeskController(gate: gate, authority: authority, appointments: appointments, activations: activations, database: database, clock: clock)
            .register(on: routes)
        SettingsController(gate: gate, offices: offices, staffing: staffing, authority: authority).register(on: routes)
    }

    public var purgeJobs: [PurgeJob] {
        [PurgeJob("registration office: reminders of tomorrow's appointments") { [appointments] in try await appointments.sendReminders() },
         PurgeJob("registration office: old appointments") { [appointments] in try await appointments.purge() },
         PurgeJob("registration office: old activation letters") { [activations] in try await activations.purge() }]
    }

    /// The demo offices, their hours and a few appointments; Emma, a registration officer, at BOSA's (idempotent).
    public func seedDemo(officers: [(nrn: String, office: String, administrator: Bool)]) async throws {
        try await OfficeDemo(offices: offices, appointments: appointments, authority: authority, clock: clock).seed(officers: officers)
    }
}
