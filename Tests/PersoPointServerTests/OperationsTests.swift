import FluentKit
import Foundation
import Logging
import NIOPosix
import SQLKit
import Hummingbird
import HummingbirdTesting
@testable import PersoCore
import Testing
@testable import PersoPointServer

@Suite("An operator running PersoPoint")
struct OperationsTests {
    @Test("sees liveness, readiness and Prometheus metrics by route and status")
    func healthAndMetrics() async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                try await client.execute(uri: "/health/live", method: .get) { #expect($0.status == .ok) }
                try await client.execute(uri: "/health/ready", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains("\"database\":\"ok\""))
                }
                try await client.execute(uri: "/help/eid", method: .get) { _ in }
                try await client.execute(uri: "/nowhere", method: .get) { _ in }
                try await client.execute(uri: "/metrics", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.text.contains(#"persopoint_http_requests_total{route="/help/{topic}",method="GET",status="200"} 1"#))
                    #expect(response.text.contains(#"status="404""#))
                    #expect(response.text.contains("persopoint_http_request_duration_seconds_bucket"))
                }
            }
        }
    }

    @Test("is told not ready, with the reason, when the data directory is short of space, while liveness stays up")
    func readinessSaysWhenTheDiskIsLow() async throws {
        try await withProduct(configure: { $0.readinessMinimumFreeBytes = .max }) { app in
            try await app.makeApplication().test(.router) { client in
                try await client.execute(uri: "/health/ready", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(response.text.contains("\"disk\":\"low\""))
                    #expect(response.text.contains("\"database\":\"ok\""))
                    #expect(response.text.contains("\"free_mb\":"))
                }
                try await client.execute(uri: "/health/live", method: .get) { #expect($0.status == .ok) }
            }
        }
    }

    @Test("is told not ready when the database answers but refuses writes (read-only), and ready again once it takes them")
    func readinessWritesToTheDatabase() async throws {
        try await withProduct { app in
            try await app.makeApplication().test(.router) { client in
                try await app.database.setQueryOnlyForTests(true)
                try await client.execute(uri: "/health/ready", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(response.text.contains("\"database\":\"unwritable\""))
                }
                try await app.database.setQueryOnlyForTests(false)
                try await client.execute(uri: "/health/ready", method: .get) { #expect($0.status == .ok) }
            }
        }
    }

    @Test("announces maintenance with a banner, then closes the applications while it runs")
    func maintenance() async throws {
        let clock = TestClock()
        try await withProduct(clock: clock) { app in
            let start = clock.now.addingTimeInterval(2 * 24 * 3600)
            try await app.maintenance.announce(from: start, until: start.addingTimeInterval(4 * 3600))
            try await app.makeApplication().test(.router) { client in
                try await client.execute(uri: "/?lang=en", method: .get) { response in
                    #expect(response.text.contains("Announced maintenance"))
                }
                try await client.execute(uri: "/contact?lang=en", method: .get) { #expect($0.status == .ok) }

                clock.advance(by: 2 * 24 * 3600 + 60)
                try await client.execute(uri: "/contact?lang=nl", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(response.text.contains("Onderhoud bezig"))
                    #expect(response.headers[.retryAfter] != nil)
                }
                // The portal, its help and the health checks stay up.
                try await client.execute(uri: "/help", method: .get) { #expect($0.status == .ok) }
                try await client.execute(uri: "/health/ready", method: .get) { #expect($0.status == .ok) }

                try await app.maintenance.end(cancelUpcoming: false)
                try await client.execute(uri: "/contact", method: .get) { #expect($0.status == .ok) }
            }
        }
    }

    @Test("cannot schedule a window that ends before it starts")
    func maintenanceValidation() async throws {
        try await withProduct { app in
            await #expect(throws: MaintenanceError.endsBeforeStart) {
                try await app.maintenance.announce(from: Date().addingTimeInterval(100), until: Date())
            }
        }
    }
}

@Suite("The built-in applications' registrations")
struct BuiltInApplicationsTests {
    @Test("an application whose secret file was lost gets a new secret on the next start, and the gateway knows it")
    func lostSecretFile() async throws {
        try await withProduct { app in
            let application = BuiltInApplications.all[0]
            let path = BuiltInApplications.secretPath(application, dataDirectory: app.configuration.dataDirectory)
            let first = try String(contentsOfFile: path, encoding: .utf8)
            try FileManager.default.removeItem(atPath: path)
            try await BuiltInApplications.register(with: app.gateway.clients, database: app.database, configuration: app.configuration)
            let second = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!second.isEmpty && second != first)
            let client = try #require(try await app.gateway.clients.list().first { $0.clientID == application.clientID })
            #expect(client.secretHash == SecureRandom.digest(second))
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        }
    }
}

extension PersoDatabase {
    /// SQLite only: every connection refuses writes (`query_only`), as a read-only data directory does, since a file
    /// cannot be made read-only under a connection that is already open.
    func setQueryOnlyForTests(_ on: Bool) async throws {
        for loop in MultiThreadedEventLoopGroup.singleton.makeIterator() {
            let connection = databases.database(logger: Logger(label: "test"), on: loop)! as! any SQLDatabase
            try await connection.raw("PRAGMA query_only=\(unsafeRaw: on ? "1" : "0")").run()
        }
    }
}
