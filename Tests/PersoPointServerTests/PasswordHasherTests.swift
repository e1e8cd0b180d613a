@testable import Gateway
import PasswordHashing
import PersoCore
import Testing

@Suite("Passwords are hashed with Argon2id")
struct PasswordHasherTests {
    @Test("a hash is a PHC string at OWASP parameters that verifies only the right password")
    func hashAndVerify() {
        let hasher = PasswordHasher()
        let phc = hasher.hash("correct horse battery staple")
        #expect(phc.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(hasher.verify("correct horse battery staple", against: phc))
        #expect(!hasher.verify("correct horse battery stapler", against: phc))
        #expect(!hasher.verify("", against: phc))
        #expect(hasher.hash("same") != hasher.hash("same"), "each hash has its own salt")
    }

    @Test("a hash made with older parameters still verifies and asks to be replaced")
    func rehash() {
        let old = PasswordHasher(memoryKiB: 4096, iterations: 1, parallelism: 1).hash("Demo-Sophie-2026!")
        let current = PasswordHasher()
        #expect(current.verify("Demo-Sophie-2026!", against: old))
        #expect(current.needsRehash(old))
        #expect(!current.needsRehash(current.hash("x")))
    }

    @Test("hashes written by libargon2's own encoder (argon2id_hash_encoded) verify, and only with their password")
    func libargon2Interop() {
        let hasher = PasswordHasher()
        let written = "$argon2id$v=19$m=19456,t=2,p=1$UGVyc29Qb2ludC1zYWx0IQ$k/RkG8FrNQU607M3TrALjZde05Ak5rqwo6adVBOqM1E"
        #expect(hasher.verify("Demo-Sophie-2026!", against: written))
        #expect(!hasher.verify("Demo-Sophie-2026?", against: written))
        let older = "$argon2id$v=19$m=4096,t=1,p=1$UGVyc29Qb2ludC1zYWx0IQ$mktHzO7jYqQOAZvgbnLOy6ARoiPor/0sTZATpW8mL/w"
        #expect(hasher.verify("Demo-Sophie-2026!", against: older))
        let tampered = "$argon2id$v=19$m=4096,t=1,p=1$UGVyc29Qb2ludC1zYWx0IQ$nktHzO7jYqQOAZvgbnLOy6ARoiPor/0sTZATpW8mL/w"
        #expect(!hasher.verify("Demo-Sophie-2026!", against: tampered))
    }

    @Test("malformed stored hashes and the decoy never match")
    func malformed() {
        let hasher = PasswordHasher()
        #expect(!hasher.verify("x", against: "$2b$12$notargon"))
        #expect(!hasher.verify("x", against: "$argon2id$garbage"))
        #expect(!hasher.verify("x", against: "$argon2id$v=19$m=0,t=2,p=1$UGVyc29Qb2ludC1zYWx0IQ$k/RkG8FrNQU607M3TrALjZde05Ak5rqwo6adVBOqM1E"))
        #expect(!hasher.verify("x", against: "$argon2i$v=19$m=19456,t=2,p=1$UGVyc29Qb2ludC1zYWx0IQ$k/RkG8FrNQU607M3TrALjZde05Ak5rqwo6adVBOqM1E"))
        #expect(!hasher.verify("", against: PasswordHasher.decoy))
    }
}

@Suite("Levels of assurance")
struct LevelOfAssuranceTests {
    @Test("acr values are read as FAS levels and the lowest known one is the minimum")
    func acrValues() {
        #expect(LevelOfAssurance(acr: "urn:be:fedict:iam:fas:Level450") == .level450)
        #expect(LevelOfAssurance(acr: "urn:be:fedict:iam:fas:Level999") == nil)
        #expect(LevelOfAssurance.minimum(acrValues: "urn:x urn:be:fedict:iam:fas:Level400 urn:be:fedict:iam:fas:Level300") == .level300)
        #expect(LevelOfAssurance.minimum(acrValues: "nonsense") == nil)
        #expect(PasswordKey.profile.level == .level200 && CardReaderKey.profile.level == .level500)
    }
}
