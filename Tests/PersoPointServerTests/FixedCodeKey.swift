import FluentKit
import Foundation
import Gateway
import Hummingbird
import PersoCore
import Plot

/// A digital key that exists only in the tests, written against the gateway's public plug-in API alone (this file
/// imports `Gateway` without `@testable`): username plus one fixed code, at Level400. If adding a key needed an
/// edit inside the gateway, this file would not compile or its test would fail.
struct FixedCodeKey: DigitalKey {
    static let identifier: KeyIdentifier = "fixedcode"
    /// The same key claiming Level450, in the eID and itsme group: a registration officer's login in the tests.
    static let strongIdentifier: KeyIdentifier = "fixedstrong"
    static let code = "246810"
    let services: KeyServices
    var identifier: KeyIdentifier = FixedCodeKey.identifier
    var level: LevelOfAssurance = .level400

    /// A Level450 key for the back-offices that want eID or itsme.
    static func strong(services: KeyServices) -> FixedCodeKey {
        FixedCodeKey(services: services, identifier: strongIdentifier, level: .level450)
    }

    var profile: KeyProfile { KeyProfile(identifier: identifier, level: level, amr: ["otp"], group: level >= .level450 ? .identity : .securityCode,
                                         order: 10, names: Self.names) }

    static let names: @Sendable (PersoCore.Language) -> KeyNames = { language in
        switch language {
        case .fr: KeyNames(full: "IDENTIFICATION avec le code fixe de test", short: "Code fixe de test", removeQuestion: "Supprimer le code fixe de test ?")
        case .nl: KeyNames(full: "AANMELDEN met de vaste testcode", short: "Vaste testcode", removeQuestion: "De vaste testcode verwijderen?")
        case .de: KeyNames(full: "ANMELDEN mit dem festen Testcode", short: "Fester Testcode", removeQuestion: "Den festen Testcode entfernen?")
        case .en: KeyNames(full: "LOG IN with the fixed test code", short: "Fixed test code", removeQuestion: "Remove the fixed test code?")
        }
    }

    var enrolment: (any KeyEnrolment)? { Enrolment(personKeys: services.personKeys, identifier: identifier) }

    func begin(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> Response {
        form(transaction, error: nil, context: context)
    }

    func submit(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> KeyOutcome {
        let username = context.form?["username"] ?? ""
        guard context.form?["code"] == Self.code, let personID = try await services.people.personID(username: username),
              try await services.personKeys.holdsActive(identifier, personID: personID) else {
            return .askAgain(form(transaction, error: "Wrong code or no such key.", context: context))
        }
        try await services.personKeys.markUsed(identifier, personID: personID)
        return .proven(personID: personID)
    }

    private func form(_ transaction: LoginTransaction, error: String?, context: PersoRequestContext) -> Response {
        let name = profile.names(context.language).full
        return Layout.response(Page(title: name, content: .div(
            .h1(.text(name)),
            .unwrap(error) { .p(.class("form-error"), .text($0)) },
            .form(
                .id("fixed-code-form"), .method(.post), .action(transaction.formAddress(of: identifier)), .csrfField(context.session),
                .input(.type(.hidden), .name("tx"), .value(transaction.id)),
                .input(.name("username"), .type(.text)),
                .input(.name("code"), .type(.text)),
                .button(.type(.submit), .text("OK"))
            ),
            .p(.a(.href(transaction.chooserAddress), .text("Back")))
        )), chrome: context.chrome)
    }

    /// Nothing to hand over: holding the key is enough.
    struct Enrolment: KeyEnrolment {
        let personKeys: PersonKeys
        let identifier: KeyIdentifier

        func activate(personID: UUID, request: Request, context: PersoRequestContext) async throws -> EnrolmentOutcome {
            try await personKeys.activate(identifier, personID: personID)
            return .activated
        }

        func issue(to personID: UUID, account: String) async throws -> IssuedKey {
            try await personKeys.activate(identifier, personID: personID)
            return IssuedKey()
        }

        func issueForDemo(to personID: UUID, account: String, seed: String, on db: any Database) async throws {
            try await personKeys.activate(identifier, personID: personID, on: db)
        }
    }
}
