import Crypto
import Foundation
import PersoCore

/// A card of 24 numbered six-digit codes. The codes are shown once (to print) and stored only as hashes.
/// (Six digits hashed are not safe from someone holding the database, no more than an authenticator's secret
/// is; what protects them online is one random position per login and the brute-force guard.)
struct TokenCard: Sendable {
    static let size = 24
    let codes: [String]

    static func issue() -> TokenCard {
        TokenCard(codes: (0..<size).map { _ in SecureRandom.digits(6) })
    }

    static func hash(_ code: String, position: Int, salt: Data) -> String {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: Data("\(position):\(code)".utf8))
        return SecureRandom.hex(hasher.finalize())
    }

    /// A position to ask, at random, never the one asked last time.
    static func position(after last: Int?) -> Int {
        var generator = SystemRandomNumberGenerator()
        while true {
            let position = Int.random(in: 1...size, using: &generator)
            if position != last { return position }
        }
    }
}
