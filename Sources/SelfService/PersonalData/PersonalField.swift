/// The personal data a person keeps up to date themselves; the raw value names the field in forms and history.
enum PersonalField: String, CaseIterable, Sendable, Codable {
    case street, postalCode = "postal_code", municipality, country, phone, privateEmail = "private_email", iban
}
