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
        let card = TokenCard.issue()
        try await personKeys.replaceCard(card, personID: personID)
        return .issued(Self.printableCard(card.codes, context: context))
    }

    func issue(to personID: UUID, account: String) async throws -> IssuedKey {
        let card = TokenCard.issue()
        try await personKeys.replaceCard(card, personID: personID)
        return IssuedKey(codes: card.codes)
    }

    func issueForDemo(to personID: UUID, account: String, seed: String, on db: any Database) async throws {
        try await personKeys.replaceCard(TokenCard(codes: Self.demoCodes(seed: seed)), personID: personID, on: db)
    }

    /// A demo person's card, derived like the demo passwords: known to anyone who reads this.
    static func demoCodes(seed: String) -> [String] {
        (1...TokenCard.size).map { position in
            let bytes = Array(SHA256.hash(data: Data("persopoint-demo-card:\(seed):\(position)".utf8)))
            return String(format: "%06d", (Int(bytes[0]) << 16 | Int(bytes[1]) << 8 | Int(bytes[2])) % 1_000_000)
        }
    }

    /// The 24 codes, shown this once: the page prints as a card (the stylesheet's print rules hide the rest).
    static func printableCard(_ codes: [String], context: PersoRequestContext) -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        let page = Page(title: texts.tokenCardTitle, headers: [.cacheControl: "no-store"], content: .div(
            .h1(.text(texts.tokenCardTitle)),
            .p(.class("lead"), .text(texts.tokenCardLead)),
            TokenCardSheet.node(codes),
            .p(.class("no-print"), .a(.href(GatewayPath.myKeys), .text(texts.keysBack)))
        ))
        return Layout.response(page, chrome: context.chrome)
    }
}
