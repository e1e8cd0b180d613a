import Foundation
import Testing
@testable import PersoCore

@Suite("Configuring PersoPoint")
struct ConfigurationTests {
    @Test("the documented defaults apply when nothing is set")
    func defaults() throws {
        let configuration = try PersoPointConfiguration.resolve(.init(flags: [:], environment: [:]))
        #expect(configuration.port == 8080)
        #expect(configuration.dataDirectory == "./data")
        #expect(configuration.publicURL.absoluteString == "http://localhost:8080")
        #expect(configuration.database == .sqlite(path: "./data/persopoint.sqlite"))
        #expect(configuration.development == false)
        #expect(configuration.sessionIdleTimeout == 1200)
        #expect(configuration.sessionAbsoluteTimeout == 43200)
        #expect(configuration.sessionPolicy.cookieName == "persopoint_session")
        #expect(configuration.selfServiceLevel == .level300, "PersoSelfService wants substantial assurance unless told otherwise")
        #expect(configuration.sessionWarning == 120)
        #expect(configuration.gatewayURL == configuration.publicURL)
    }

    @Test("PersoSelfService's level, the warning lead and the gateway's address can be set")
    func applicationSettings() throws {
        let configuration = try PersoPointConfiguration.resolve(.init(flags: [
            "PERSOPOINT_SELFSERVICE_LEVEL": "200", "PERSOPOINT_SESSION_IDLE": "12", "PERSOPOINT_SESSION_WARNING": "8",
        ], environment: ["PERSOPOINT_GATEWAY_URL": "https://fas.example.be"]))
        #expect(configuration.selfServiceLevel == .level200)
        #expect(configuration.sessionWarning == 8)
        #expect(configuration.gatewayURL.absoluteString == "https://fas.example.be")
        // A short idle limit without an explicit warning still warns before the end.
        let short = try PersoPointConfiguration.resolve(.init(flags: ["PERSOPOINT_SESSION_IDLE": "60"], environment: [:]))
        #expect(short.sessionWarning == 30)
    }

    @Test("a flag beats the environment, which beats the config file")
    func precedence() throws {
        let file = "# comment\nPERSOPOINT_PORT=7000\nPERSOPOINT_DATA_DIR=\"/srv/pp\"\nPERSOPOINT_DEV=yes\n"
        let fromFile = try PersoPointConfiguration.resolve(.init(flags: [:], environment: [:], fileContents: file))
        #expect(fromFile.port == 7000 && fromFile.dataDirectory == "/srv/pp" && fromFile.development)
        let fromEnvironment = try PersoPointConfiguration.resolve(.init(flags: [:], environment: ["PERSOPOINT_PORT": "7100"], fileContents: file))
        #expect(fromEnvironment.port == 7100)
        let fromFlag = try PersoPointConfiguration.resolve(.init(flags: ["PERSOPOINT_PORT": "7200"], environment: ["PERSOPOINT_PORT": "7100"], fileContents: file))
        #expect(fromFlag.port == 7200)
        #expect(fromFlag.publicURL.absoluteString == "http://localhost:7200")
    }

    @Test("HTTPS public URL turns on secure cookies with the __Host- prefix")
    func https() throws {
        let configuration = try PersoPointConfiguration.resolve(.init(flags: ["PERSOPOINT_PUBLIC_URL": "https://persopoint.example.be"], environment: [:]))
        #expect(configuration.servesHTTPS)
        #expect(configuration.sessionPolicy.cookieName == "__Host-persopoint_session")
        let postgres = try PersoPointConfiguration.resolve(.init(flags: [:], environment: ["DATABASE_URL": "postgres://pp:secret@db:5432/pp"]))
        #expect(postgres.database == .postgres(url: "postgres://pp:secret@db:5432/pp"))
    }

    @Test("an unusable setting is named with the reason", arguments: [
        ("PERSOPOINT_PORT", "abc"), ("PERSOPOINT_PORT", "70000"), ("PERSOPOINT_PUBLIC_URL", "localhost:8080"),
        ("PERSOPOINT_PUBLIC_URL", "ftp://x"), ("DATABASE_URL", "mysql://x/y"), ("PERSOPOINT_DEV", "maybe"),
        ("PERSOPOINT_SESSION_IDLE", "0"), ("PERSOPOINT_LOG_LEVEL", "loud"), ("PERSOPOINT_LOG_FORMAT", "xml"),
        ("PERSOPOINT_HOST", "a b"), ("PERSOPOINT_SELFSERVICE_LEVEL", "250"), ("PERSOPOINT_SELFSERVICE_LEVEL", "high"),
        ("PERSOPOINT_SESSION_WARNING", "1200"), ("PERSOPOINT_GATEWAY_URL", "gateway"),
    ])
    func invalid(setting: String, value: String) {
        #expect(throws: ConfigurationError.self) {
            try PersoPointConfiguration.resolve(.init(flags: [setting: value], environment: [:]))
        }
        do {
            _ = try PersoPointConfiguration.resolve(.init(flags: [setting: value], environment: [:]))
        } catch {
            #expect(error.setting == setting)
            #expect(error.description.hasPrefix("invalid configuration: \(setting): "))
        }
    }

    @Test("the config file refuses unknown keys and malformed lines")
    func badFile() {
        #expect(throws: ConfigurationError.self) { try PersoPointConfiguration.resolve(.init(flags: [:], environment: [:], fileContents: "PERSOPOINT_PROT=1")) }
        #expect(throws: ConfigurationError.self) { try PersoPointConfiguration.resolve(.init(flags: [:], environment: [:], fileContents: "just words")) }
        #expect(throws: ConfigurationError.self) {
            try PersoPointConfiguration.resolve(.init(flags: ["PERSOPOINT_SESSION_IDLE": "600", "PERSOPOINT_SESSION_MAX": "300"], environment: [:]))
        }
    }
}
