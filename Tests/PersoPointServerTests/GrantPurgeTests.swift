import FluentKit
import Foundation
@testable import Gateway
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import PersoCore
@testable import PersoPointServer
import Testing

@Suite("The gateway's grants table stays bounded")
struct GrantPurgeTests {
    private static let basic = Data("batch-job:batch-secret-2026".utf8).base64EncodedString()

    private func registerBatchJob(_ app: PersoPointApp) async throws {
        var machine = ClientRegistry.Registration(clientID: "batch-job", name: "Batch job", authMethod: .clientSecretBasic, redirectURIs: [])
        machine.grantTypes = ["client_credentials"]
        machine.scopes = ["roles"]
        try await app.gateway.clients.add(machine, secret: "batch-secret-2026")
    }

    private func askToken(_ client: any TestClientProtocol) async throws -> String {
        try await client.execute(uri: "/fas/oauth2/access_token", method: .post,
                                 headers: [.contentType: "application/x-www-form-urlencoded", .authorization: "Basic \(Self.basic)"],
                                 body: ByteBuffer(string: "grant_type=client_credentials&scope=roles")) { response in
            try #require((try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["access_token"] as? String)
        }
    }

    private func grants(of clientID: String, _ app: PersoPointApp) async throws -> Int {
        try await GrantRecord.query(on: app.database.db).filter(\.$clientID == clientID).count()
    }

    @Test("a batch job's tokens of one window share one grant, which goes once they have all expired; a grant with a live refresh token stays")
    func spentGrantsArePurged() async throws {
        let clock = TestClock()
        try await withProduct(clock: clock) { app in
            try await registerBatchJob(app)
            try await app.makeApplication().test(.router) { client in
                let window = TokenService.standingGrantWindow
                let firstWindow = (clock.now.timeIntervalSince1970 / window).rounded(.down) * window
                /// Moves the clock to this many seconds after the first window's start.
                func at(_ offset: TimeInterval) {
                    clock.advance(by: firstWindow + offset - clock.now.timeIntervalSince1970)
                }
                var tokens: [String] = []
                for _ in 1...3 { tokens.append(try await askToken(client)) }
                #expect(Set(tokens).count == 3)
                #expect(try await grants(of: "batch-job", app) == 1, "one row for the window, not one per token")
                // The next window, a grant of its own.
                at(window + 200)
                let later = try await askToken(client)
                #expect(try await grants(of: "batch-job", app) == 2)
                // A live refresh token keeps its grant, however old.
                let kept = GrantRecord()
                kept.clientID = "batch-job"
                kept.scopes = ["roles"]
                kept.acr = .level300
                kept.amr = []
                kept.authTime = 0
                kept.createdAt = clock.now
                try await kept.create(on: app.database.db)
                let refresh = RefreshTokenRecord()
                refresh.tokenHash = SecureRandom.digest(SecureRandom.token(bytes: 16))
                refresh.grantID = try kept.requireID()
                refresh.expiresAt = clock.now.addingTimeInterval(12 * 3600)
                try await refresh.create(on: app.database.db)

                #expect(try await app.gateway.tokens.purgeSpentGrants() == 0, "their access tokens still live")
                #expect(await app.gateway.tokens.verifyAccessToken(tokens[0]) != nil)
                // A window's grant issues tokens to its end, and they live 10 minutes; a minute more for clocks that differ.
                at(window + 600 + 60 + 1)
                #expect(try await app.gateway.tokens.purgeSpentGrants() == 1, "the first window's grant")
                #expect(await app.gateway.tokens.verifyAccessToken(tokens[0]) == nil)
                #expect(await app.gateway.tokens.verifyAccessToken(later) != nil)
                at(2 * window + 600 + 60 + 1)
                #expect(try await app.gateway.tokens.purgeSpentGrants() == 1, "the second window's grant")
                #expect(try await grants(of: "batch-job", app) == 1, "the one with a live refresh token")
            }
        }
    }

    @Test("revoking a batch job's token refuses it at once and for good, and the next tokens asked for share a new grant")
    func revokedWindowGrant() async throws {
        try await withProduct { app in
            try await registerBatchJob(app)
            try await app.makeApplication().test(.router) { client in
                let first = try await askToken(client)
                try await client.execute(uri: "/fas/oauth2/token/revoke", method: .post,
                                         headers: [.contentType: "application/x-www-form-urlencoded", .authorization: "Basic \(Self.basic)"],
                                         body: ByteBuffer(string: "token=\(first)")) { #expect($0.status == .ok) }
                #expect(await app.gateway.tokens.verifyAccessToken(first) == nil)
                // The purge runs in between: the revoked grant must not come back with the window's next token.
                _ = try await app.gateway.tokens.purgeSpentGrants()
                let next = try await askToken(client)
                #expect(await app.gateway.tokens.verifyAccessToken(next) != nil, "a new grant, not the revoked window's")
                #expect(await app.gateway.tokens.verifyAccessToken(first) == nil)
                let another = try await askToken(client)
                #expect(try await grants(of: "batch-job", app) == 2, "the window's next grant is shared again, not one row per token")
                #expect(await app.gateway.tokens.verifyAccessToken(another) != nil)
            }
        }
    }

    @Test("one person logging in to one application again and again keeps at most 50 live grants; the oldest are revoked and go")
    func grantsPerPersonAndClientAreBounded() async throws {
        try await withProduct { app in
            _ = try await app.gateway.seedDemoData()
            let person = try #require(try await Person.query(on: app.database.db).first())
            let now = Date()
            var made: [UUID] = []
            for n in 0..<(TokenService.liveGrantsPerPersonAndClient + 7) {
                let grant = GrantRecord()
                grant.clientID = "persopoint-selfservice"
                grant.personID = try person.requireID()
                grant.scopes = ["openid"]
                grant.acr = .level300
                grant.amr = ["pwd"]
                grant.authTime = Int(now.timeIntervalSince1970)
                grant.createdAt = now.addingTimeInterval(TimeInterval(n))
                try await grant.create(on: app.database.db)
                let refresh = RefreshTokenRecord()
                refresh.tokenHash = SecureRandom.digest(SecureRandom.token(bytes: 16))
                refresh.grantID = try grant.requireID()
                refresh.expiresAt = now.addingTimeInterval(12 * 3600)
                try await refresh.create(on: app.database.db)
                made.append(try grant.requireID())
            }
            #expect(try await app.gateway.tokens.purgeSpentGrants() == 7, "the 7 oldest grants' refresh tokens")
            let live = try await GrantRecord.query(on: app.database.db).filter(\.$personID == person.requireID())
                .filter(\.$clientID == "persopoint-selfservice").filter(\.$revokedAt == nil).all().compactMap(\.id)
            #expect(Set(live) == Set(made.suffix(TokenService.liveGrantsPerPersonAndClient)), "the newest 50")
            #expect(try await RefreshTokenRecord.query(on: app.database.db).filter(\.$grantID ~~ Array(made.prefix(7))).count() == 0)
        }
    }
}
