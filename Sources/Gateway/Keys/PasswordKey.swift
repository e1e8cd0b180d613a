import Foundation
import Hummingbird
import PersoCore

/// Username + password alone (Level200).
struct PasswordKey: DigitalKey {
    let kind = DigitalKeyKind.password
    let passwords: PasswordCheck

    func begin(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> Response {
        PasswordForm.response(transaction, key: kind, username: transaction.loginHint ?? "", error: nil, context: context)
    }

    func submit(_ transaction: LoginTransaction, request: Request, context: PersoRequestContext) async throws -> KeyOutcome {
        switch try await passwords.check(key: kind, transaction: transaction, request: request, context: context) {
        case .proven(let personID, _):
            return .success(personID: personID, level: kind.level, amr: kind.amr)
        case .refused(let message, let username):
            return .askAgain(PasswordForm.response(transaction, key: kind, username: username, error: message, context: context))
        }
    }
}
