import FluentKit
import Foundation

/// A person's own data as PersoSelfService keeps it, one row per gateway subject.
final class PersonalDetails: Model, @unchecked Sendable {
    static let schema = "selfservice_personal_details"

    @ID(key: .id) var id: UUID?
    @Field(key: "subject") var subject: String
    @OptionalField(key: "street") var street: String?
    @OptionalField(key: "postal_code") var postalCode: String?
    @OptionalField(key: "municipality") var municipality: String?
    @OptionalField(key: "country") var country: String?
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "private_email") var privateEmail: String?
    @OptionalField(key: "iban") var iban: String?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(subject: String, now: Date) {
        self.subject = subject
        self.updatedAt = now
    }

    subscript(field: PersonalField) -> String? {
        get {
            switch field {
            case .street: street
            case .postalCode: postalCode
            case .municipality: municipality
            case .country: country
            case .phone: phone
            case .privateEmail: privateEmail
            case .iban: iban
            }
        }
        set {
            switch field {
            case .street: street = newValue
            case .postalCode: postalCode = newValue
            case .municipality: municipality = newValue
            case .country: country = newValue
            case .phone: phone = newValue
            case .privateEmail: privateEmail = newValue
            case .iban: iban = newValue
            }
        }
    }
}

/// One change of one field, kept so the person (and HR) can see what changed when.
final class PersonalDataChange: Model, @unchecked Sendable {
    static let schema = "selfservice_personal_changes"

    @ID(key: .id) var id: UUID?
    @Field(key: "subject") var subject: String
    @Field(key: "field") var field: String
    @OptionalField(key: "old_value") var oldValue: String?
    @OptionalField(key: "new_value") var newValue: String?
    @Field(key: "changed_at") var changedAt: Date

    init() {}

    init(subject: String, field: PersonalField, oldValue: String?, newValue: String?, at: Date) {
        self.subject = subject
        self.field = field.rawValue
        self.oldValue = oldValue
        self.newValue = newValue
        self.changedAt = at
    }
}

/// A new private e-mail address waiting for its owner to follow the link sent to it. Only the token's hash is kept.
final class EmailConfirmation: Model, @unchecked Sendable {
    static let schema = "selfservice_email_confirmations"

    @ID(key: .id) var id: UUID?
    @Field(key: "subject") var subject: String
    @Field(key: "email") var email: String
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(subject: String, email: String, tokenHash: String, expiresAt: Date) {
        self.subject = subject
        self.email = email
        self.tokenHash = tokenHash
        self.expiresAt = expiresAt
    }
}
