import ArgumentParser
import Foundation
import Logging
import PersoCore
import PersoPointServer

/// The settings every command shares. Values are taken as text and validated by `PersoPointConfiguration`,
/// so a bad flag and a bad environment variable get the same one-line message and exit code 2.
struct ConfigurationOptions: ParsableArguments {
    @Option(help: "Address to listen on (PERSOPOINT_HOST, default 127.0.0.1).") var host: String?
    @Option(help: "HTTP port (PERSOPOINT_PORT, default 8080).") var port: String?
    @Option(help: "Directory of the SQLite file and generated keys (PERSOPOINT_DATA_DIR, default ./data).") var dataDir: String?
    @Option(help: "URL people use to reach PersoPoint (PERSOPOINT_PUBLIC_URL, default http://localhost:PORT).") var publicURL: String?
    @Option(help: "PostgreSQL URL (DATABASE_URL); SQLite in the data directory when absent.") var databaseURL: String?
    @Flag(help: "Development helpers: demo data, outbox viewer (PERSOPOINT_DEV).") var dev = false
    @Option(help: "Seconds without activity before a session ends (PERSOPOINT_SESSION_IDLE, default 1200).") var sessionIdle: String?
    @Option(help: "Seconds after which a session ends regardless (PERSOPOINT_SESSION_MAX, default 43200).") var sessionMax: String?
    @Option(help: "trace, debug, info, notice, warning, error or critical (PERSOPOINT_LOG_LEVEL, default info).") var logLevel: String?
    @Option(help: "json or text (PERSOPOINT_LOG_FORMAT, default json).") var logFormat: String?
    @Option(help: "Mail server: smtp://user:password@host:587 or smtps://host:465 (PERSOPOINT_SMTP_URL).") var smtpURL: String?
    @Option(help: "PEM file of extra certificates to trust for the mail server (PERSOPOINT_SMTP_CA_FILE).") var smtpCAFile: String?
    @Option(help: "Sender of every e-mail (PERSOPOINT_MAIL_FROM, default PersoPoint <no-reply@PUBLIC-HOST>).") var mailFrom: String?
    @Option(help: "SMS gateway taking one JSON POST per message, https (PERSOPOINT_SMS_GATEWAY_URL).") var smsGatewayURL: String?
    @Option(help: "Bearer token sent to the SMS gateway (PERSOPOINT_SMS_GATEWAY_TOKEN).") var smsGatewayToken: String?
    @Option(help: "The sender people see on text messages (PERSOPOINT_SMS_SENDER, default 8836).") var smsSender: String?
    @Option(help: "itsme key: ciba or broker (PERSOPOINT_ITSME_MODE).") var itsmeMode: String?
    @Option(help: "The mobile identity provider's issuer (PERSOPOINT_ITSME_ISSUER).") var itsmeIssuer: String?
    @Option(help: "The gateway's client id at that provider (PERSOPOINT_ITSME_CLIENT_ID).") var itsmeClientId: String?
    @Option(help: "Broker mode: scopes asked (PERSOPOINT_ITSME_SCOPES).") var itsmeScopes: String?
    @Option(help: "Broker mode: acr_values sent (PERSOPOINT_ITSME_ACR).") var itsmeAcr: String?
    @Option(help: "Broker mode: the claim with the national register number (PERSOPOINT_ITSME_NRN_CLAIM).") var itsmeNrnClaim: String?
    @Option(help: "Seconds before the first retry of a failed delivery (PERSOPOINT_OUTBOX_RETRY, default 30).") var outboxRetry: String?
    @Option(help: "Seconds a message being sent stays reserved after a crash (PERSOPOINT_OUTBOX_LEASE, default 120).") var outboxLease: String?
    @Option(help: "Session level from which people activate security-code keys (PERSOPOINT_KEY_ACTIVATION_LEVEL, default 450).") var keyActivationLevel: String?
    @Option(help: "Days without use after which a token card is deactivated (PERSOPOINT_TOKEN_CARD_INACTIVITY, default 365).") var tokenCardInactivity: String?
    @Option(help: "MiB free in the data directory below which /health/ready answers not ready (PERSOPOINT_READY_MIN_FREE_MB, default 64).") var readyMinFreeMb: String?
    @Option(help: "Working days within which PersoContact's desks answer (PERSOPOINT_CONTACT_ANSWER_DAYS, default 5).") var contactAnswerDays: String?
    @Option(help: "Days after closing that PersoContact deletes a case with its files (PERSOPOINT_CONTACT_RETENTION_DAYS, default 730).") var contactRetentionDays: String?
    @Option(help: "Seconds before the idle limit that the applications warn (PERSOPOINT_SESSION_WARNING, default 120).") var sessionWarning: String?
    @Option(help: "Where the applications reach the authentication gateway (PERSOPOINT_GATEWAY_URL, default the public URL).") var gatewayURL: String?
    @Option(help: "FAS level PersoSelfService requires: 200, 300, 350, 400, 450 or 500 (PERSOPOINT_SELFSERVICE_LEVEL, default 300).") var selfserviceLevel: String?
    @Option(help: "Port of the eID card reader's TLS listener, 0 for none (PERSOPOINT_EID_PORT, default 8443).") var eidPort: String?
    @Option(help: "URL browsers reach the eID listener at (PERSOPOINT_EID_URL, default https://localhost:EID-PORT).") var eidURL: String?
    @Option(help: "PEM files of the root CAs eID cards chain to (PERSOPOINT_EID_TRUST_ANCHORS).") var eidTrustAnchors: String?
    @Option(help: "PEM files of the issuing Citizen CAs (PERSOPOINT_EID_INTERMEDIATES).") var eidIntermediates: String?
    @Option(help: "PEM certificate of the eID listener (PERSOPOINT_EID_SERVER_CERT).") var eidServerCert: String?
    @Option(help: "PEM private key of the eID listener (PERSOPOINT_EID_SERVER_KEY).") var eidServerKey: String?
    @Option(help: "OCSP responder to ask instead of the certificate's own (PERSOPOINT_EID_OCSP_URL).") var eidOcspURL: String?
    @Option(help: "hard or soft revocation failure (PERSOPOINT_EID_REVOCATION, default hard).") var eidRevocation: String?
    @Option(help: "Addresses of the reverse proxies whose X-Forwarded-For names the client (PERSOPOINT_TRUSTED_PROXIES).") var trustedProxies: String?
    @Option(help: "Addresses of proxies that forward the client certificate (PERSOPOINT_EID_TRUSTED_PROXIES).") var eidTrustedProxies: String?
    @Option(help: "Header carrying the proxy's client certificate (PERSOPOINT_EID_PROXY_HEADER, default X-SSL-Client-Cert).") var eidProxyHeader: String?
    @Option(help: "Phone number of the help desk, shown on the contact page (PERSOPOINT_HELPDESK_PHONE).") var helpdeskPhone: String?
    @Option(help: "E-mail address of the help desk, shown on the contact page (PERSOPOINT_HELPDESK_EMAIL).") var helpdeskEmail: String?
    @Option(help: "Opening hours of the help desk, shown as written, e.g. \"Monday to Friday, 8:30–17:00\" (PERSOPOINT_HELPDESK_HOURS).") var helpdeskHours: String?
    @Option(help: "File of KEY=VALUE lines using the environment variables' names (PERSOPOINT_CONFIG).") var config: String?

    var flags: [String: String] {
        var flags: [String: String] = [:]
        flags["PERSOPOINT_HOST"] = host
        flags["PERSOPOINT_PORT"] = port
        flags["PERSOPOINT_DATA_DIR"] = dataDir
        flags["PERSOPOINT_PUBLIC_URL"] = publicURL
        flags["DATABASE_URL"] = databaseURL
        if dev { flags["PERSOPOINT_DEV"] = "true" }
        flags["PERSOPOINT_SESSION_IDLE"] = sessionIdle
        flags["PERSOPOINT_SESSION_MAX"] = sessionMax
        flags["PERSOPOINT_LOG_LEVEL"] = logLevel
        flags["PERSOPOINT_LOG_FORMAT"] = logFormat
        flags["PERSOPOINT_KEY_ACTIVATION_LEVEL"] = keyActivationLevel
        flags["PERSOPOINT_TOKEN_CARD_INACTIVITY"] = tokenCardInactivity
        flags["PERSOPOINT_READY_MIN_FREE_MB"] = readyMinFreeMb
        flags["PERSOPOINT_CONTACT_ANSWER_DAYS"] = contactAnswerDays
        flags["PERSOPOINT_CONTACT_RETENTION_DAYS"] = contactRetentionDays
        flags["PERSOPOINT_SMTP_URL"] = smtpURL
        flags["PERSOPOINT_SMTP_CA_FILE"] = smtpCAFile
        flags["PERSOPOINT_MAIL_FROM"] = mailFrom
        flags["PERSOPOINT_SMS_GATEWAY_URL"] = smsGatewayURL
        flags["PERSOPOINT_SMS_GATEWAY_TOKEN"] = smsGatewayToken
        flags["PERSOPOINT_SMS_SENDER"] = smsSender
        flags["PERSOPOINT_ITSME_MODE"] = itsmeMode
        flags["PERSOPOINT_ITSME_ISSUER"] = itsmeIssuer
        flags["PERSOPOINT_ITSME_CLIENT_ID"] = itsmeClientId
        flags["PERSOPOINT_ITSME_SCOPES"] = itsmeScopes
        flags["PERSOPOINT_ITSME_ACR"] = itsmeAcr
        flags["PERSOPOINT_ITSME_NRN_CLAIM"] = itsmeNrnClaim
        flags["PERSOPOINT_OUTBOX_RETRY"] = outboxRetry
        flags["PERSOPOINT_OUTBOX_LEASE"] = outboxLease
        flags["PERSOPOINT_SESSION_WARNING"] = sessionWarning
        flags["PERSOPOINT_GATEWAY_URL"] = gatewayURL
        flags["PERSOPOINT_EID_PORT"] = eidPort
        flags["PERSOPOINT_EID_URL"] = eidURL
        flags["PERSOPOINT_EID_TRUST_ANCHORS"] = eidTrustAnchors
        flags["PERSOPOINT_EID_INTERMEDIATES"] = eidIntermediates
        flags["PERSOPOINT_EID_SERVER_CERT"] = eidServerCert
        flags["PERSOPOINT_EID_SERVER_KEY"] = eidServerKey
        flags["PERSOPOINT_EID_OCSP_URL"] = eidOcspURL
        flags["PERSOPOINT_EID_REVOCATION"] = eidRevocation
        flags["PERSOPOINT_TRUSTED_PROXIES"] = trustedProxies
        flags["PERSOPOINT_EID_TRUSTED_PROXIES"] = eidTrustedProxies
        flags["PERSOPOINT_EID_PROXY_HEADER"] = eidProxyHeader
        flags["PERSOPOINT_SELFSERVICE_LEVEL"] = selfserviceLevel
        flags["PERSOPOINT_HELPDESK_PHONE"] = helpdeskPhone
        flags["PERSOPOINT_HELPDESK_EMAIL"] = helpdeskEmail
        flags["PERSOPOINT_HELPDESK_HOURS"] = helpdeskHours
        return flags
    }

    /// The validated configuration, or exit 2 with one line naming the setting.
    func resolve() throws -> PersoPointConfiguration {
        let environment = ProcessInfo.processInfo.environment
        do {
            var fileContents: String?
            if let path = config ?? environment["PERSOPOINT_CONFIG"] {
                guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw ConfigurationError(setting: "PERSOPOINT_CONFIG", reason: "cannot read \(path)")
                }
                fileContents = contents
            }
            return try PersoPointConfiguration.resolve(.init(flags: flags, environment: environment, fileContents: fileContents))
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("persopoint: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
    }
}

extension PersoPointConfiguration {
    /// Sets up logging once per process, in the configured format and level.
    /// `quiet` keeps administrative commands' output to what they print (JSON for scripts), warnings aside.
    func bootstrapLogging(quiet: Bool = false) -> Logger {
        var level = Logger.Level(rawValue: logLevel) ?? .info
        if quiet, level < .warning { level = .warning }
        let format = logFormat
        LoggingSystem.bootstrap { label in
            switch format {
            case .json: return JSONLogHandler(label: label, level: level)
            case .text:
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        }
        return Logger(label: "persopoint")
    }

    /// Opens the product's database, or exits 2 when it cannot be set up (a bad URL, an unwritable directory).
    func openApp(environment: AppEnvironment = .live, logger: Logger) throws -> PersoPointApp {
        do {
            return try PersoPointApp(configuration: self, environment: environment, logger: logger)
        } catch {
            FileHandle.standardError.write(Data("persopoint: cannot open the database: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

/// Runs a command body against the migrated database and always closes it. `registeringApplications` is for
/// `serve` and `migrate` alone (see `PersoPointApp.prepare`).
func withMigratedDatabase(_ app: PersoPointApp, registeringApplications: Bool = false, _ body: () async throws -> Void) async throws {
    do {
        try await app.prepare(registeringApplications: registeringApplications)
        try await body()
    } catch {
        await app.database.shutdown()
        if error is ExitCode { throw error }
        FileHandle.standardError.write(Data("persopoint: \(error)\n".utf8))
        throw ExitCode(1)
    }
    await app.database.shutdown()
}
