import FluentKit
import Foundation
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
    /// In development the e-mail confirmation link is also shown on the page, besides the development mailbox.
    let development: Bool

    public init(database: PersoDatabase, outbox: Outbox, relyingParty: RelyingParty, publicURL: URL, development: Bool,
                clock: @escaping @Sendable () -> Date) {
        self.relyingParty = relyingParty
        self.store = PersonalDataStore(database: database, outbox: outbox, clock: clock)
        register = StaffRegister(database: database, clock: clock)
        absences = Absences(database: database, outbox: outbox, register: register, base: publicURL.base, clock: clock)
        self.development = development
    }

    public var migrations: [any Migration] { [CreatePersonalData(), CreateHRTables()] }

    public func register(on routes: Routes) {
        routes.claim(prefix: Self.path)
        RelyingPartyRoutes(relyingParty: relyingParty).register(on: routes)
        HomeController(relyingParty: relyingParty, register: register, absences: absences).register(on: routes)
        PersonalDataController(relyingParty: relyingParty, store: store, development: development).register(on: routes)
        let absencesController = AbsencesController(relyingParty: relyingParty, register: register, absences: absences)
        absencesController.register(on: routes)
        TeamController(relyingParty: relyingParty, register: register, absences: absences, withMember: absencesController.withMember)
            .register(on: routes)
    }

    /// E-mail confirmation links past their lifetime.
    public var purgeJobs: [PurgeJob] {
        let store = self.store
        return [PurgeJob("selfservice e-mail confirmations") { try await store.purgeExpired() }]
    }
}
