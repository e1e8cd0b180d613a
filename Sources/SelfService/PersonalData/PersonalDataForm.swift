import PersoCore

/// What a person can do wrong in the personal data form; each is shown next to its field, in their language.
enum PersonalDataProblem: Sendable, Equatable {
    case requiredForAddress, postalCode, tooLong, phone, email, iban, country
}

/// The personal data form as submitted: trimmed, checked, and normalised (IBAN without spaces, country upper case).
struct PersonalDataForm: Sendable {
    var values: [PersonalField: String] = [:]
    var problems: [PersonalField: PersonalDataProblem] = [:]

    static let maximumLength = 120

    init(fields: FormFields) {
        for field in PersonalField.allCases {
            values[field] = (fields[field.rawValue] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
        validate()
    }

    init(values: [PersonalField: String]) {
        self.values = values
    }

    var isValid: Bool { problems.isEmpty }

    subscript(field: PersonalField) -> String { values[field] ?? "" }

    private mutating func validate() {
        for field in PersonalField.allCases where self[field].count > Self.maximumLength {
            problems[field] = .tooLong
        }
        let address: [PersonalField] = [.street, .postalCode, .municipality]
        if address.contains(where: { !self[$0].isEmpty }) {
            for field in address where self[field].isEmpty { problems[field] = problems[field] ?? .requiredForAddress }
        }
        var country = self[.country].uppercased()
        if country.isEmpty, !self[.street].isEmpty { country = "BE" }
        if !country.isEmpty, !(country.count == 2 && country.allSatisfy { $0.isASCII && $0.isLetter }) {
            problems[.country] = .country
        }
        values[.country] = country
        let postal = self[.postalCode]
        if !postal.isEmpty, problems[.postalCode] == nil {
            let belgian = country == "BE" || country.isEmpty
            let ok = belgian
                ? postal.count == 4 && postal.allSatisfy { $0.isASCII && $0.isNumber } && postal.first != "0"
                : (2...10).contains(postal.count) && postal.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " " || $0 == "-") }
            if !ok { problems[.postalCode] = .postalCode }
        }
        let phone = self[.phone]
        if !phone.isEmpty, problems[.phone] == nil {
            let digits = phone.filter(\.isNumber).count
            let allowed = phone.allSatisfy { $0.isASCII && ($0.isNumber || " ./-()".contains($0)) || $0 == "+" }
            let plusFirstOnly = !phone.dropFirst().contains("+")
            if !(allowed && plusFirstOnly && (8...15).contains(digits)) { problems[.phone] = .phone }
        }
        let email = self[.privateEmail]
        if !email.isEmpty, problems[.privateEmail] == nil, !Self.looksLikeEmail(email) { problems[.privateEmail] = .email }
        values[.privateEmail] = email.lowercased()
        let iban = self[.iban]
        if !iban.isEmpty, problems[.iban] == nil {
            if let parsed = IBAN(iban) { values[.iban] = parsed.electronic } else { problems[.iban] = .iban }
        }
    }

    /// One `@`, something before it, a dotted domain after it, no spaces: what can receive the confirmation link.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              text.count <= 254, !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" }) else { return false }
        return true
    }
}
