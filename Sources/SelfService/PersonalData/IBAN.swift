/// An International Bank Account Number, checked as ISO 13616 says: country letters, two check digits that make
/// the number ≡ 1 (mod 97), and the country's length where we know it. Stored without spaces, shown in fours.
struct IBAN: Sendable, Equatable {
    let electronic: String

    /// Lengths of the countries whose accounts Belgian civil servants most often have.
    static let lengths: [String: Int] = ["BE": 16, "NL": 18, "FR": 27, "DE": 22, "LU": 20, "ES": 24, "IT": 27, "PT": 25, "AT": 20, "IE": 22, "GB": 22]

    init?(_ text: String) {
        let compact = text.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        guard (15...34).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        let country = String(compact.prefix(2))
        guard country.allSatisfy(\.isLetter), compact.dropFirst(2).prefix(2).allSatisfy(\.isNumber) else { return nil }
        if let length = Self.lengths[country], compact.count != length { return nil }
        // Move the first four characters to the end, letters become 10…35, and take the remainder piece by piece.
        let rearranged = compact.dropFirst(4) + compact.prefix(4)
        var remainder = 0
        for character in rearranged {
            let value = character.isNumber ? Int(String(character))! : Int(character.asciiValue! - 55)
            remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97
        }
        guard remainder == 1 else { return nil }
        electronic = compact
    }

    /// Groups of four, as printed on cards and statements.
    var printed: String {
        stride(from: 0, to: electronic.count, by: 4).map { start in
            let from = electronic.index(electronic.startIndex, offsetBy: start)
            let to = electronic.index(from, offsetBy: min(4, electronic.count - start))
            return String(electronic[from..<to])
        }.joined(separator: " ")
    }
}
