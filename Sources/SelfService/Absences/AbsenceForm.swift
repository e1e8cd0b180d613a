import PersoCore

/// The leave request form as typed, and what is wrong with it, field by field; kept whole when it comes back.
struct AbsenceForm: Sendable {
    enum Field: String, CaseIterable, Sendable { case type, from, to, part, start, end }

    var values: [Field: String] = [:]
    /// A message per field, in the page's language.
    var problems: [Field: String] = [:]
    /// A problem of the whole request (the balance, an overlap).
    var general: String?

    subscript(field: Field) -> String { values[field] ?? "" }

    init(values: [Field: String] = [:]) { self.values = values }

    init(fields: FormFields) {
        for field in Field.allCases { values[field] = String((fields[field.rawValue] ?? "").trimmingCharacters(in: .whitespaces).prefix(40)) }
    }

    var type: LeaveType? { LeaveType(rawValue: self[.type]).flatMap { LeaveType.requestable.contains($0) ? $0 : nil } }
    var part: Absence.Part { Absence.Part(rawValue: self[.part]) ?? .full }

    var hasProblems: Bool { !problems.isEmpty || general != nil }

    /// Where a span's problem is shown.
    mutating func record(_ problem: AbsenceSpan.Problem, texts: AbsenceTexts, language: Language) {
        let day = { (day: FederalCalendar.Day) in BelgianTime.longDay(day, language: language) }
        switch problem {
        case .unreadableDay: problems[.from] = texts.unreadableDay
        case .endBeforeStart: problems[.to] = texts.endBeforeStart
        case .tooFar: problems[.from] = texts.tooFar
        case .severalDaysForPart: problems[.to] = texts.severalDaysForPart
        case .weekend(let d): problems[d.description == self[.to] ? .to : .from] = texts.weekend(day(d))
        case .holiday(let d, let holiday): problems[d.description == self[.to] ? .to : .from] = texts.holiday(day(d), texts.holidayName(holiday))
        case .freeDay(let d): problems[d.description == self[.to] ? .to : .from] = texts.freeDay(day(d))
        case .badHours: problems[.start] = texts.badHours
        }
    }

    mutating func record(_ problem: Absences.Problem, texts: AbsenceTexts, language: Language) {
        switch problem {
        case .span(let span): record(span, texts: texts, language: language)
        case .inThePast: problems[.from] = texts.inThePast
        case .acrossYears: problems[.to] = texts.acrossYears
        case .overBalance(let left): general = texts.overBalance(WorkingTime.text(left))
        case .overlaps(let day): general = texts.overlaps(BelgianTime.longDay(day, language: language))
        }
    }
}
