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
