import FluentKit
import Foundation
import Hummingbird
import PersoCore

/// The e-mail key needs nothing but the address the person already has on record.
struct EmailCodeEnrolment: KeyEnrolment {
    let people: PeopleDirectory
    let personKeys: PersonKeys

    func activate(personID: UUID, request: Request, context: PersoRequestContext) async throws -> EnrolmentOutcome {
        guard try await people.person(personID)?.email != nil else {
            return .refused(GatewayTexts.texts(for: context.language).noEmailAddress)
        }
        try await personKeys.activate(.email, personID: personID)
        return .activated
    }

    func issue(to personID: UUID, account: String) async throws -> IssuedKey {
        guard let address = try await people.person(personID)?.email else { throw EnrolmentRefusal.noEmailAddress }
        try await personKeys.activate(.email, personID: personID)
        return IssuedKey(address: address)
    }

    func issueForDemo(to personID: UUID, account: String, seed: String, on db: any Database) async throws {
        _ = try await personKeys.replace(.email, personID: personID, on: db)
    }
}
