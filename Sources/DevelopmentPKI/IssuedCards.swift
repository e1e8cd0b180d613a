import Foundation

/// What the development Citizen CA has issued and revoked: the OCSP responder's source of truth. A JSON file
/// beside the certificates, read on every OCSP request, so `persopoint pki revoke` takes effect on a running
/// server at once.
struct IssuedCards: Sendable {
    let file: URL

    struct Card: Codable, Sendable, Equatable {
        /// The certificate's serial number, lowercase hex without leading zeros.
        let serial: String
        let nrn: String
        let issuedAt: Date
        let notAfter: Date
        var revokedAt: Date?
    }

    func all() throws -> [Card] {
        guard let data = try? Data(contentsOf: file) else { return [] }
        return try Self.decoder.decode([Card].self, from: data)
    }

    func card(serial: String) throws -> Card? {
        try all().first { $0.serial == serial }
    }

    func add(_ card: Card) throws {
        try save(all() + [card])
    }

    /// Revokes every card of this number; returns how many were revoked now.
    func revoke(nrn: String, at now: Date) throws -> Int {
        var cards = try all()
        var count = 0
        for index in cards.indices where cards[index].nrn == nrn && cards[index].revokedAt == nil {
            cards[index].revokedAt = now
            count += 1
        }
        try save(cards)
        return count
    }

    private func save(_ cards: [Card]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(cards).write(to: file, options: .atomic)
    }

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    static func hex(_ bytes: some Collection<UInt8>) -> String {
        let text = bytes.map { String(format: "%02x", $0) }.joined().drop { $0 == "0" }
        return text.isEmpty ? "0" : String(text)
    }
}
