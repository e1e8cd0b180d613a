import Foundation

/// Where text messages go: an SMS gateway that takes them over HTTP (the contract is in the README: one JSON POST per
/// message, a bearer token, 2xx = accepted), from the short sender number people know. Without a gateway, development
/// mode shows them at `/dev/sms` and production keeps them waiting in the outbox.
public struct SMSSettings: Sendable, Equatable {
    public var gateway: URL?
    public var token: String?
    public var sender: String

    public init(gateway: URL? = nil, token: String? = nil, sender: String = "8836") {
        self.gateway = gateway
        self.token = token
        self.sender = sender
    }

    static func resolve(gateway: String?, token: String?, sender: String?) throws(ConfigurationError) -> SMSSettings {
        var settings = SMSSettings(token: token)
        if let gateway {
            guard let url = URL(string: gateway), let scheme = url.scheme, let host = url.host, !host.isEmpty,
                  scheme == "https" || (scheme == "http" && ["localhost", "127.0.0.1", "::1"].contains(host)) else {
                throw ConfigurationError(setting: "PERSOPOINT_SMS_GATEWAY_URL", reason: "\"\(gateway)\" is not an https URL (http only on localhost)")
            }
            settings.gateway = url
        } else if token != nil {
            throw ConfigurationError(setting: "PERSOPOINT_SMS_GATEWAY_TOKEN", reason: "needs PERSOPOINT_SMS_GATEWAY_URL")
        }
        if let sender {
            // GSM senders: a short number, or up to 11 letters and digits.
            guard (3...11).contains(sender.count), sender.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw ConfigurationError(setting: "PERSOPOINT_SMS_SENDER", reason: "\"\(sender)\" is not a sender of 3 to 11 letters or digits")
            }
            settings.sender = sender
        }
        return settings
    }
}
