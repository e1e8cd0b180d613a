import FluentKit
import Foundation
import Logging
import ServiceLifecycle
import Messaging
import PersoCore
import RelyingParty

/// PersoSelfService as one part of the product: mounted at `/selfservice`, logged in through the gateway by the
/// relying party, with its own tables. It never imports the gateway: who the person is comes from the ID token.
public struct SelfServiceModule: Part {
    public let name = "selfservice"
    public let policy = RoutePolicy.applicationPages
    public static let path = "/selfservice"
    public static let clientID = "persoselfservice"

    let relyingParty: RelyingParty
    let store: PersonalDataStore
    let register: StaffRegister
    let absences: Absences
    let paySlips: PaySlips
    let interruptions: CareerInterruptions
    let delivery: DocumentDelivery
    let telework: Telework
    /// In development the e-mail confirmation link is also shown on the page, besides the development mailbox.
    let development: Bool

    public init(database: PersoDatabase, outbox: Outbox, relyingParty: RelyingParty, publicURL: URL, development: Bool,
                clock: @escaping @Sendable () -> Date) {
        self.relyingParty = relyingParty
        self.store = PersonalDataStore(database: database, outbox: outbox, clock: clock)
        register = StaffRegister(database: database, clock: clock)
        absences = Absences(database: database, outbox: outbox, register: register, base: publicURL.base, clock: clock)
        telework = Telework(database: database, clock: clock)
        paySlips = PaySlips(database: database, register: register, clock: clock)
        interruptions = CareerInterruptions(database: database, clock: clock)
        delivery = DocumentDelivery(database: database, publisher: EBoxPublisher(relyingParty: relyingParty, publicURL: publicURL.base),
                                    register: register, documents: PersonalDocuments(), outbox: outbox, base: publicURL.base, clock: clock)
        self.development = development
    }

    public var migrations: [any Migration] { [CreatePersonalData(), CreateHRTables(), CreateDocumentTables(), CreateTeleworkTables()] }

    public func register(on routes: Routes) {
        routes.claim(prefix: Self.path)
        RelyingPartyRoutes(relyingParty: relyingParty).register(on: routes)
        HomeController(relyingParty: relyingParty, register: register, absences: absences).register(on: routes)
        PersonalDataController(relyingParty: relyingParty, store: store, development: development).register(on: routes)
        let absencesController = AbsencesController(relyingParty: relyingParty, register: register, absences: absences)
        absencesController.register(on: routes)
        let withMember = absencesController.withMember
        TeamController(relyingParty: relyingParty, register: register, absences: absences, telework: telework, withMember: withMember).register(on: routes)
        TeleworkController(relyingParty: relyingParty, telework: telework, withMember: withMember).register(on: routes)
        PaySlipsController(relyingParty: relyingParty, paySlips: paySlips, withMember: withMember).register(on: routes)
        CareerInterruptionController(relyingParty: relyingParty, interruptions: interruptions, withMember: withMember).register(on: routes)
        let files = PersonnelFiles(register: register, paySlips: paySlips, interruptions: interruptions)
        PersonnelFileController(relyingParty: relyingParty, files: files, withMember: withMember).register(on: routes)
        HRController(relyingParty: relyingParty, register: register, paySlips: paySlips, interruptions: interruptions, files: files).register(on: routes)
        RunProgressScript.register(on: routes)
    }

    /// Pay slips and decisions on their way to the eBoxes.
    public func services(logger: Logger) -> [any Service] {
        [DocumentDeliveryService(delivery: delivery, logger: logger)]
    }

    /// The eBox message types PersoSelfService publishes, and how many days the eBox keeps each.
    public static var eBoxTypes: [String: Int] { PersonalDocuments.eBoxTypes }

    /// E-mail confirmation links past their lifetime.
    public var purgeJobs: [PurgeJob] {
        let store = self.store
        return [PurgeJob("selfservice e-mail confirmations") { try await store.purgeExpired() }]
    }
}
