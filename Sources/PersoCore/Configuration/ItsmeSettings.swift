import Foundation

/// How the gateway's itsme key reaches a mobile identity provider. By default it asks this product's own service by
/// CIBA (the person types the phone number at the gateway). In broker mode it sends the person to a provider's login
/// page by the authorisation code flow — the real itsme in production — with `private_key_jwt` signed by the
/// gateway's keys (its JWKS is `/fas/oauth2/jwks`), the scopes and `acr_values` that provider expects, and the claim
/// in which its ID token carries the national register number.
public struct ItsmeSettings: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable { case ciba, broker }

    public var mode: Mode = .ciba
    /// The provider's issuer; nil means this product's own service (`PUBLIC_URL/mobileid`).
    public var issuer: URL?
    /// The gateway's client id at the provider; nil means the one it registers at its own service.
    public var clientID: String?
    public var scopes: [String] = ["openid", "profile", "egovnrn"]
    /// nil means the FAS Level450 URN.
    public var acrValues: String?
    public var nationalNumberClaim = "egovNRN"

    public init() {}

    static func resolve(mode: String?, issuer: String?, clientID: String?, scopes: String?, acr: String?,
                        nrnClaim: String?) throws(ConfigurationError) -> ItsmeSettings {
        var settings = ItsmeSettings()
        if let mode {
            guard let parsed = Mode(rawValue: mode.lowercased()) else {
                throw ConfigurationError(setting: "PERSOPOINT_ITSME_MODE", reason: "\"\(mode)\" is neither ciba nor broker")
            }
            settings.mode = parsed
        }
        if let issuer {
            guard let url = URL(string: issuer), let scheme = url.scheme, let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil,
                  scheme == "https" || (scheme == "http" && ["localhost", "127.0.0.1", "::1"].contains(host)) else {
                throw ConfigurationError(setting: "PERSOPOINT_ITSME_ISSUER", reason: "\"\(issuer)\" is not an https issuer URL (http only on localhost)")
            }
            settings.issuer = url
        }
        if let clientID {
            guard (1...200).contains(clientID.count), clientID.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                throw ConfigurationError(setting: "PERSOPOINT_ITSME_CLIENT_ID", reason: "must be 1 to 200 visible characters")
            }
            settings.clientID = clientID
        }
        if let scopes {
            let list = scopes.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            guard list.contains("openid"), list.allSatisfy({ $0.allSatisfy { $0.isASCII && !$0.isWhitespace && $0 != "\"" && $0 != "\\" } }) else {
                throw ConfigurationError(setting: "PERSOPOINT_ITSME_SCOPES", reason: "must be space-separated scopes including openid")
            }
            settings.scopes = list
        }
        if let acr {
            guard !acr.isEmpty, acr.count <= 500 else { throw ConfigurationError(setting: "PERSOPOINT_ITSME_ACR", reason: "must not be empty") }
            settings.acrValues = acr
        }
        if let nrnClaim {
            guard !nrnClaim.isEmpty, nrnClaim.count <= 200 else {
                throw ConfigurationError(setting: "PERSOPOINT_ITSME_NRN_CLAIM", reason: "must name a claim")
            }
            settings.nationalNumberClaim = nrnClaim
        }
        return settings
    }
}
