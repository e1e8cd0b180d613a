import Crypto
import Foundation
import JWTKit
import PersoCore

/// The itsme key's broker mode: instead of asking for the phone number here, the gateway sends the person to the
/// provider's own login page by the authorisation code flow (PKCE, `state`, `nonce`, `private_key_jwt`), as a FAS
/// does with the real itsme; the provider sends them back with a code, and the ID token names the person by their
/// national register number (in the claim the settings say).
struct ItsmeBroker: Sendable {
    let service: MobileIdentityClient
    let broker: MobileIdentitySettings.Broker
    let clock: @Sendable () -> Date

    /// One trip to the provider, kept in the session under its `state` until the person comes back.
    struct Trip: Codable, Sendable {
        let transactionID: String
        let nonce: String
        let verifier: String
        let createdAt: Date

        static func stored(state: String) -> SessionValue<Trip> { SessionValue("itsme.broker." + state) }
        /// As long as a login transaction.
        static let lifetime: TimeInterval = 15 * 60
    }

    enum Outcome: Sendable, Equatable {
        case proven(nationalNumber: String, amr: [String])
        case unavailable
    }

    private var settings: MobileIdentitySettings { service.settings }

    /// The provider's authorisation URL for this login; the trip is remembered in the session.
    func departure(for transaction: LoginTransaction, language: Language, session: Session) async -> String? {
        guard let metadata = try? await service.documents.metadata(), var components = URLComponents(string: metadata.authorization_endpoint) else { return nil }
        let state = SecureRandom.token(bytes: 16)
        let trip = Trip(transactionID: transaction.id, nonce: SecureRandom.token(bytes: 16), verifier: SecureRandom.token(bytes: 32), createdAt: clock())
        session[Trip.stored(state: state)] = trip
        let challenge = SecureRandom.base64URL(SHA256.hash(data: Array(trip.verifier.utf8)))
        components.queryItems = (components.queryItems ?? []) + [
            .init(name: "response_type", value: "code"),
            .init(name: "client_id", value: settings.clientID),
            .init(name: "redirect_uri", value: broker.redirectURI),
            .init(name: "scope", value: broker.scopes.joined(separator: " ")),
            .init(name: "state", value: state),
            .init(name: "nonce", value: trip.nonce),
            .init(name: "code_challenge", value: challenge),
            .init(name: "code_challenge_method", value: "S256"),
            .init(name: "acr_values", value: broker.acrValues),
            .init(name: "ui_locales", value: language.rawValue),
        ]
        return components.string
    }

    /// The code for tokens at the provider's token endpoint, and the ID token checked as any relying party checks
    /// one: the provider's keys, issuer, audience, expiry, nonce, the level asked, the national register number.
    func arrival(code: String, trip: Trip) async -> Outcome {
        do {
            let metadata = try await service.documents.metadata()
            let (status, body) = try await service.transport.post(metadata.token_endpoint, form: [
                "grant_type": "authorization_code", "code": code, "redirect_uri": broker.redirectURI, "code_verifier": trip.verifier,
                "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion": try await service.assertion(audience: metadata.token_endpoint),
            ])
            guard status == 200, let json = try JSONSerialization.jsonObject(with: body) as? [String: Any],
                  let idToken = json["id_token"] as? String else { return .unavailable }
            let token = try await service.documents.verify(idToken, as: BrokerIDToken.self, keysAt: metadata.jwks_uri)
            guard token.iss == metadata.issuer, token.aud.value.contains(settings.clientID), token.exp > Int(clock().timeIntervalSince1970),
                  token.nonce == trip.nonce, acceptable(token.acr) else { return .unavailable }
            // The signature holds, so the payload can be read for the claim whose name is a setting.
            let segments = idToken.split(separator: ".")
            guard segments.count == 3, let payload = Base64URL.decode(String(segments[1])).map({ Data($0) }),
                  let claims = try JSONSerialization.jsonObject(with: payload) as? [String: Any],
                  let nrn = claims[broker.nationalNumberClaim] as? String, nrn.count == 11, nrn.allSatisfy(\.isNumber) else { return .unavailable }
            return .proven(nationalNumber: nrn, amr: token.amr ?? [])
        } catch {
            return .unavailable
        }
    }

    /// The level asked for by name (a provider's own acr, such as itsme's "advanced"), or a FAS level of at least 450.
    private func acceptable(_ acr: String?) -> Bool {
        guard let acr else { return false }
        if broker.acrValues.split(separator: " ").contains(Substring(acr)) { return true }
        return (LevelOfAssurance(acr: acr) ?? .level100) >= ItsmeProfile.profile.level
    }

    struct BrokerIDToken: JWTPayload {
        let iss: String
        let aud: AudienceClaim
        let exp: Int
        let nonce: String?
        let acr: String?
        let amr: [String]?
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }
}
