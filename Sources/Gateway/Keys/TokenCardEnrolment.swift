import Crypto
import FluentKit
import Foundation
import Hummingbird
import PersoCore
import Plot

/// A new token card: 24 codes, stored hashed with a fresh salt, shown once as a page that prints as a card.
struct TokenCardEnrolment: KeyEnrolment {
    let personKeys: PersonKeys

    func activate(personID: UUID, request: Request, context: PersoRequestContext) async throws -> EnrolmentOutcome {
        let codes = try await issue(TokenCard.issue(), to: personID, on: personKeys.database.db)
        return .issued(Self.printableCard(codes, context: context))
    }

    func issue(to personID: UUID, account: String) async throws -> IssuedKey {
        IssuedKey(codes: try await issue(TokenCard.issue(), to: personID, on: personKeys.database.db))
    }

    func issueForDemo(to personID: UUID, account: String, seed: String, on db: any Database) async throws {
        _ = try await issue(TokenCard(codes: Self.demoCodes(seed: seed)), to: personID, on: db)
    }

    /// A demo person's card, derived like the demo passwords: known to anyone who reads this.
    static func demoCodes(seed: String) -> [String] {
        (1...TokenCard.size).map { position in
            let bytes = Array(SHA256.hash(data: Data("persopoint-demo-card:\(seed):\(position)".utf8)))
            return String(format: "%06d", (Int(bytes[0]) << 16 | Int(bytes[1]) << 8 | Int(bytes[2])) % 1_000_000)
        }
    }

    private func issue(_ card: TokenCard, to personID: UUID, on db: any Database) async throws -> [String] {
        try await db.transaction { db in
            let salt = SecureRandom.bytes(16)
            let key = try await personKeys.replace(.token, personID: personID, on: db) { $0.cardSalt = salt }
            try await TokenCardCode.query(on: db).filter(\.$key.$id == key.id!).delete()
            for (index, code) in card.codes.enumerated() {
                try await TokenCardCode(keyID: key.id!, position: index + 1, codeHash: TokenCard.hash(code, position: index + 1, salt: salt)).create(on: db)
            }
            return card.codes
        }
    }

    /// The 24 codes, shown this once: the page prints as a card (the stylesheet's print rules hide the rest).
    static func printableCard(_ codes: [String], context: PersoRequestContext) -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        let page = Page(title: texts.tokenCardTitle, headers: [.cacheControl: "no-store"], content: .div(
            .h1(.text(texts.tokenCardTitle)),
            .p(.class("lead"), .text(texts.tokenCardLead)),
            .table(
                .id("token-card"), .class("token-card"),
                .tbody(.forEach(stride(from: 0, to: codes.count, by: 4).map { Array(codes.indices[$0..<min($0 + 4, codes.count)]) }) { row in
                    .tr(.forEach(row) { index in
                        .td(.span(.class("position"), .text("\(index + 1)")), .span(.class("token-code"), .text(codes[index])))
                    })
                })
            ),
            .p(.class("no-print"), .a(.href(GatewayPath.myKeys), .text(texts.keysBack)))
        ))
        return Layout.response(page, chrome: context.chrome)
    }
}
