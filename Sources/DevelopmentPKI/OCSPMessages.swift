import Crypto
import Foundation
import SwiftASN1
import X509

/// The parts of RFC 6960 the development responder speaks: it reads an OCSPRequest and writes a signed
/// BasicOCSPResponse. swift-certificates checks OCSP responses but keeps its message types internal, so the
/// responder encodes them here with SwiftASN1.
enum OCSPMessages {
    /// One certificate asked about, with its CertID kept as it came (echoed byte for byte in the answer).
    struct Question {
        let certID: ASN1Node
        let hashAlgorithm: ASN1ObjectIdentifier
        let issuerNameHash: ArraySlice<UInt8>
        let issuerKeyHash: ArraySlice<UInt8>
        let serialNumber: ArraySlice<UInt8>
    }

    struct Request {
        let questions: [Question]
        /// The nonce extension (RFC 8954), echoed so the client can bind the answer to its question.
        let nonceExtension: ASN1Node?
    }

    enum Status {
        case good
        case revoked(at: Date)
        case unknown
    }

    enum ResponseStatus: UInt8 {
        case successful = 0, malformedRequest = 1, internalError = 2, unauthorized = 6
    }

    static let sha1: ASN1ObjectIdentifier = [1, 3, 14, 3, 2, 26]
    static let sha256: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 1]
    static let nonce: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 48, 1, 2]
    static let basicResponse: ASN1ObjectIdentifier = [1, 3, 6, 1, 5, 5, 7, 48, 1, 1]
    static let ecdsaWithSHA256: ASN1ObjectIdentifier = [1, 2, 840, 10045, 4, 3, 2]

    // MARK: Reading a request

    static func parseRequest(_ bytes: [UInt8]) throws -> Request {
        let root = try DER.parse(bytes)
        return try DER.sequence(root, identifier: .sequence) { nodes in
            guard let tbs = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "no tbsRequest") }
            return try DER.sequence(tbs, identifier: .sequence) { fields in
                _ = try DER.optionalExplicitlyTagged(&fields, tagNumber: 0, tagClass: .contextSpecific) { $0 }
                _ = try DER.optionalExplicitlyTagged(&fields, tagNumber: 1, tagClass: .contextSpecific) { $0 }
                guard let list = fields.next() else { throw ASN1Error.invalidASN1Object(reason: "no requestList") }
                let questions: [Question] = try DER.sequence(list, identifier: .sequence) { requests in
                    var questions: [Question] = []
                    while let request = requests.next() {
                        questions.append(try DER.sequence(request, identifier: .sequence) { parts in
                            guard let certID = parts.next() else { throw ASN1Error.invalidASN1Object(reason: "no reqCert") }
                            _ = try DER.optionalExplicitlyTagged(&parts, tagNumber: 0, tagClass: .contextSpecific) { $0 }
                            return try question(certID)
                        })
                    }
                    return questions
                }
                let nonceExtension = try DER.optionalExplicitlyTagged(&fields, tagNumber: 2, tagClass: .contextSpecific) { extensions in
                    try DER.sequence(extensions, identifier: .sequence) { items -> ASN1Node? in
                        while let item = items.next() {
                            let oid = try DER.sequence(item, identifier: .sequence) { parts -> ASN1ObjectIdentifier in
                                guard let id = parts.next() else { throw ASN1Error.invalidASN1Object(reason: "no extnID") }
                                while parts.next() != nil {}
                                return try ASN1ObjectIdentifier(derEncoded: id)
                            }
                            if oid == nonce { return item }
                        }
                        return nil
                    }
                } ?? nil
                guard !questions.isEmpty else { throw ASN1Error.invalidASN1Object(reason: "empty requestList") }
                return Request(questions: questions, nonceExtension: nonceExtension)
            }
        }
    }

    private static func question(_ certID: ASN1Node) throws -> Question {
        try DER.sequence(certID, identifier: .sequence) { parts in
            guard let algorithm = parts.next(), let nameHash = parts.next(), let keyHash = parts.next(), let serial = parts.next() else {
                throw ASN1Error.invalidASN1Object(reason: "incomplete CertID")
            }
            let oid = try DER.sequence(algorithm, identifier: .sequence) { items -> ASN1ObjectIdentifier in
                guard let id = items.next() else { throw ASN1Error.invalidASN1Object(reason: "no hash algorithm") }
                while items.next() != nil {}
                return try ASN1ObjectIdentifier(derEncoded: id)
            }
            return Question(
                certID: certID, hashAlgorithm: oid,
                issuerNameHash: try ASN1OctetString(derEncoded: nameHash).bytes,
                issuerKeyHash: try ASN1OctetString(derEncoded: keyHash).bytes,
                serialNumber: try ArraySlice<UInt8>(derEncoded: serial)
            )
        }
    }

    // MARK: Writing a response

    /// An unsuccessful OCSPResponse: only the status, no response bytes.
    static func failure(_ status: ResponseStatus) -> [UInt8] {
        var serializer = DER.Serializer()
        serializer.appendConstructedNode(identifier: .sequence) { coder in
            coder.appendPrimitiveNode(identifier: .enumerated) { $0.append(status.rawValue) }
        }
        return serializer.serializedBytes
    }

    /// A successful response signed by the delegated signer, whose certificate travels with it.
    static func response(answers: [(Question, Status)], nonceExtension: ASN1Node?, signer: Certificate,
                         signerKey: P256.Signing.PrivateKey, now: Date, validity: TimeInterval) throws -> [UInt8] {
        var data = DER.Serializer()
        try data.appendConstructedNode(identifier: .sequence) { coder in
            // responderID byKey [2]: SHA-1 of the signer's public key bits.
            try coder.serialize(explicitlyTaggedWithTagNumber: 2, tagClass: .contextSpecific) { coder in
                try coder.serialize(ASN1OctetString(contentBytes: ArraySlice(Insecure.SHA1.hash(data: signerKey.publicKey.x963Representation))))
            }
            try coder.serialize(generalizedTime(now))
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                for (question, status) in answers {
                    try coder.appendConstructedNode(identifier: .sequence) { coder in
                        coder.serialize(question.certID)
                        switch status {
                        case .good:
                            coder.appendPrimitiveNode(identifier: .init(tagWithNumber: 0, tagClass: .contextSpecific)) { _ in }
                        case .revoked(let at):
                            try coder.appendConstructedNode(identifier: .init(tagWithNumber: 1, tagClass: .contextSpecific)) { coder in
                                try coder.serialize(generalizedTime(at))
                            }
                        case .unknown:
                            coder.appendPrimitiveNode(identifier: .init(tagWithNumber: 2, tagClass: .contextSpecific)) { _ in }
                        }
                        try coder.serialize(generalizedTime(now.addingTimeInterval(-60)))
                        try coder.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { coder in
                            try coder.serialize(generalizedTime(now.addingTimeInterval(validity)))
                        }
                    }
                }
            }
            if let nonceExtension {
                try coder.serialize(explicitlyTaggedWithTagNumber: 1, tagClass: .contextSpecific) { coder in
                    coder.appendConstructedNode(identifier: .sequence) { coder in coder.serialize(nonceExtension) }
                }
            }
        }
        let responseData = data.serializedBytes
        let signature = try signerKey.signature(for: responseData).derRepresentation

        var basic = DER.Serializer()
        try basic.appendConstructedNode(identifier: .sequence) { coder in
            coder.serializeRawBytes(responseData)
            try coder.appendConstructedNode(identifier: .sequence) { coder in try coder.serialize(ecdsaWithSHA256) }
            try coder.serialize(ASN1BitString(bytes: ArraySlice(signature)))
            try coder.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { coder in
                try coder.appendConstructedNode(identifier: .sequence) { coder in try coder.serialize(signer) }
            }
        }

        var response = DER.Serializer()
        try response.appendConstructedNode(identifier: .sequence) { coder in
            coder.appendPrimitiveNode(identifier: .enumerated) { $0.append(ResponseStatus.successful.rawValue) }
            try coder.serialize(explicitlyTaggedWithTagNumber: 0, tagClass: .contextSpecific) { coder in
                try coder.appendConstructedNode(identifier: .sequence) { coder in
                    try coder.serialize(basicResponse)
                    try coder.serialize(ASN1OctetString(contentBytes: ArraySlice(basic.serializedBytes)))
                }
            }
        }
        return response.serializedBytes
    }

    static func generalizedTime(_ date: Date) throws -> GeneralizedTime {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return try GeneralizedTime(year: c.year!, month: c.month!, day: c.day!, hours: c.hour!, minutes: c.minute!,
                                   seconds: c.second!, fractionalSeconds: 0)
    }
}
