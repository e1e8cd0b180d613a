import Crypto
import Foundation
import PersoCore
import SwiftASN1
import X509

/// Issues authentication certificates shaped like the Belgian eID card's: subject C=BE, CN "Given Surname
/// (Authentication)", SN, GN and serialNumber = the national register number; digital signature and client
/// authentication; the OCSP responder in the authority information access. Each card is written as PEM (for
/// curl and Playwright) and as a password-protected PKCS#12 file (for importing into a browser).
extension DevelopmentPKI {
    public struct IssuedCard: Codable, Sendable {
        public let nrn: String
        public let givenName: String
        public let surname: String
        public let serial: String
        public let certificate: String
        public let key: String
        public let pkcs12: String
        public let password: String
    }

    /// The PIN-like password of the PKCS#12 files, unless another is asked for.
    public static let defaultCardPassword = "1234"

    public func issueCard(nrn text: String, givenName: String, surname: String, ocspURL: String,
                          password: String = defaultCardPassword, now: Date = Date()) throws -> IssuedCard {
        guard exists else { throw DevelopmentPKIError.notInitialised(directory.path) }
        guard let nrn = try? NationalRegisterNumber(text) else { throw DevelopmentPKIError.invalidNationalNumber(text) }
        let authority = try citizenCA()
        let key = P256.Signing.PrivateKey()
        let subject = try DistinguishedName([
            RelativeDistinguishedName(.init(type: .RDNAttributeType.countryName, printableString: "BE")),
            RelativeDistinguishedName(.init(type: .RDNAttributeType.commonName, utf8String: "\(givenName) \(surname) (Authentication)")),
            RelativeDistinguishedName(.init(type: Self.surnameOID, utf8String: surname)),
            RelativeDistinguishedName(.init(type: Self.givenNameOID, utf8String: givenName)),
            RelativeDistinguishedName(.init(type: Self.serialNumberOID, printableString: nrn.digits)),
        ])
        let certificate = try Self.issue(
            subject, key: key, issuer: authority.certificate.subject, signedBy: authority.key, from: now, lifetime: 10 * Self.year,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.clientAuth])
                AuthorityInformationAccess([.init(method: .ocspServer, location: .uniformResourceIdentifier(ocspURL))])
                AuthorityKeyIdentifier(keyIdentifier: Self.keyIdentifier(authority.key.publicKey))
            }
        )

        try FileManager.default.createDirectory(at: cardsDirectory, withIntermediateDirectories: true)
        let certificateFile = cardsDirectory.appendingPathComponent("\(nrn.digits).pem")
        let keyFile = cardsDirectory.appendingPathComponent("\(nrn.digits).key")
        let pkcs12File = cardsDirectory.appendingPathComponent("\(nrn.digits).p12")
        try Self.write(certificate: certificate, to: certificateFile)
        try Self.write(key: key, to: keyFile)
        // Registered before the PKCS#12 is written: a card on disk is always one the OCSP responder knows.
        let serialHex = IssuedCards.hex(certificate.serialNumber.bytes)
        try registry.add(.init(serial: serialHex, nrn: nrn.digits, issuedAt: now, notAfter: certificate.notValidAfter, revokedAt: nil))
        try PKCS12Export.write(certificate: certificateFile, key: keyFile, chain: citizenCACertificateFile,
                               name: "\(givenName) \(surname) (Authentication)", password: password, to: pkcs12File)
        return IssuedCard(nrn: nrn.digits, givenName: givenName, surname: surname, serial: serialHex,
                          certificate: certificateFile.path, key: keyFile.path, pkcs12: pkcs12File.path, password: password)
    }

    /// Whether a complete card (down to its PKCS#12 file) was issued for this number; a `--dev` start issues the
    /// demo cards once, and again for one whose export failed.
    public func hasCard(nrn: String) -> Bool {
        FileManager.default.fileExists(atPath: cardsDirectory.appendingPathComponent("\(nrn).p12").path)
    }

    /// Revokes every card issued for the number; the OCSP responder answers "revoked" from now on.
    public func revoke(nrn text: String, now: Date = Date()) throws -> Int {
        guard exists else { throw DevelopmentPKIError.notInitialised(directory.path) }
        guard let nrn = try? NationalRegisterNumber(text) else { throw DevelopmentPKIError.invalidNationalNumber(text) }
        let count = try registry.revoke(nrn: nrn.digits, at: now)
        let known = try registry.all().contains { $0.nrn == nrn.digits }
        guard count > 0 || known else { throw DevelopmentPKIError.noCard(nrn.digits) }
        return count
    }

    static let surnameOID: ASN1ObjectIdentifier = [2, 5, 4, 4]
    static let givenNameOID: ASN1ObjectIdentifier = [2, 5, 4, 42]
    static let serialNumberOID: ASN1ObjectIdentifier = [2, 5, 4, 5]
}
