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
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        var phc = PHCString(memoryKiB: memoryKiB, iterations: iterations, parallelism: parallelism, salt: salt, hash: [])
        // Only a programming error (parameters out of range) or memory exhaustion can fail here.
        guard let hash = Self.argon2id(password, as: phc, length: Self.hashLength) else { preconditionFailure("Argon2id failed") }
        phc.hash = hash
        return phc.text
    }

    /// True when `password` matches the PHC string; false for a mismatch or a malformed hash.
    public func verify(_ password: String, against stored: String) -> Bool {
        guard let phc = PHCString(stored), let hash = Self.argon2id(password, as: phc, length: phc.hash.count) else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(hash, phc.hash) { difference |= a ^ b }
        return difference == 0
    }

    /// One Argon2id computation through libargon2's context API, whose work area then comes from
    /// `Argon2WorkAreas` instead of malloc.
    static func argon2id(_ password: String, as phc: PHCString, length: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: length)
        var password = Array(password.utf8)
        var salt = phc.salt
        let result = out.withUnsafeMutableBufferPointer { out in
            password.withUnsafeMutableBufferPointer { password in
                salt.withUnsafeMutableBufferPointer { salt in
                    var context = argon2_context()
                    context.out = out.baseAddress
                    context.outlen = UInt32(out.count)
                    context.pwd = password.baseAddress
                    context.pwdlen = UInt32(password.count)
                    context.salt = salt.baseAddress
                    context.saltlen = UInt32(salt.count)
                    context.t_cost = phc.iterations
                    context.m_cost = phc.memoryKiB
                    context.lanes = phc.parallelism
                    context.threads = phc.parallelism
                    context.version = PHCString.version
                    context.allocate_cbk = Argon2WorkAreas.allocate
                    context.free_cbk = Argon2WorkAreas.free
                    context.flags = 0
                    return argon2_ctx(&context, Argon2_id)
                }
            }
        }
        return result == ARGON2_OK.rawValue ? out : nil
    }

    /// The stored hash was made with other parameters than today's.
    public func needsRehash(_ phc: String) -> Bool {
        !phc.hasPrefix("$argon2id$v=19$m=\(memoryKiB),t=\(iterations),p=\(parallelism)$")
    }

    /// Checked against when the username is unknown, so both answers take the same time (no user enumeration).
    public static let decoy: String = PasswordHasher().hash(SecureRandom.token(bytes: 16))
}
