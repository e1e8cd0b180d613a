import Crypto
@testable import DevelopmentPKI
import Foundation
@testable import Gateway
import HTTPTypes
import HummingbirdTesting
import PersoCore
import PersoPointServer
import SwiftASN1
import Testing
import X509

/// The eID card reader key: what each kind of bad certificate is told, and that the hand-off between the
/// listener's origin and the gateway's cannot be replayed. Real TLS handshakes (curl, openssl, Chromium) are in
/// tests/interop/test_eid.py and tests/e2e/test_eid_login.py.
@Suite struct CardReaderTests {
    /// A development PKI in a directory of its own, and certificates made with its Citizen CA's key.
    struct Authority {
        let pki: DevelopmentPKI
        let ca: DevelopmentPKI.Authority
        let root: Certificate

        init() throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("persopoint-pki-\(UUID().uuidString)")
            pki = DevelopmentPKI(dataDirectory: directory.path)
            try pki.initialise()
            ca = try pki.citizenCA()
            root = try DevelopmentPKI.readCertificate(pki.rootCertificateFile)
        }

        /// A card-like certificate; each parameter bends one thing a check looks at.
        func card(nrn: String = "85073003328", notBefore: Date = Date().addingTimeInterval(-3600), notAfter: Date = Date().addingTimeInterval(86_400),
                  digitalSignature: Bool = true, extendedUsage: [ExtendedKeyUsage.Usage] = [.clientAuth], ocsp: String? = "http://127.0.0.1:9/pki/ocsp",
                  issuerKey: P256.Signing.PrivateKey? = nil, issuerName: DistinguishedName? = nil, selfSigned: Bool = false) throws -> Certificate {
            let key = P256.Signing.PrivateKey()
            let subject = try DistinguishedName([
                RelativeDistinguishedName(.init(type: .RDNAttributeType.countryName, printableString: "BE")),
                RelativeDistinguishedName(.init(type: .RDNAttributeType.commonName, utf8String: "Emma Peeters (Authentication)")),
                RelativeDistinguishedName(.init(type: DevelopmentPKI.surnameOID, utf8String: "Peeters")),
                RelativeDistinguishedName(.init(type: DevelopmentPKI.givenNameOID, utf8String: "Emma")),
                RelativeDistinguishedName(.init(type: DevelopmentPKI.serialNumberOID, printableString: nrn)),
            ])
            return try Certificate(
                version: .v3, serialNumber: .init(), publicKey: .init(key.publicKey), notValidBefore: notBefore, notValidAfter: notAfter,
                issuer: selfSigned ? subject : (issuerName ?? ca.certificate.subject), subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.notCertificateAuthority)
                    Critical(KeyUsage(digitalSignature: digitalSignature, keyEncipherment: !digitalSignature))
                    try ExtendedKeyUsage(extendedUsage)
                    if let ocsp {
                        AuthorityInformationAccess([.init(method: .ocspServer, location: .uniformResourceIdentifier(ocsp))])
                    }
                },
                issuerPrivateKey: .init(selfSigned ? key : (issuerKey ?? ca.key))
            )
        }

        func check(hardFail: Bool = true) -> CardCertificateCheck {
            // Port 9 (discard) is closed here: an OCSP responder that cannot be reached.
            CardCertificateCheck(anchors: [root], intermediates: [ca.certificate], ocspOverride: nil, hardFail: hardFail)
        }
    }

    @Test func eachBadCertificateIsRefusedWithItsOwnReason() async throws {
        let authority = try Authority()
        let check = authority.check()
        func reason(_ certificate: Certificate) async -> CardRefusal? {
            if case .refused(let reason, _) = await check.check([certificate]) { return reason }
            return nil
        }
        #expect(await reason(try authority.card(notBefore: Date().addingTimeInterval(-10 * 86_400), notAfter: Date().addingTimeInterval(-86_400))) == .expired)
        #expect(await reason(try authority.card(notBefore: Date().addingTimeInterval(86_400), notAfter: Date().addingTimeInterval(10 * 86_400))) == .notYetValid)
        #expect(await reason(try authority.card(selfSigned: true)) == .selfSigned)
        #expect(await reason(try authority.card(digitalSignature: false)) == .wrongKeyUsage)
        #expect(await reason(try authority.card(extendedUsage: [.serverAuth])) == .wrongKeyUsage)
        let stranger = P256.Signing.PrivateKey()
        let strangerName = try DistinguishedName { CountryName("BE"); CommonName("Some Other CA") }
        #expect(await reason(try authority.card(issuerKey: stranger, issuerName: strangerName)) == .unknownIssuer)
        // Right issuer name, wrong key: a forged card does not chain either.
        #expect(await reason(try authority.card(issuerKey: stranger)) == .unknownIssuer)
        #expect(await reason(try authority.card(nrn: "85073003329")) == .invalidNumber)
        // A good card whose OCSP responder is down: refused under hard-fail, not let through.
        #expect(await reason(try authority.card()) == .revocationUnavailable)
        // A good card naming no OCSP responder cannot be checked either (swift-certificates would pass it silently).
        #expect(await reason(try authority.card(ocsp: nil)) == .revocationUnavailable)
        #expect(await check.check([]) == .refused(.noCertificate, detail: "no certificate presented"))
    }

    @Test func softFailLetsAGoodCardInWhenTheResponderIsDownAndNamesItsHolder() async throws {
        let authority = try Authority()
        let outcome = await authority.check(hardFail: false).check([try authority.card()])
        #expect(outcome == .accepted(CardHolder(nrn: "85073003328", givenName: "Emma", surname: "Peeters")))
    }

    @Test func theResponderAnswersGoodThenRevokedForAnIssuedCard() async throws {
        let authority = try Authority()
        let card = try authority.pki.issueCard(nrn: "85.07.30-033.28", givenName: "Emma", surname: "Peeters", ocspURL: "http://127.0.0.1:9/pki/ocsp")
        #expect(FileManager.default.fileExists(atPath: card.pkcs12))
        let certificate = try Certificate(pemEncoded: String(contentsOfFile: card.certificate, encoding: .utf8))
        #expect(CardHolder(subject: certificate.subject) == CardHolder(nrn: "85073003328", givenName: "Emma", surname: "Peeters"))
        #expect(CardCertificateCheck.keyUsageProblem(certificate) == nil)
        let responder = try OCSPResponder(pki: authority.pki, clock: { Date() })
        let request = try Self.ocspRequest(for: certificate, issuer: authority.ca.certificate)
        #expect(try Self.status(responder.answer(request)) == 0x80) // good [0]
        #expect(try authority.pki.revoke(nrn: "85073003328") == 1)
        #expect(try Self.status(responder.answer(request)) == 0xA1) // revoked [1]
        #expect(responder.answer([0x30, 0x03, 0x02, 0x01, 0x00]) == OCSPMessages.failure(.malformedRequest))
    }

    @Test func aCardResultIsUsedOnceAndOnlyInTheBrowserThatBegan() async throws {
        let authority = try Authority()
        try await withProduct(configure: { configuration in
            configuration.dataDirectory = authority.pki.directory.deletingLastPathComponent().path
            configuration.cardReader.port = nil // behind a proxy: no listener in this test
        }) { app in
            _ = try await app.gateway.seedDemoData()
            _ = try await GatewayLoginTests().registerApp(app, minimum: .level500)
            try await app.makeApplication().test(.router) { client in
                let browser = Browser(client)
                let chooser = try await browser.follow(GatewayLoginTests().authorizeURL())
                // Level500 asked: only the eID card reader is offered.
                #expect(chooser.text.contains("class=\"key\" href=\"/fas/login/eid?tx="))
                let transaction = String(browser.location.dropFirst("/fas/login?tx=".count).prefix { $0 != "&" })
                let insert = try await browser.get("/fas/login/eid?tx=\(transaction)")
                #expect(insert.status == .ok)
                let marker = try #require(insert.text.range(of: "/eid/identify?attempt="))
                let attempt = String(insert.text[marker.upperBound...].prefix { $0 != "\"" && $0 != "&" })
                // The header comes from no trusted proxy: it is ignored, as if no card were presented.
                let identified = try await browser.get("/eid/identify?attempt=\(attempt)", headers: [HTTPField.Name("X-SSL-Client-Cert")!: "garbage"])
                #expect(identified.status == .seeOther)
                let back = try #require(identified.headers[.location])
                #expect(back.contains("result="))
                let refused = try await browser.get(back)
                #expect(refused.text.contains("data-reason=\"no-certificate\""))
                let replayed = try await browser.get(back)
                #expect(replayed.text.contains("data-reason=\"handoff-invalid\""))
                // The same attempt cannot be answered twice either.
                let again = try await browser.get("/eid/identify?attempt=\(attempt)")
                let secondBack = try #require(again.headers[.location])
                #expect(!secondBack.contains("result="))
                let other = Browser(client)
                let foreign = try await other.get(back)
                #expect(foreign.text.contains("data-reason=\"handoff-invalid\""))
                #expect(foreign.status.code < 500)
            }
        }
    }

    // MARK: OCSP by hand, as a client would send it

    static func ocspRequest(for certificate: Certificate, issuer: Certificate) throws -> [UInt8] {
        var name = DER.Serializer()
        try name.serialize(issuer.subject)
        let issuerKey = try P256.Signing.PublicKey(pemRepresentation: issuer.publicKey.serializeAsPEM().pemString)
        var serializer = DER.Serializer()
        try serializer.appendConstructedNode(identifier: .sequence) { request in
            try request.appendConstructedNode(identifier: .sequence) { tbs in
                try tbs.appendConstructedNode(identifier: .sequence) { list in
                    try list.appendConstructedNode(identifier: .sequence) { single in
                        try single.appendConstructedNode(identifier: .sequence) { certID in
                            try certID.appendConstructedNode(identifier: .sequence) { try $0.serialize(OCSPMessages.sha1) }
                            try certID.serialize(ASN1OctetString(contentBytes: ArraySlice(Insecure.SHA1.hash(data: name.serializedBytes))))
                            try certID.serialize(ASN1OctetString(contentBytes: ArraySlice(Insecure.SHA1.hash(data: issuerKey.x963Representation))))
                            try certID.serialize(certificate.serialNumber.bytes)
                        }
                    }
                }
            }
        }
        return serializer.serializedBytes
    }

    /// The tag of the first SingleResponse's certStatus in a successful OCSP response.
    static func status(_ bytes: [UInt8]) throws -> UInt8 {
        let root = try DER.parse(bytes)
        guard case .constructed(let outer) = root.content else { throw ASN1Error.invalidASN1Object(reason: "response") }
        var items = outer.makeIterator()
        _ = items.next()
        guard let wrapped = items.next(), case .constructed(let explicit) = wrapped.content, let responseBytes = explicit.first(where: { _ in true }),
              case .constructed(let typed) = responseBytes.content else { throw ASN1Error.invalidASN1Object(reason: "responseBytes") }
        var typedItems = typed.makeIterator()
        _ = typedItems.next()
        let basic = try DER.parse(ASN1OctetString(derEncoded: typedItems.next()!).bytes)
        guard case .constructed(let basicItems) = basic.content, let data = basicItems.first(where: { _ in true }),
              case .constructed(let dataItems) = data.content else { throw ASN1Error.invalidASN1Object(reason: "basic") }
        var fields = dataItems.makeIterator()
        _ = fields.next(); _ = fields.next() // responderID, producedAt
        guard let responses = fields.next(), case .constructed(let list) = responses.content, let single = list.first(where: { _ in true }),
              case .constructed(let singleItems) = single.content else { throw ASN1Error.invalidASN1Object(reason: "responses") }
        var singles = singleItems.makeIterator()
        _ = singles.next() // certID
        guard let status = singles.next() else { throw ASN1Error.invalidASN1Object(reason: "certStatus") }
        return [0x80, 0xA1, 0x82][Int(status.identifier.tagNumber)]
    }
}
