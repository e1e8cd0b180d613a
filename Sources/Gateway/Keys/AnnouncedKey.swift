import Foundation
import Hummingbird
import PersoCore

/// A key the chooser shows greyed out, "not available yet": itsme until the mobile identity service comes, and the
/// eID card reader on an installation without trust anchors. Asked for directly, it proves nothing.
struct AnnouncedKey: DigitalKey {
    let profile: KeyProfile
    var isOffered: Bool { false }

    func begin(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> Response {
        Response(status: .seeOther, headers: [.location: GatewayPath.chooser(transaction)])
    }

    func submit(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> KeyOutcome {
        .askAgain(try await begin(transaction, request: request, context: context))
    }
}

extension KeyIdentifier {
    static let itsme: KeyIdentifier = "itsme"
}

/// itsme (Level450), as the guide's chooser shows it.
enum Itsme {
    static let profile = KeyProfile(identifier: .itsme, level: .level450, amr: ["itsme", "mfa"], group: .identity, order: 2) { language in
        switch language {
        case .fr: KeyNames(full: "IDENTIFICATION via itsme", short: "itsme", removeQuestion: "Supprimer cette clé numérique ?")
        case .nl: KeyNames(full: "AANMELDEN via itsme", short: "itsme", removeQuestion: "Deze digitale sleutel verwijderen?")
        case .de: KeyNames(full: "ANMELDEN über itsme", short: "itsme", removeQuestion: "Diesen digitalen Schlüssel entfernen?")
        case .en: KeyNames(full: "LOG IN via itsme", short: "itsme", removeQuestion: "Remove this digital key?")
        }
    }
}
