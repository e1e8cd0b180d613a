import CArgon2
import Foundation
import PersoCore

/// Argon2id (RFC 9106) from Debian's libargon2, at OWASP's recommended parameters (19 MiB, 2 passes, 1 lane),
/// stored as PHC strings (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`). A stored hash made with other
/// parameters still verifies, and `needsRehash` tells the caller to store a fresh one at login.
public struct PasswordHasher: Sendable {
    public var memoryKiB: UInt32 = 19_456
    public var iterations: UInt32 = 2
    public var parallelism: UInt32 = 1
    static let saltLength = 16
    static let hashLength = 32

    public init() {}

    public init(memoryKiB: UInt32, iterations: UInt32, parallelism: UInt32) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.parallelism = parallelism
    }

    public func hash(_ password: String) -> String {
        var salt = [UInt8](repeating: 0, count: Self.saltLength)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = UInt8.random(in: .min ... .max, using: &generator) }
        let encodedLength = argon2_encodedlen(iterations, memoryKiB, parallelism, UInt32(Self.saltLength), UInt32(Self.hashLength), Argon2_id)
        var encoded = [CChar](repeating: 0, count: encodedLength)
        let bytes = Array(password.utf8)
        let result = argon2id_hash_encoded(iterations, memoryKiB, parallelism, bytes, bytes.count, salt, salt.count,
                                           Self.hashLength, &encoded, encodedLength)
        // Only a programming error (parameters out of range) or memory exhaustion can fail here.
        precondition(result == ARGON2_OK.rawValue, "argon2id_hash_encoded failed: \(String(cString: argon2_error_message(result)))")
        return String(cString: encoded)
    }

    /// True when `password` matches the PHC string; false for a mismatch or a malformed hash.
    public func verify(_ password: String, against phc: String) -> Bool {
        guard phc.hasPrefix("$argon2id$") else { return false }
        let bytes = Array(password.utf8)
        return argon2id_verify(phc, bytes, bytes.count) == ARGON2_OK.rawValue
    }

    /// The stored hash was made with other parameters than today's.
    public func needsRehash(_ phc: String) -> Bool {
        !phc.hasPrefix("$argon2id$v=19$m=\(memoryKiB),t=\(iterations),p=\(parallelism)$")
    }

    /// Checked against when the username is unknown, so both answers take the same time (no user enumeration).
    public static let decoy: String = PasswordHasher().hash(SecureRandom.token(bytes: 16))
}
