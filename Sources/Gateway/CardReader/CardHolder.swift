import PersoCore
import SwiftASN1
import X509

/// Who an eID authentication certificate names: the subject's serialNumber is the national register number,
/// GN and SN the given name and surname (the CN adds "(Authentication)").
struct CardHolder: Sendable, Codable, Equatable {
    let nrn: String
    let givenName: String
    let surname: String

    static let serialNumberOID: ASN1ObjectIdentifier = [2, 5, 4, 5]
    static let givenNameOID: ASN1ObjectIdentifier = [2, 5, 4, 42]
    static let surnameOID: ASN1ObjectIdentifier = [2, 5, 4, 4]

    init(nrn: String, givenName: String, surname: String) {
        self.nrn = nrn
        self.givenName = givenName
        self.surname = surname
    }

    /// Nil when the serialNumber is missing or not a valid national register number (check digits included).
    init?(subject: DistinguishedName) {
        func first(_ oid: ASN1ObjectIdentifier) -> String? {
            subject.lazy.flatMap { $0 }.first { $0.type == oid }.map { String(describing: $0.value) }
        }
        guard let serial = first(Self.serialNumberOID), let number = try? NationalRegisterNumber(serial) else { return nil }
        nrn = number.digits
        givenName = first(Self.givenNameOID) ?? ""
        surname = first(Self.surnameOID) ?? ""
    }
}
