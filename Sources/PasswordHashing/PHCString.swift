import Foundation

/// An Argon2id hash in the PHC string format, `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`, salt and hash
/// in base64 without padding, as libargon2 writes it.
struct PHCString: Equatable {
    var memoryKiB: UInt32
    var iterations: UInt32
    var parallelism: UInt32
    var salt: [UInt8]
    var hash: [UInt8]

    static let version: UInt32 = 0x13
}

// In an extension, so the struct keeps its memberwise initialiser.
extension PHCString {
    /// Nil for anything that is not a well-formed version-19 Argon2id string with sane parameters.
    init?(_ text: String) {
        let parts = text.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].isEmpty, parts[1] == "argon2id", parts[2] == "v=19" else { return nil }
        var parameters: [Substring: UInt32] = [:]
        for pair in parts[3].split(separator: ",") {
            let keyValue = pair.split(separator: "=", maxSplits: 1)
            guard keyValue.count == 2, let value = UInt32(keyValue[1]) else { return nil }
            parameters[keyValue[0]] = value
        }
        guard parameters.count == 3, let m = parameters["m"], let t = parameters["t"], let p = parameters["p"],
              (8...4_194_304).contains(m), (1...100).contains(t), (1...64).contains(p), m >= 8 * p,
              let salt = Self.decode(parts[4]), salt.count >= 8, let hash = Self.decode(parts[5]), hash.count >= 16 else { return nil }
        self.init(memoryKiB: m, iterations: t, parallelism: p, salt: salt, hash: hash)
    }

    var text: String {
        "$argon2id$v=19$m=\(memoryKiB),t=\(iterations),p=\(parallelism)$\(Self.encode(salt))$\(Self.encode(hash))"
    }

    private static func encode(_ bytes: [UInt8]) -> String {
        var text = Data(bytes).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }

    private static func decode(_ text: Substring) -> [UInt8]? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "/") }) else { return nil }
        let padded = String(text) + String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: padded).map { [UInt8]($0) }
    }
}
