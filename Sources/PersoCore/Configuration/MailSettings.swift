import Foundation

/// Where e-mail goes and how hard the outbox tries. Without a mail server, development mode delivers to the
/// development mailbox (`/dev/outbox`) and production keeps every message waiting in the outbox.
public struct MailSettings: Sendable, Equatable {
    public var server: MailServer?
    public var from: MailAddress
    /// The first retry after a failed delivery; each further one waits twice as long, up to an hour.
    public var firstRetry: TimeInterval
    /// How long a message being sent is reserved by one instance: after a crash, another try waits this long.
    public var lease: TimeInterval

    public init(server: MailServer?, from: MailAddress, firstRetry: TimeInterval = 30, lease: TimeInterval = 120) {
        self.server = server
        self.from = from
        self.firstRetry = firstRetry
        self.lease = lease
    }

    static func resolve(server: String?, caFile: String?, from: String?, publicHost: String, retry: Int, lease: Int) throws(ConfigurationError) -> MailSettings {
        let sender: MailAddress
        if let from {
            guard let parsed = MailAddress(parsing: from) else {
                throw ConfigurationError(setting: "PERSOPOINT_MAIL_FROM", reason: "\"\(from)\" is not an address like Name <name@example.be>")
            }
            sender = parsed
        } else {
            sender = MailAddress(name: "PersoPoint", address: "no-reply@\(publicHost)")
        }
        var mailServer: MailServer?
        if let server {
            guard let parsed = MailServer(url: server) else {
                throw ConfigurationError(setting: "PERSOPOINT_SMTP_URL", reason: "expected smtp://user:password@host:587 or smtps://host:465, optionally ?tls=required or ?tls=off")
            }
            mailServer = parsed
        }
        if let caFile {
            guard mailServer != nil else {
                throw ConfigurationError(setting: "PERSOPOINT_SMTP_CA_FILE", reason: "needs PERSOPOINT_SMTP_URL")
            }
            guard FileManager.default.isReadableFile(atPath: caFile) else {
                throw ConfigurationError(setting: "PERSOPOINT_SMTP_CA_FILE", reason: "cannot read \(caFile)")
            }
            mailServer?.trustedCertificatesFile = caFile
        }
        return MailSettings(server: mailServer, from: sender, firstRetry: TimeInterval(retry), lease: TimeInterval(lease))
    }
}

/// An SMTP server, from `smtp://` (port 587, STARTTLS) or `smtps://` (port 465, TLS from the first byte).
public struct MailServer: Sendable, Equatable {
    public enum Security: String, Sendable {
        /// TLS from the first byte (smtps).
        case implicitTLS
        /// STARTTLS, and never send without it.
        case requireSTARTTLS
        /// STARTTLS when the server offers it.
        case opportunisticSTARTTLS
        /// Plain text: only for a relay on the same host.
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    public var trustedCertificatesFile: String?

    public init(host: String, port: Int, security: Security, username: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
    }

    public init?(url text: String) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              let host = components.host, !host.isEmpty, components.path.isEmpty || components.path == "/" else { return nil }
        let tls = components.queryItems?.first(where: { $0.name == "tls" })?.value?.lowercased()
        switch (scheme, tls) {
        case ("smtps", nil): security = .implicitTLS
        case ("smtp", nil): security = .opportunisticSTARTTLS
        case ("smtp", "required"): security = .requireSTARTTLS
        case ("smtp", "off"): security = .none
        default: return nil
        }
        guard (components.queryItems ?? []).allSatisfy({ $0.name == "tls" }) else { return nil }
        self.host = host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host
        port = components.port ?? (scheme == "smtps" ? 465 : 587)
        guard (1...65535).contains(port) else { return nil }
        username = components.user?.removingPercentEncoding
        password = components.password?.removingPercentEncoding
        guard (username == nil) == (password == nil) else { return nil }
    }
}

/// `Name <local@domain>` or a bare address. Only what a sender or a recipient needs: no groups, no comments.
public struct MailAddress: Sendable, Equatable, Codable {
    public var name: String?
    public var address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }

    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "<"), trimmed.hasSuffix(">") {
            let name = trimmed[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            self.name = name.isEmpty ? nil : name
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        } else {
            name = nil
            address = trimmed
        }
        guard Self.isPlausible(address), !(name ?? "").contains(where: { $0.isNewline || $0 == "<" || $0 == ">" }) else { return nil }
    }

    /// One `@`, something on both sides, no spaces or control characters: enough to refuse typos and header
    /// injection; whether the mailbox exists, only the confirmation link can tell.
    public static func isPlausible(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return address.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && address.unicodeScalars.allSatisfy { $0.value > 32 && $0.value != 127 && !"<>()[],;:\\\"".unicodeScalars.contains($0) }
    }
}
