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
    @Test("client-credentials grants go once their tokens have expired; a grant with a live refresh token stays")
    func spentGrantsArePurged() async throws {
        let clock = TestClock()
        try await withProduct(clock: clock) { app in
            var machine = ClientRegistry.Registration(clientID: "batch-job", name: "Batch job", authMethod: .clientSecretBasic, redirectURIs: [])
            machine.grantTypes = ["client_credentials"]
            machine.scopes = ["roles"]
            try await app.gateway.clients.add(machine, secret: "batch-secret-2026")
            try await app.makeApplication().test(.router) { client in
                let basic = Data("batch-job:batch-secret-2026".utf8).base64EncodedString()
                var tokens: [String] = []
                for _ in 1...3 {
                    let token = try await client.execute(uri: "/fas/oauth2/access_token", method: .post,
                                                         headers: [.contentType: "application/x-www-form-urlencoded", .authorization: "Basic \(basic)"],
                                                         body: ByteBuffer(string: "grant_type=client_credentials&scope=roles")) { response in
                        try #require((try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["access_token"] as? String)
                    }
                    tokens.append(token)
                }
                #expect(try await GrantRecord.query(on: app.database.db).filter(\.$clientID == "batch-job").count() == 3)
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
                // An access token lives 10 minutes; a minute more for clocks that differ.
                clock.advance(by: 12 * 60)
                let purged = try await app.gateway.tokens.purgeSpentGrants()
                #expect(purged == 3)
                #expect(try await GrantRecord.query(on: app.database.db).filter(\.$clientID == "batch-job").count() == 1)
                #expect(await app.gateway.tokens.verifyAccessToken(tokens[0]) == nil)
            }
        }
    }
}
