import Foundation
import PersoCore
@testable import Gateway
import Testing

/// The gateway writes its tokens' claims and the userinfo answer by hand (JSONEncoder was too slow for every token).
/// What it writes must be exactly what the types' `Codable` conformance says, member for member — a claim forgotten
/// in the hand-written list (the interop run caught `surname` missing from ID tokens once) fails here first.
@Suite("Token claims written by hand say what Codable says")
struct TokenClaimsJSONTests {
    func person() throws -> Person {
        Person(nrn: try NationalRegisterNumber("85073003328"), givenName: "Zoë \"Z\"", surname: "D'Hondt\\Ü",
               preferredLanguage: .nl, email: "zoe@example.be")
    }

    func object(_ json: String) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary)
    }

    func encoded(_ value: some Encodable) throws -> NSDictionary {
        try object(String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
    }

    @Test("an ID token with every claim, an access token and a userinfo answer, for each set of scopes")
    func everyClaim() throws {
        let everything = PersonClaims(person: try person(), roles: ["bosa:employee", "fin:manager"])
        for scopes: Set<String> in [["openid"], ["openid", "profile"], ["openid", "profile", "email", "egovnrn", "roles"]] {
            let identity = everything.limited(to: scopes)
            var id = IDTokenClaims(iss: "https://fas.example/fas/oauth2", sub: "s-1", aud: "app", exp: 2_000_000_600, iat: 2_000_000_000,
                                   auth_time: 1_999_999_000, nonce: "n\u{1}", acr: "urn:be:fedict:iam:fas:Level300", amr: ["pwd", "otp"],
                                   sid: "sid-1", azp: "app")
            id.at_hash = "hash"
            id.identity = identity
            #expect(try object(id.json) == encoded(id), "ID token, scopes \(scopes.sorted())")
            let userinfo = UserInfoResponse(sub: "s-1", identity: identity)
            #expect(try object(userinfo.json) == encoded(UserInfoShape(sub: "s-1", identity: identity)), "userinfo, scopes \(scopes.sorted())")
        }
        let bare = IDTokenClaims(iss: "i", sub: "s", aud: "a", exp: 2, iat: 1, auth_time: 1, nonce: nil, acr: "x", amr: [], sid: nil, azp: "a")
        #expect(try object(bare.json) == encoded(bare), "absent optional claims are left out, as encodeIfPresent does")
        let access = AccessTokenClaims(iss: "i", sub: "s", aud: "a", client_id: "a", exp: 2, iat: 1, jti: "j", scope: "openid profile",
                                       acr: "x", gid: UUID().uuidString)
        #expect(try object(access.json) == encoded(access))
    }

    /// The userinfo answer as `Codable` would write it: `sub` beside the identity's members.
    struct UserInfoShape: Encodable {
        let sub: String
        let identity: PersonClaims
        enum CodingKeys: String, CodingKey { case sub }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(sub, forKey: .sub)
            try identity.encode(to: encoder)
        }
    }
}
