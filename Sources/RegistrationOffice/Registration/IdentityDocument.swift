import FluentKit
import Foundation
import PersoCore

/// The documents an office accepts as proof of identity, as the guide says: an identity card or a passport.
public enum DocumentType: String, Codable, Sendable, CaseIterable {
    case eid
    case foreignEID = "foreign_eid"
    case passport
    case residenceCard = "residence_card"
}

/// What the officer saw: the document that proved the person's identity at registration (or at a later visit).
final class IdentityCheck: Model, @unchecked Sendable {
    static let schema = "registration_identity_checks"

    @ID(key: .id) var id: UUID?
    @Field(key: "person_id") var personID: UUID
    @Parent(key: "office_id") var office: Office
    @Field(key: "officer_id") var officerID: UUID
    @Field(key: "document_type") var documentType: DocumentType
    @Field(key: "document_number") var documentNumber: String
    /// ISO 3166-1 alpha-2.
    @Field(key: "issuing_country") var issuingCountry: String
    /// `YYYY-MM-DD`.
    @Field(key: "expires_on") var expiresOn: String
    @Field(key: "checked_at") var checkedAt: Date

    init() {}

    init(personID: UUID, officeID: UUID, officerID: UUID, document: SeenDocument, at: Date) {
        self.personID = personID
        self.$office.id = officeID
        self.officerID = officerID
        documentType = document.type
        documentNumber = document.number
        issuingCountry = document.country
        expiresOn = document.expiresOn.description
        checkedAt = at
    }
}

/// A document as the officer types it from the card or passport in their hands.
struct SeenDocument: Sendable {
    let type: DocumentType
    let number: String
    let country: String
    let expiresOn: FederalCalendar.Day

    enum Problem: Error, Equatable {
        case number, country, expiry, expired
    }

    /// Checks what was typed; an expired document proves nothing and is refused.
    static func read(type: String?, number: String?, country: String?, expiry: String?, today: FederalCalendar.Day) -> Result<SeenDocument, Problem> {
        guard let type = type.flatMap(DocumentType.init(rawValue:)) else { return .failure(.number) }
        let number = (number ?? "").uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "." }
        guard (5...20).contains(number.count), number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return .failure(.number) }
        let country = (country ?? "").uppercased()
        guard Countries.codes.contains(country) else { return .failure(.country) }
        guard let expiresOn = expiry.flatMap(FederalCalendar.Day.init(iso:)) else { return .failure(.expiry) }
        guard expiresOn >= today else { return .failure(.expired) }
        // A Belgian eID is Belgian; a "foreign eID" is not.
        if type == .eid, country != "BE" { return .failure(.country) }
        return .success(SeenDocument(type: type, number: number, country: country, expiresOn: expiresOn))
    }
}
