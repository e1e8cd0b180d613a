import Foundation
import Hummingbird
import HummingbirdTesting
import PersoCore
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
