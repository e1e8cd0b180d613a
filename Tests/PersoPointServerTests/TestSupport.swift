import Foundation
import Gateway
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import PersoCore
@testable import PersoPointServer

/// A clock the test moves by hand, to walk sessions and maintenance windows through time.
final class TestClock: Sendable {
    private let current: NIOLockedValueBox<Date>
    init(_ start: Date = Date()) { current = .init(start) }
    var now: Date { current.withLockedValue { $0 } }
    func advance(by seconds: TimeInterval) { current.withLockedValue { $0 = $0.addingTimeInterval(seconds) } }
}

/// The databases storage behaviour is checked on: a fresh SQLite file always, and the PostgreSQL server that
/// the test command starts when it sets `PERSOPOINT_TEST_DATABASE_URL`.
enum TestDatabases {
    static var all: [DatabaseLocation] {
        var locations: [DatabaseLocation] = [.sqlite(path: freshSQLitePath())]
        if let url = ProcessInfo.processInfo.environment["PERSOPOINT_TEST_DATABASE_URL"], !url.isEmpty {
            locations.append(.postgres(url: url))
        }
        return locations
    }

    static func freshSQLitePath() -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("persopoint-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("test.sqlite").path
    }
}

/// Builds the whole product on a database, migrated, runs the body, and closes the database.
func withProduct<T>(
    database: DatabaseLocation? = nil,
    clock: TestClock = TestClock(),
    idle: TimeInterval = 1200, absolute: TimeInterval = 43200,
    gateway: InProcessGateway? = nil,
    registeringApplications: Bool = true,
    extraParts: [any Part] = [],
    extraKeys: [GatewayModule.KeyFactory] = [],
    configure: (inout PersoPointConfiguration) -> Void = { _ in },
    _ body: (PersoPointApp) async throws -> T
) async throws -> T {
    var configuration = try PersoPointConfiguration.resolve(.init(flags: [:], environment: [:]))
    let location = database ?? .sqlite(path: TestDatabases.freshSQLitePath())
    configuration.database = location
    configuration.sessionIdleTimeout = idle
    configuration.sessionAbsoluteTimeout = absolute
    if case .sqlite(let path) = location {
        configuration.dataDirectory = (path as NSString).deletingLastPathComponent
    }
    configure(&configuration)
    // Every PostgreSQL-backed test shares one database: two migrators at once would both create the tables.
    if case .postgres = location { await SharedDatabaseLock.shared.acquire() }
    defer { if case .postgres = location { Task { await SharedDatabaseLock.shared.release() } } }
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    var environment = AppEnvironment(clock: { clock.now })
    if let gateway { environment.gatewayTransport = gateway }
    environment.extraParts = extraParts
    environment.extraKeys = extraKeys
    let app = try PersoPointApp(configuration: configuration, environment: environment, logger: logger)
    do {
        try await app.prepare(registeringApplications: registeringApplications)
        let result = try await body(app)
        await app.database.shutdown()
        return result
    } catch {
        await app.database.shutdown()
        throw error
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    /// The value a `Set-Cookie` header gives the named cookie, if any.
    func cookie(_ name: String) -> String? {
        for field in headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";").first ?? ""
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, parts[0] == name { return String(parts[1]) }
        }
        return nil
    }

    /// The `lang` of the page's `<html>` element.
    var htmlLanguage: String? {
        guard let range = text.range(of: "<html lang=\"") else { return nil }
        return String(text[range.upperBound...].prefix(2))
    }

    /// The value of the hidden CSRF field of the page's first form.
    var csrfToken: String? {
        guard let range = text.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(text[range.upperBound...].prefix { $0 != "\"" })
    }
}

func form(_ fields: [String: String]) -> ByteBuffer {
    ByteBuffer(string: fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&"))
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

/// Serialises the tests that use the shared PostgreSQL database, whichever suite they belong to (suites run in
/// parallel; `.serialized` only orders the tests inside one suite).
actor SharedDatabaseLock {
    static let shared = SharedDatabaseLock()
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard busy else { busy = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}
