import Foundation

/// Everything an operator can set. Each setting has a flag, an environment variable and a config-file key (the
/// environment variable's name); a flag beats the environment, which beats the file, which beats the default.
public struct PersoPointConfiguration: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var dataDirectory: String
    public var publicURL: URL
    public var database: DatabaseLocation
    public var development: Bool
    public var sessionIdleTimeout: TimeInterval
    public var sessionAbsoluteTimeout: TimeInterval
    public var logLevel: String
    public var logFormat: LogFormat
    public var mail: MailSettings
    public var sms = SMSSettings()
    /// The itsme key: this product's own mobile identity service by CIBA, or a provider by code flow (broker mode).
    public var itsme = ItsmeSettings()
    /// The session level (FAS level number) from which people activate their own security-code keys.
    public var keyActivationLevel: LevelOfAssurance
    /// Days after which an unused token card is deactivated.
    public var tokenCardInactivityDays: Int
    /// How long before the idle limit the applications' pages warn, with a dialog whose OK extends the session.
    public var sessionWarning: TimeInterval
    /// Where the applications find the authentication gateway (its issuer is this URL + `/fas/oauth2`). They speak
    /// to it over HTTP, so it may be another host; by default it is this product's own public URL.
    public var gatewayURL: URL
    /// The FAS level (200, 300, 350, 400, 450, 500) PersoSelfService requires; substantial (300) by default.
    public var selfServiceLevel: LevelOfAssurance
    /// The eID card reader key: its TLS listener, trust anchors, revocation checks and proxy mode.
    public var cardReader: CardReaderSettings
    /// Reverse proxies whose `X-Forwarded-For` names the client (per-address limits, the audit log).
    public var trustedProxies: TrustedProxies = TrustedProxies([])
    /// How people reach this installation's help desk, as the operator published it; the contact page shows only this.
    public var helpDesk: HelpDeskContact = HelpDeskContact()
    /// Below this many free bytes in the data directory, readiness says not ready (a full disk fails every login).
    public var readinessMinimumFreeBytes: Int64 = 64 * 1024 * 1024
    /// PersoContact answers within this many working days (the due date of a case).
    public var contactAnswerDays = 5
    /// PersoContact deletes cases closed longer ago than this, with their files.
    public var contactRetentionDays = 730

    public enum LogFormat: String, Sendable { case json, text }

    /// HTTPS in front (directly or through a proxy): cookies get `Secure` and `__Host-`, responses get HSTS.
    public var servesHTTPS: Bool { publicURL.scheme == "https" }

    public var sessionPolicy: SessionPolicy {
        SessionPolicy(idleTimeout: sessionIdleTimeout, absoluteTimeout: sessionAbsoluteTimeout, secureCookies: servesHTTPS)
    }
}

/// The raw settings as given, before validation. Keys are the environment variables' names.
public struct ConfigurationSources: Sendable {
    public var flags: [String: String]
    public var environment: [String: String]
    public var fileContents: String?

    public init(flags: [String: String], environment: [String: String], fileContents: String? = nil) {
        self.flags = flags
        self.environment = environment
        self.fileContents = fileContents
    }
}

extension PersoPointConfiguration {
    /// The documented settings with their defaults, as the README's table lists them.
    public static let settings: [(name: String, flag: String, defaultValue: String, meaning: String)] = [
        ("PERSOPOINT_HOST", "--host", "127.0.0.1", "address to listen on"),
        ("PERSOPOINT_PORT", "--port", "8080", "HTTP port"),
        ("PERSOPOINT_DATA_DIR", "--data-dir", "./data", "SQLite file and generated keys"),
        ("PERSOPOINT_PUBLIC_URL", "--public-url", "http://localhost:PORT", "URL people use to reach PersoPoint"),
        ("DATABASE_URL", "--database-url", "(SQLite in the data directory)", "PostgreSQL URL, postgres://user:pass@host:5432/db"),
        ("PERSOPOINT_DEV", "--dev", "false", "development helpers (demo data, outbox viewer)"),
        ("PERSOPOINT_SESSION_IDLE", "--session-idle", "1200", "seconds without activity before a session ends"),
        ("PERSOPOINT_SESSION_MAX", "--session-max", "43200", "seconds after which a session ends regardless"),
        ("PERSOPOINT_LOG_LEVEL", "--log-level", "info", "trace, debug, info, notice, warning, error, critical"),
        ("PERSOPOINT_LOG_FORMAT", "--log-format", "json", "json (one object a line) or text"),
        ("PERSOPOINT_SMTP_URL", "--smtp-url", "(none)", "mail server, smtp://user:pass@host:587 (STARTTLS when offered; ?tls=required or ?tls=off) or smtps://host:465"),
        ("PERSOPOINT_SMTP_CA_FILE", "--smtp-ca-file", "(system trust)", "PEM file of extra certificates to trust for the mail server"),
        ("PERSOPOINT_MAIL_FROM", "--mail-from", "PersoPoint <no-reply@PUBLIC-HOST>", "sender of every e-mail"),
        ("PERSOPOINT_SMS_GATEWAY_URL", "--sms-gateway-url", "(none)", "SMS gateway taking one JSON POST per message (contract in the README); https, or http on localhost"),
        ("PERSOPOINT_SMS_GATEWAY_TOKEN", "--sms-gateway-token", "(none)", "bearer token sent to the SMS gateway"),
        ("PERSOPOINT_SMS_SENDER", "--sms-sender", "8836", "the sender people see on text messages (3 to 11 letters or digits)"),
        ("PERSOPOINT_ITSME_MODE", "--itsme-mode", "ciba", "itsme key: ciba (phone number typed at the gateway, own service) or broker (code flow to the provider's page)"),
        ("PERSOPOINT_ITSME_ISSUER", "--itsme-issuer", "PUBLIC_URL/mobileid", "the mobile identity provider's issuer (the real itsme's in production)"),
        ("PERSOPOINT_ITSME_CLIENT_ID", "--itsme-client-id", "fas-gateway", "the gateway's client id at that provider (private_key_jwt with the gateway's keys)"),
        ("PERSOPOINT_ITSME_SCOPES", "--itsme-scopes", "openid profile egovnrn", "broker mode: scopes asked of the provider"),
        ("PERSOPOINT_ITSME_ACR", "--itsme-acr", "urn:be:fedict:iam:fas:Level450", "broker mode: acr_values sent; an ID token with this acr is Level450"),
        ("PERSOPOINT_ITSME_NRN_CLAIM", "--itsme-nrn-claim", "egovNRN", "broker mode: the ID token claim holding the national register number"),
        ("PERSOPOINT_OUTBOX_RETRY", "--outbox-retry", "30", "seconds before the first retry of a failed delivery (then doubling, up to 1 h)"),
        ("PERSOPOINT_KEY_ACTIVATION_LEVEL", "--key-activation-level", "450", "level of the session from which people activate security-code keys (450: itsme or eID)"),
        ("PERSOPOINT_TOKEN_CARD_INACTIVITY", "--token-card-inactivity", "365", "days without use after which a token card is deactivated"),
        ("PERSOPOINT_OUTBOX_LEASE", "--outbox-lease", "120", "seconds a message being sent is reserved; after a crash it is retried then"),
        ("PERSOPOINT_SESSION_WARNING", "--session-warning", "120", "seconds before the idle limit that the applications warn"),
        ("PERSOPOINT_GATEWAY_URL", "--gateway-url", "(the public URL)", "where the applications reach the authentication gateway"),
        ("PERSOPOINT_SELFSERVICE_LEVEL", "--selfservice-level", "300", "FAS level PersoSelfService requires: 200, 300, 350, 400, 450 or 500"),
        ("PERSOPOINT_EID_PORT", "--eid-port", "8443", "port of the eID card reader's TLS listener (0: off, e.g. behind a proxy)"),
        ("PERSOPOINT_EID_URL", "--eid-url", "https://localhost:EID-PORT", "URL browsers reach the eID listener at"),
        ("PERSOPOINT_EID_TRUST_ANCHORS", "--eid-trust-anchors", "(the development PKI's root)", "comma-separated PEM files of the root CAs eID cards chain to"),
        ("PERSOPOINT_EID_INTERMEDIATES", "--eid-intermediates", "(the development Citizen CA)", "comma-separated PEM files of the issuing (Citizen) CAs"),
        ("PERSOPOINT_EID_SERVER_CERT", "--eid-server-cert", "(the development PKI's)", "PEM certificate chain of the eID listener"),
        ("PERSOPOINT_EID_SERVER_KEY", "--eid-server-key", "(the development PKI's)", "PEM private key of the eID listener"),
        ("PERSOPOINT_EID_OCSP_URL", "--eid-ocsp-url", "(the certificate's own)", "OCSP responder to ask instead of the one named in the certificate"),
        ("PERSOPOINT_EID_REVOCATION", "--eid-revocation", "hard", "hard: refuse a card whose revocation status cannot be established; soft: refuse only a known revoked one"),
        ("PERSOPOINT_TRUSTED_PROXIES", "--trusted-proxies", "(none)", "comma-separated addresses of the reverse proxies whose X-Forwarded-For names the client"),
        ("PERSOPOINT_EID_TRUSTED_PROXIES", "--eid-trusted-proxies", "PERSOPOINT_TRUSTED_PROXIES", "comma-separated addresses of reverse proxies that forward the client certificate"),
        ("PERSOPOINT_EID_PROXY_HEADER", "--eid-proxy-header", "X-SSL-Client-Cert", "header carrying the URL-escaped PEM client certificate from the proxy"),
        ("PERSOPOINT_HELPDESK_PHONE", "--helpdesk-phone", "(none)", "phone number of the help desk, shown on the contact page, e.g. +32 2 123 45 67"),
        ("PERSOPOINT_HELPDESK_EMAIL", "--helpdesk-email", "(none)", "e-mail address of the help desk, shown on the contact page"),
        ("PERSOPOINT_HELPDESK_HOURS", "--helpdesk-hours", "(none)", "opening hours of the help desk, free text shown as is"),
        ("PERSOPOINT_READY_MIN_FREE_MB", "--ready-min-free-mb", "64", "MiB free in the data directory below which /health/ready answers not ready"),
        ("PERSOPOINT_CONTACT_ANSWER_DAYS", "--contact-answer-days", "5", "working days within which PersoContact's desks answer (weekends and federal holidays skipped)"),
        ("PERSOPOINT_CONTACT_RETENTION_DAYS", "--contact-retention-days", "730", "days after closing that PersoContact deletes a case with its files"),
    ]

    /// Validates the sources into a configuration, or names the first setting that cannot be used.
    public static func resolve(_ sources: ConfigurationSources) throws(ConfigurationError) -> PersoPointConfiguration {
        let file = try parseFile(sources.fileContents)
        func value(_ name: String) -> String? {
            sources.flags[name] ?? sources.environment[name].flatMap { $0.isEmpty ? nil : $0 } ?? file[name]
        }

        let host = value("PERSOPOINT_HOST") ?? "127.0.0.1"
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || ".:-".contains($0) }) else {
            throw ConfigurationError(setting: "PERSOPOINT_HOST", reason: "\"\(host)\" is not a host name or address")
        }
        let port = try integer(value("PERSOPOINT_PORT"), name: "PERSOPOINT_PORT", default: 8080, range: 1...65535, what: "a port number")
        let dataDirectory = value("PERSOPOINT_DATA_DIR") ?? "./data"
        guard !dataDirectory.isEmpty else {
            throw ConfigurationError(setting: "PERSOPOINT_DATA_DIR", reason: "must not be empty")
        }

        let publicURLText = value("PERSOPOINT_PUBLIC_URL") ?? "http://localhost:\(port)"
        guard let publicURL = URL(string: publicURLText), let scheme = publicURL.scheme, ["http", "https"].contains(scheme),
              publicURL.host?.isEmpty == false, publicURL.query == nil, publicURL.fragment == nil else {
            throw ConfigurationError(setting: "PERSOPOINT_PUBLIC_URL", reason: "\"\(publicURLText)\" is not an absolute http(s) URL without query")
        }

        let database: DatabaseLocation
        if let url = value("DATABASE_URL") {
            guard let parsed = URL(string: url), ["postgres", "postgresql"].contains(parsed.scheme ?? ""), parsed.host != nil else {
                throw ConfigurationError(setting: "DATABASE_URL", reason: "expected postgres://user:password@host:port/database")
            }
            database = .postgres(url: url)
        } else {
            database = .sqlite(path: (dataDirectory as NSString).appendingPathComponent("persopoint.sqlite"))
        }

        let development = try boolean(value("PERSOPOINT_DEV"), name: "PERSOPOINT_DEV")
        let idle = try integer(value("PERSOPOINT_SESSION_IDLE"), name: "PERSOPOINT_SESSION_IDLE", default: 1200, range: 1...86400, what: "a number of seconds (1–86400)")
        let absolute = try integer(value("PERSOPOINT_SESSION_MAX"), name: "PERSOPOINT_SESSION_MAX", default: 43200, range: 1...(31 * 86400), what: "a number of seconds")
        guard absolute >= idle else {
            throw ConfigurationError(setting: "PERSOPOINT_SESSION_MAX", reason: "must not be shorter than PERSOPOINT_SESSION_IDLE (\(idle) s)")
        }
        let logLevel = (value("PERSOPOINT_LOG_LEVEL") ?? "info").lowercased()
        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(logLevel) else {
            throw ConfigurationError(setting: "PERSOPOINT_LOG_LEVEL", reason: "\"\(logLevel)\" is not one of trace, debug, info, notice, warning, error, critical")
        }
        let formatText = (value("PERSOPOINT_LOG_FORMAT") ?? "json").lowercased()
        guard let logFormat = LogFormat(rawValue: formatText) else {
            throw ConfigurationError(setting: "PERSOPOINT_LOG_FORMAT", reason: "\"\(formatText)\" is not json or text")
        }

        let mail = try MailSettings.resolve(
            server: value("PERSOPOINT_SMTP_URL"), caFile: value("PERSOPOINT_SMTP_CA_FILE"), from: value("PERSOPOINT_MAIL_FROM"),
            publicHost: publicURL.host ?? "localhost",
            retry: integer(value("PERSOPOINT_OUTBOX_RETRY"), name: "PERSOPOINT_OUTBOX_RETRY", default: 30, range: 1...3600, what: "a number of seconds (1–3600)"),
            lease: integer(value("PERSOPOINT_OUTBOX_LEASE"), name: "PERSOPOINT_OUTBOX_LEASE", default: 120, range: 1...3600, what: "a number of seconds (1–3600)")
        )

        let activationText = value("PERSOPOINT_KEY_ACTIVATION_LEVEL") ?? "450"
        guard let activationLevel = Int(activationText).flatMap(LevelOfAssurance.init(rawValue:)) else {
            throw ConfigurationError(setting: "PERSOPOINT_KEY_ACTIVATION_LEVEL", reason: "\"\(activationText)\" is not one of 100, 200, 300, 350, 400, 450, 500")
        }
        let inactivity = try integer(value("PERSOPOINT_TOKEN_CARD_INACTIVITY"), name: "PERSOPOINT_TOKEN_CARD_INACTIVITY", default: 365, range: 1...3650, what: "a number of days (1–3650)")
        let warning = try integer(value("PERSOPOINT_SESSION_WARNING"), name: "PERSOPOINT_SESSION_WARNING", default: min(120, idle / 2), range: 1...3600, what: "a number of seconds (1–3600)")
        guard warning < idle else {
            throw ConfigurationError(setting: "PERSOPOINT_SESSION_WARNING", reason: "must be shorter than PERSOPOINT_SESSION_IDLE (\(idle) s)")
        }
        var gatewayURL = publicURL
        if let text = value("PERSOPOINT_GATEWAY_URL") {
            guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme),
                  url.host?.isEmpty == false, url.query == nil, url.fragment == nil else {
                throw ConfigurationError(setting: "PERSOPOINT_GATEWAY_URL", reason: "\"\(text)\" is not an absolute http(s) URL without query")
            }
            gatewayURL = url
        }
        let levelText = value("PERSOPOINT_SELFSERVICE_LEVEL") ?? "300"
        guard let selfServiceLevel = Int(levelText.replacingOccurrences(of: "Level", with: "")).flatMap(LevelOfAssurance.init(rawValue:)),
              selfServiceLevel >= .level200 else {
            throw ConfigurationError(setting: "PERSOPOINT_SELFSERVICE_LEVEL", reason: "\"\(levelText)\" is not one of 200, 300, 350, 400, 450, 500")
        }

        let proxyList = (value("PERSOPOINT_TRUSTED_PROXIES") ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for proxy in proxyList where TrustedProxies.canonical(proxy) == nil {
            throw ConfigurationError(setting: "PERSOPOINT_TRUSTED_PROXIES", reason: "\"\(proxy)\" is not an IP address")
        }
        let cardReader = try CardReaderSettings.resolve(
            port: value("PERSOPOINT_EID_PORT"), publicURL: value("PERSOPOINT_EID_URL"),
            anchors: value("PERSOPOINT_EID_TRUST_ANCHORS"), intermediates: value("PERSOPOINT_EID_INTERMEDIATES"),
            serverCertificate: value("PERSOPOINT_EID_SERVER_CERT"), serverKey: value("PERSOPOINT_EID_SERVER_KEY"),
            ocspURL: value("PERSOPOINT_EID_OCSP_URL"), revocation: value("PERSOPOINT_EID_REVOCATION"),
            trustedProxies: value("PERSOPOINT_EID_TRUSTED_PROXIES") ?? value("PERSOPOINT_TRUSTED_PROXIES"),
            proxyHeader: value("PERSOPOINT_EID_PROXY_HEADER")
        )

        var configuration = PersoPointConfiguration(
            host: host, port: port, dataDirectory: dataDirectory, publicURL: publicURL, database: database,
            development: development, sessionIdleTimeout: TimeInterval(idle), sessionAbsoluteTimeout: TimeInterval(absolute),
            logLevel: logLevel, logFormat: logFormat, mail: mail, keyActivationLevel: activationLevel, tokenCardInactivityDays: inactivity,
            sessionWarning: TimeInterval(warning), gatewayURL: gatewayURL, selfServiceLevel: selfServiceLevel,
            cardReader: cardReader
        )
        configuration.trustedProxies = TrustedProxies(proxyList)
        configuration.sms = try SMSSettings.resolve(gateway: value("PERSOPOINT_SMS_GATEWAY_URL"), token: value("PERSOPOINT_SMS_GATEWAY_TOKEN"),
                                                    sender: value("PERSOPOINT_SMS_SENDER"))
        configuration.itsme = try ItsmeSettings.resolve(
            mode: value("PERSOPOINT_ITSME_MODE"), issuer: value("PERSOPOINT_ITSME_ISSUER"), clientID: value("PERSOPOINT_ITSME_CLIENT_ID"),
            scopes: value("PERSOPOINT_ITSME_SCOPES"), acr: value("PERSOPOINT_ITSME_ACR"), nrnClaim: value("PERSOPOINT_ITSME_NRN_CLAIM")
        )
        configuration.readinessMinimumFreeBytes = Int64(try integer(value("PERSOPOINT_READY_MIN_FREE_MB"), name: "PERSOPOINT_READY_MIN_FREE_MB",
                                                                    default: 64, range: 0...1_048_576, what: "a number of MiB (0–1048576)")) * 1024 * 1024
        configuration.contactAnswerDays = try integer(value("PERSOPOINT_CONTACT_ANSWER_DAYS"), name: "PERSOPOINT_CONTACT_ANSWER_DAYS",
                                                      default: 5, range: 1...60, what: "a number of working days (1–60)")
        configuration.contactRetentionDays = try integer(value("PERSOPOINT_CONTACT_RETENTION_DAYS"), name: "PERSOPOINT_CONTACT_RETENTION_DAYS",
                                                         default: 730, range: 30...3650, what: "a number of days (30–3650)")
        configuration.helpDesk = try HelpDeskContact.resolve(
            phone: value("PERSOPOINT_HELPDESK_PHONE"), email: value("PERSOPOINT_HELPDESK_EMAIL"), hours: value("PERSOPOINT_HELPDESK_HOURS")
        )
        return configuration
    }

    /// `KEY=VALUE` lines; `#` starts a comment; values may be quoted. Unknown keys are refused (likely typos).
    static func parseFile(_ contents: String?) throws(ConfigurationError) -> [String: String] {
        guard let contents else { return [:] }
        let known = Set(settings.map(\.name))
        var values: [String: String] = [:]
        for (index, rawLine) in contents.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigurationError(setting: "config file line \(index + 1)", reason: "expected KEY=VALUE")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
                value = String(value.dropFirst().dropLast())
            }
            guard known.contains(key) else {
                throw ConfigurationError(setting: "config file line \(index + 1)", reason: "unknown setting \(key)")
            }
            values[key] = value
        }
        return values
    }

    private static func integer(_ text: String?, name: String, default defaultValue: Int, range: ClosedRange<Int>, what: String) throws(ConfigurationError) -> Int {
        guard let text else { return defaultValue }
        guard let number = Int(text), range.contains(number) else {
            throw ConfigurationError(setting: name, reason: "\"\(text)\" is not \(what)")
        }
        return number
    }

    private static func boolean(_ text: String?, name: String) throws(ConfigurationError) -> Bool {
        guard let text else { return false }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ConfigurationError(setting: name, reason: "\"\(text)\" is not true or false")
        }
    }
}

/// How people reach the help desk of this installation, as its operator published it. Nothing here is ever made
/// up: without a phone number or an e-mail address the contact page sends people to their HR department instead.
public struct HelpDeskContact: Sendable, Equatable {
    public var phone: String?
    public var email: String?
    /// Opening hours as the operator wrote them ("Monday to Friday, 8:30–17:00"), in whatever language they chose.
    public var hours: String?

    public init(phone: String? = nil, email: String? = nil, hours: String? = nil) {
        self.phone = phone
        self.email = email
        self.hours = hours
    }

    /// Whether there is a way to reach the help desk at all.
    public var isPublished: Bool { phone != nil || email != nil }

    /// The number as a `tel:` URI (RFC 3966): its digits, with the `+` of an international number.
    public var phoneURI: String? {
        guard let phone else { return nil }
        return "tel:" + (phone.hasPrefix("+") ? "+" : "") + phone.filter(Self.isDigit)
    }

    static func resolve(phone: String?, email: String?, hours: String?) throws(ConfigurationError) -> HelpDeskContact {
        func given(_ text: String?) -> String? {
            guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
            return trimmed
        }
        let contact = HelpDeskContact(phone: given(phone), email: given(email), hours: given(hours))
        if let phone = contact.phone {
            let digits = phone.filter(Self.isDigit).count
            let rest = phone.hasPrefix("+") ? phone.dropFirst() : Substring(phone)
            guard phone.count <= 40, rest.allSatisfy({ Self.isDigit($0) || " .-/()".contains($0) }), (3...15).contains(digits) else {
                throw ConfigurationError(setting: "PERSOPOINT_HELPDESK_PHONE", reason: "\"\(phone)\" is not a phone number (digits, spaces, . - / ( ), an optional leading +)")
            }
        }
        if let email = contact.email, !Self.looksLikeAddress(email) {
            throw ConfigurationError(setting: "PERSOPOINT_HELPDESK_EMAIL", reason: "\"\(email)\" is not an e-mail address like helpdesk@example.be")
        }
        if let hours = contact.hours {
            guard hours.count <= 200, !hours.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw ConfigurationError(setting: "PERSOPOINT_HELPDESK_HOURS", reason: "must be one line of at most 200 characters")
            }
            guard contact.isPublished else {
                throw ConfigurationError(setting: "PERSOPOINT_HELPDESK_HOURS", reason: "opening hours need PERSOPOINT_HELPDESK_PHONE or PERSOPOINT_HELPDESK_EMAIL")
            }
        }
        return contact
    }

    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isWholeNumber }

    /// `local@domain.tld`: one `@`, nothing that breaks a `mailto:` link, a domain of dotted labels.
    static func looksLikeAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let forbidden = Set("<>()[]\\,;:\"?#/%")
        guard !parts[0].contains(where: { $0.isWhitespace || forbidden.contains($0) || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) else {
            return false
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, last.count >= 2, last.allSatisfy(\.isLetter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }
}
