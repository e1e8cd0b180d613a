/// What a question is about. Each topic asks for what the desk needs to answer it without asking back: the month of
/// a pay question, the dates of an absence.
enum Topic: String, CaseIterable, Sendable, Codable {
    case pay
    case pecuniaryCareer = "pecuniary_career"
    case personalData = "personal_data"
    case absences

    /// The topic's own fields, in the order the form shows them.
    var fields: [TopicField] {
        switch self {
        case .pay: [TopicField(name: "month", kind: .month, required: true)]
        case .pecuniaryCareer: [TopicField(name: "since", kind: .date, required: false)]
        case .personalData: [TopicField(name: "data", kind: .choice(["address", "bank_account", "family", "other"]), required: true)]
        case .absences: [TopicField(name: "from", kind: .date, required: true), TopicField(name: "to", kind: .date, required: true)]
        }
    }
}

/// One extra field of a topic's form.
struct TopicField: Sendable {
    enum Kind: Sendable, Equatable {
        /// `2026-11`
        case month
        /// `2026-11-30`
        case date
        case choice([String])
    }

    let name: String
    let kind: Kind
    let required: Bool

    /// Whether `value` is one this field takes: a real month or day, or one of the choices.
    func accepts(_ value: String) -> Bool {
        switch kind {
        case .month:
            let parts = value.split(separator: "-")
            guard value.count == 7, parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]) else { return false }
            return (1990...2100).contains(year) && (1...12).contains(month)
        case .date:
            return DateField.day(value) != nil
        case .choice(let options):
            return options.contains(value)
        }
    }
}

/// `YYYY-MM-DD` as an HTML date input sends it.
enum DateField {
    static func day(_ value: String) -> (year: Int, month: Int, day: Int)? {
        let parts = value.split(separator: "-")
        guard value.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1990...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let lengths = [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1] ? (year, month, day) : nil
    }
}
