import FluentKit
import Foundation
import Messaging
import PersoCore
import RelyingParty

/// PersoSelfService as one part of the product: mounted at `/selfservice`, logged in through the gateway by the
/// relying party, with its own tables. It never imports the gateway: who the person is comes from the ID token.
public struct SelfServiceModule: Sendable {
    public static let path = "/selfservice"
    public static let clientID = "persoselfservice"

    let relyingParty: RelyingParty
    let store: PersonalDataStore
    /// In development the e-mail confirmation link is also shown on the page, besides the development mailbox.
    let development: Bool

    public init(database: PersoDatabase, outbox: Outbox, relyingParty: RelyingParty, development: Bool, clock: @escaping @Sendable () -> Date) {
        self.relyingParty = relyingParty
        self.store = PersonalDataStore(database: database, outbox: outbox, clock: clock)
        self.development = development
    }

    public static var migrations: [any Migration] { [CreatePersonalData()] }

    public func register(on routes: RouteTable) {
        RelyingPartyRoutes(relyingParty: relyingParty).register(on: routes)
        HomeController(relyingParty: relyingParty).register(on: routes)
        PersonalDataController(relyingParty: relyingParty, store: store, development: development).register(on: routes)
    }

    /// Deletes e-mail confirmation links past their lifetime.
    public func purgeExpired() async throws -> Int { try await store.purgeExpired() }
}
