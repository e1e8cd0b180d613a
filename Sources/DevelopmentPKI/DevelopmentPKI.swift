import Crypto
import Foundation
import SwiftASN1
import X509

/// A certificate authority for development and demonstration, shaped like the Belgian eID one: a root, a "Citizen
/// CA" issuing authentication certificates, the eID listener's server certificate and an OCSP signer. It lives in
/// `<data>/pki` as PEM files, so the gateway trusts it exactly as it would trust the real Belgium Root CAs.
public struct DevelopmentPKI: Sendable {
    public let directory: URL

    /// The files a deployment would configure for the real PKI, named as the gateway's settings expect.
    public var rootCertificateFile: URL { directory.appendingPathComponent("root-ca.pem") }
    public var citizenCACertificateFile: URL { directory.appendingPathComponent("citizen-ca.pem") }
    var citizenCAKeyFile: URL { directory.appendingPathComponent("citizen-ca.key") }
    public var serverCertificateFile: URL { directory.appendingPathComponent("server.pem") }
    public var serverKeyFile: URL { directory.appendingPathComponent("server.key") }
    var ocspCertificateFile: URL { directory.appendingPathComponent("ocsp.pem") }
    var ocspKeyFile: URL { directory.appendingPathComponent("ocsp.key") }
    var cardsDirectory: URL { directory.appendingPathComponent("cards") }
    var registry: IssuedCards { IssuedCards(file: directory.appendingPathComponent("issued.json")) }

    public static let ocspPath = "/pki/ocsp"

    public init(dataDirectory: String) {
        directory = URL(fileURLWithPath: dataDirectory).appendingPathComponent("pki")
    }

    /// Whether `pki init` (or a `--dev` start) has created this PKI.
    public var exists: Bool {
        [rootCertificateFile, citizenCACertificateFile, citizenCAKeyFile, serverCertificateFile, serverKeyFile, ocspCertificateFile, ocspKeyFile]
            .allSatisfy { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Creates the authorities and certificates that are missing; keeps what exists, so cards already imported
    /// into browsers stay valid. Returns whether anything was created.
    @discardableResult
    public func initialise(now: Date = Date()) throws -> Bool {
        guard !exists else { return false }
        try FileManager.default.createDirectory(at: cardsDirectory, withIntermediateDirectories: true)
        try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)

        let rootKey = P256.Signing.PrivateKey()
        let rootName = try Self.authorityName("PersoPoint Development Root CA")
        let root = try Self.issue(
            rootName, key: rootKey, issuer: rootName, signedBy: rootKey, from: now, lifetime: 20 * Self.year,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 1))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(keyIdentifier: Self.keyIdentifier(rootKey.publicKey))
            }
        )

        let caKey = P256.Signing.PrivateKey()
        let caName = try Self.authorityName("PersoPoint Development Citizen CA")
        let citizenCA = try Self.issue(
            caName, key: caKey, issuer: rootName, signedBy: rootKey, from: now, lifetime: 15 * Self.year,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(keyIdentifier: Self.keyIdentifier(caKey.publicKey))
                AuthorityKeyIdentifier(keyIdentifier: Self.keyIdentifier(rootKey.publicKey))
            }
        )

        // The listener's certificate: issued by the root, for the names a developer's browser uses.
        let serverKey = P256.Signing.PrivateKey()
        let server = try Self.issue(
            try DistinguishedName { CountryName("BE"); OrganizationName("PersoPoint development"); CommonName("localhost") },
            key: serverKey, issuer: rootName, signedBy: rootKey, from: now, lifetime: 397 * 86_400,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames([
                    .dnsName("localhost"),
                    .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                    .ipAddress(ASN1OctetString(contentBytes: ArraySlice(repeating: 0, count: 15) + [1])),
                ])
                AuthorityKeyIdentifier(keyIdentifier: Self.keyIdentifier(rootKey.publicKey))
            }
        )

        // A delegated OCSP signer (RFC 6960 §4.2.2.2), as the real Citizen CAs use.
        let ocspKey = P256.Signing.PrivateKey()
        let ocsp = try Self.issue(
            try Self.authorityName("PersoPoint Development OCSP Responder"),
            key: ocspKey, issuer: caName, signedBy: caKey, from: now, lifetime: 5 * Self.year,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.ocspSigning])
                AuthorityKeyIdentifier(keyIdentifier: Self.keyIdentifier(caKey.publicKey))
            }
        )

        try Self.write(certificate: root, to: rootCertificateFile)
        try Self.write(certificate: citizenCA, to: citizenCACertificateFile)
        try Self.write(key: caKey, to: citizenCAKeyFile)
        try Self.write(certificate: server, to: serverCertificateFile)
        try Self.write(key: serverKey, to: serverKeyFile)
        try Self.write(certificate: ocsp, to: ocspCertificateFile)
        try Self.write(key: ocspKey, to: ocspKeyFile)
        return true
    }

    // MARK: Reading the authorities back

    struct Authority {
        let certificate: Certificate
        let key: P256.Signing.PrivateKey
    }

    func citizenCA() throws -> Authority {
        try Authority(certificate: Self.readCertificate(citizenCACertificateFile), key: Self.readKey(citizenCAKeyFile))
    }

    func ocspSigner() throws -> Authority {
        try Authority(certificate: Self.readCertificate(ocspCertificateFile), key: Self.readKey(ocspKeyFile))
    }

    // MARK: Helpers

    /// A certificate valid from an hour ago (clocks differ a little), signed with ECDSA-SHA256 by the issuer's key.
    static func issue(_ subject: DistinguishedName, key: P256.Signing.PrivateKey, issuer: DistinguishedName, signedBy issuerKey: P256.Signing.PrivateKey,
                      from now: Date, lifetime: TimeInterval, extensions: Certificate.Extensions) throws -> Certificate {
        try Certificate(
            version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(lifetime),
            issuer: issuer, subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions, issuerPrivateKey: .init(issuerKey)
        )
    }

    static let year: TimeInterval = 365.25 * 86_400

    static func authorityName(_ commonName: String) throws -> DistinguishedName {
        try DistinguishedName { CountryName("BE"); OrganizationName("PersoPoint development"); CommonName(commonName) }
    }

    /// RFC 5280 §4.2.1.2 method 1: SHA-1 of the subject public key's bits.
    static func keyIdentifier(_ key: P256.Signing.PublicKey) -> ArraySlice<UInt8> {
        ArraySlice(Insecure.SHA1.hash(data: key.x963Representation))
    }

    static func readCertificate(_ file: URL) throws -> Certificate {
        try Certificate(pemEncoded: String(contentsOf: file, encoding: .utf8))
    }

    static func readKey(_ file: URL) throws -> P256.Signing.PrivateKey {
        try P256.Signing.PrivateKey(pemRepresentation: String(contentsOf: file, encoding: .utf8))
    }

    static func write(certificate: Certificate, to file: URL) throws {
        try Data(certificate.serializeAsPEM().pemString.utf8 + [0x0A]).write(to: file, options: .atomic)
    }

    /// Private keys are readable by their owner only.
    static func write(key: P256.Signing.PrivateKey, to file: URL) throws {
        try Data(key.pemRepresentation.utf8 + [0x0A]).write(to: file, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    }
}

public enum DevelopmentPKIError: Error, CustomStringConvertible {
    case notInitialised(String)
    case invalidNationalNumber(String)
    case noCard(String)
    case pkcs12(String)

    public var description: String {
        switch self {
        case .notInitialised(let path): "no development PKI in \(path): run `persopoint pki init` first"
        case .invalidNationalNumber(let nrn): "\(nrn) is not a national register number (11 digits with a valid check number)"
        case .noCard(let nrn): "no card was issued for \(nrn)"
        case .pkcs12(let reason): "could not write the PKCS#12 file: \(reason)"
        }
    }
}
