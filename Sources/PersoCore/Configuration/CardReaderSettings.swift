import Foundation

/// The eID card reader's settings: where the certificate-login listener runs, which certificate authorities it
/// trusts, how revocation is checked, and which reverse proxies may forward a client certificate.
public struct CardReaderSettings: Sendable, Equatable {
    /// The TLS listener's port; nil when the listener is off (`PERSOPOINT_EID_PORT=0`, e.g. behind a proxy).
    public var port: Int?
    /// The origin people's browsers reach the listener at (`https://certifi.example.be`).
    public var publicURL: URL
    /// PEM files of the trust anchors (the Belgium Root CAs); empty means the development PKI's root, if any.
    public var trustAnchorFiles: [String]
    /// PEM files of the issuing CAs (the Citizen CAs), which browsers do not always send.
    public var intermediateFiles: [String]
    public var serverCertificateFile: String?
    public var serverKeyFile: String?
    /// Asks this OCSP responder instead of the one named in the certificate (a local OCSP relay, say).
    public var ocspURL: URL?
    /// Hard-fail: a card whose status cannot be established is refused. Soft-fail lets it in unless it is known revoked.
    public var revocationHardFail: Bool
    /// Addresses of reverse proxies allowed to forward a client certificate in `proxyHeader`.
    public var trustedProxies: [String]
    public var proxyHeader: String

    static func resolve(port portText: String?, publicURL urlText: String?, anchors: String?, intermediates: String?,
                        serverCertificate: String?, serverKey: String?, ocspURL ocspText: String?, revocation: String?,
                        trustedProxies: String?, proxyHeader: String?) throws(ConfigurationError) -> CardReaderSettings {
        let port: Int?
        switch portText {
        case nil: port = 8443
        case "0": port = nil
        case let text?:
            guard let number = Int(text), (1...65535).contains(number) else {
                throw ConfigurationError(setting: "PERSOPOINT_EID_PORT", reason: "\"\(text)\" is not a port number (0 turns the listener off)")
            }
            port = number
        }
        let defaultURL = "https://localhost:\(port ?? 8443)"
        let urlText = urlText ?? defaultURL
        guard let publicURL = URL(string: urlText), publicURL.scheme == "https", publicURL.host?.isEmpty == false,
              publicURL.query == nil, publicURL.fragment == nil else {
            throw ConfigurationError(setting: "PERSOPOINT_EID_URL", reason: "\"\(urlText)\" is not an absolute https URL without query")
        }
        var ocspURL: URL?
        if let ocspText {
            guard let url = URL(string: ocspText), ["http", "https"].contains(url.scheme ?? ""), url.host?.isEmpty == false else {
                throw ConfigurationError(setting: "PERSOPOINT_EID_OCSP_URL", reason: "\"\(ocspText)\" is not an absolute http(s) URL")
            }
            ocspURL = url
        }
        let hardFail: Bool
        switch (revocation ?? "hard").lowercased() {
        case "hard": hardFail = true
        case "soft": hardFail = false
        default: throw ConfigurationError(setting: "PERSOPOINT_EID_REVOCATION", reason: "\"\(revocation ?? "")\" is not hard or soft")
        }
        let proxies = list(trustedProxies)
        for proxy in proxies where !Self.isIPAddress(proxy) {
            throw ConfigurationError(setting: "PERSOPOINT_EID_TRUSTED_PROXIES", reason: "\"\(proxy)\" is not an IP address")
        }
        let header = proxyHeader ?? "X-SSL-Client-Cert"
        guard !header.isEmpty, header.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw ConfigurationError(setting: "PERSOPOINT_EID_PROXY_HEADER", reason: "\"\(header)\" is not a header name")
        }
        for (setting, files) in [("PERSOPOINT_EID_TRUST_ANCHORS", list(anchors)), ("PERSOPOINT_EID_INTERMEDIATES", list(intermediates))] {
            for file in files where !FileManager.default.isReadableFile(atPath: file) {
                throw ConfigurationError(setting: setting, reason: "cannot read \(file)")
            }
        }
        guard (serverCertificate == nil) == (serverKey == nil) else {
            throw ConfigurationError(setting: "PERSOPOINT_EID_SERVER_KEY", reason: "give both PERSOPOINT_EID_SERVER_CERT and PERSOPOINT_EID_SERVER_KEY, or neither")
        }
        return CardReaderSettings(
            port: port, publicURL: publicURL, trustAnchorFiles: list(anchors), intermediateFiles: list(intermediates),
            serverCertificateFile: serverCertificate, serverKeyFile: serverKey, ocspURL: ocspURL, revocationHardFail: hardFail,
            trustedProxies: proxies, proxyHeader: header
        )
    }

    private static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
