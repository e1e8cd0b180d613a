import Foundation
import JWTKit
import PersoCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where the gateway finds the mobile identity service (this product's MobileID, or another CIBA provider) and
/// who it is there: a relying party authenticating with `private_key_jwt`, signed with the gateway's own ES256 key.
public struct MobileIdentitySettings: Sendable {
    public let issuer: String
    public let clientID: String
    /// Where people without an identity create one (the service's own enrolment by default).
    public let enrolmentURL: String
    /// CIBA (the phone number typed at the gateway) or the broker mode: the person is sent to the provider's own
    /// login page by the authorisation code flow — the real itsme, or this product's MobileID.
    public var broker: Broker?

    /// The code flow's settings: what to ask, and where the national register number is in the ID token.
    public struct Broker: Sendable {
        public var scopes: [String]
        /// `acr_values` sent; an ID token whose `acr` is this value (or a FAS level of at least 450) is accepted.
        public var acrValues: String
        public var nationalNumberClaim: String
        /// The gateway's address the provider sends the person back to (registered there).
        public var redirectURI: String

        public init(scopes: [String], acrValues: String, nationalNumberClaim: String, redirectURI: String) {
            self.scopes = scopes
            self.acrValues = acrValues
            self.nationalNumberClaim = nationalNumberClaim
            self.redirectURI = redirectURI
        }
    }

    public init(issuer: String, clientID: String, enrolmentURL: String? = nil, broker: Broker? = nil) {
        self.issuer = issuer
        self.clientID = clientID
        self.enrolmentURL = enrolmentURL ?? issuer + "/enrol"
        self.broker = broker
    }

    /// The gateway's return address in broker mode, under its public URL.
    public static func brokerReturn(publicURL: String) -> String { publicURL + ItsmePages.returnPath }

    public static let gatewayClientID = "fas-gateway"
}

/// How the gateway reaches the service: HTTP in production; the tests hand in a transport of their own.
public protocol BackchannelTransport: Sendable {
    func post(_ url: String, form: [String: String]) async throws -> (status: Int, body: Data)
    func get(_ url: String) async throws -> (status: Int, body: Data)
}

public struct URLSessionBackchannel: BackchannelTransport {
    public init() {}

    public func post(_ url: String, form: [String: String]) async throws -> (status: Int, body: Data) {
        guard let address = URL(string: url) else { throw URLError(.badURL) }
        var request = URLRequest(url: address, timeoutInterval: 10)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        request.httpBody = Data(form.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&").utf8)
        let (body, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, body)
    }

    public func get(_ url: String) async throws -> (status: Int, body: Data) {
        guard let address = URL(string: url) else { throw URLError(.badURL) }
        let (body, response) = try await URLSession.shared.data(for: URLRequest(url: address, timeoutInterval: 10))
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, body)
    }
}

/// The gateway as a CIBA relying party (OpenID Connect CIBA Core 1.0, poll mode): asks the person's phone, then
/// polls for the answer and checks the ID token it brings.
struct MobileIdentityClient: Sendable {
    let settings: MobileIdentitySettings
    let transport: any BackchannelTransport
    let signingKeys: SigningKeys
    let clock: @Sendable () -> Date
    let documents: ProviderDocuments

    init(settings: MobileIdentitySettings, transport: any BackchannelTransport, signingKeys: SigningKeys, clock: @escaping @Sendable () -> Date) {
        self.settings = settings
        self.transport = transport
        self.signingKeys = signingKeys
        self.clock = clock
        documents = ProviderDocuments(issuer: settings.issuer, transport: transport, clock: clock)
    }

    static let cibaGrant = "urn:openid:params:grant-type:ciba"

    enum Opening: Sendable {
        case opened(authReqID: String, expiresIn: Int, interval: Int)
        /// No identity has this phone number.
        case unknownPhone
        /// The service refuses for now: the app is locked, or too many requests went unanswered.
        case refused
        case unavailable
    }

    enum Answer: Sendable, Equatable {
        case pending
        case slowDown
        case refused
        case expired
        /// The person confirmed: their national register number and how (`amr`).
        case proven(nationalNumber: String, amr: [String])
        case unavailable
    }

    struct Assertion: JWTPayload {
        let iss: String, sub: String, aud: String, exp: Int, iat: Int, jti: String
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    struct IDToken: JWTPayload {
        let iss: String
        let aud: String
        let exp: Int
        let acr: String
        let amr: [String]?
        let egovNRN: String?
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// `private_key_jwt` (RFC 7523): for CIBA the audience is the issuer; the code flow names the token endpoint, as
    /// the real itsme asks.
    func assertion(audience: String? = nil) async throws -> String {
        let now = Int(clock().timeIntervalSince1970)
        return try await signingKeys.sign(Assertion(iss: settings.clientID, sub: settings.clientID, aud: audience ?? settings.issuer,
                                                    exp: now + 60, iat: now, jti: SecureRandom.token(bytes: 16)))
    }

    private func call(_ path: String, _ fields: [String: String]) async throws -> (status: Int, json: [String: Any]) {
        var form = fields
        form["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        form["client_assertion"] = try await assertion()
        let (status, body) = try await transport.post(settings.issuer + path, form: form)
        return (status, (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:])
    }

    /// Asks the phone; `number` is the binding message the PC shows and the phone offers among two others.
    func authorize(phone: PhoneNumber, number: String, level: LevelOfAssurance) async -> Opening {
        do {
            let (status, json) = try await call("/bc-authorize", [
                "scope": "openid egovnrn", "login_hint": phone.e164, "binding_message": number, "acr_values": level.acr,
            ])
            if status == 200, let id = json["auth_req_id"] as? String, !id.isEmpty, id.count <= 200 {
                return .opened(authReqID: id, expiresIn: json["expires_in"] as? Int ?? 120, interval: json["interval"] as? Int ?? 5)
            }
            switch json["error"] as? String {
            case "unknown_user_id": return .unknownPhone
            case "access_denied": return .refused
            default: return .unavailable
            }
        } catch {
            return .unavailable
        }
    }

    func poll(authReqID: String) async -> Answer {
        do {
            let (status, json) = try await call("/token", ["grant_type": Self.cibaGrant, "auth_req_id": authReqID])
            if status == 200, let idToken = json["id_token"] as? String {
                return try await proven(idToken)
            }
            switch json["error"] as? String {
            case "authorization_pending": return .pending
            case "slow_down": return .slowDown
            case "access_denied": return .refused
            case "expired_token": return .expired
            default: return .unavailable
            }
        } catch {
            return .unavailable
        }
    }

    /// The ID token, checked as any relying party checks one: the service's key, issuer, audience, expiry, and a level
    /// at least the one this key promises.
    private func proven(_ idToken: String) async throws -> Answer {
        let token = try await documents.verify(idToken, as: IDToken.self, keysAt: settings.issuer + "/jwks")
        guard token.iss == settings.issuer, token.aud == settings.clientID, token.exp > Int(clock().timeIntervalSince1970),
              let level = LevelOfAssurance(acr: token.acr), level >= ItsmeProfile.profile.level,
              let nrn = token.egovNRN, nrn.count == 11, nrn.allSatisfy(\.isNumber) else { return .unavailable }
        return .proven(nationalNumber: nrn, amr: token.amr ?? [])
    }
}
