import PersoCore

/// The days an absence covers and what it costs in the person's regime. Weekends, federal public holidays and days
/// the regime does not work are not counted; an absence may not start or end on one, so that nobody asks for a day
/// off they already have.
struct AbsenceSpan: Sendable, Equatable {
    let firstDay: FederalCalendar.Day
    let lastDay: FederalCalendar.Day
    let part: Absence.Part
    let startMinute: Int?
    let endMinute: Int?
    /// The working days covered, with the minutes each costs.
    let days: [(day: FederalCalendar.Day, minutes: Int)]

    var minutes: Int { days.reduce(0) { $0 + $1.minutes } }

    static func == (lhs: AbsenceSpan, rhs: AbsenceSpan) -> Bool {
        lhs.firstDay == rhs.firstDay && lhs.lastDay == rhs.lastDay && lhs.part == rhs.part && lhs.startMinute == rhs.startMinute
            && lhs.endMinute == rhs.endMinute
    }

    enum Problem: Error, Sendable, Equatable {
        case unreadableDay
        case endBeforeStart
        /// More than a year away, either way.
        case tooFar
        /// Half days and hours are asked one day at a time.
        case severalDaysForPart
        case weekend(FederalCalendar.Day)
        case holiday(FederalCalendar.Day, FederalCalendar.Holiday)
        /// A day the person's regime does not work (a 4/5's free Friday).
        case freeDay(FederalCalendar.Day)
        /// Hours unreadable, the end not after the start, or more than the day's regime.
        case badHours
    }

    /// Reads and checks what the form says. `start`/`end` are "HH:MM", used for `.hours` only.
    init(from: String, to: String, part: Absence.Part, start: String, end: String, regime: WorkingRegime,
         today: FederalCalendar.Day) throws(Problem) {
        guard let first = FederalCalendar.Day(iso: from) else { throw .unreadableDay }
        let last = to.isEmpty ? first : (FederalCalendar.Day(iso: to) ?? first.adding(days: -1))
        guard FederalCalendar.Day(iso: to) != nil || to.isEmpty else { throw .unreadableDay }
        guard first <= last else { throw .endBeforeStart }
        guard today.adding(days: -366) <= first, last <= today.adding(days: 366) else { throw .tooFar }
        if part != .full, first != last { throw .severalDaysForPart }
        for edge in [first, last] {
            if let holiday = FederalCalendar.holiday(on: edge) { throw .holiday(edge, holiday) }
            if edge.weekday == 1 || edge.weekday == 7 { throw .weekend(edge) }
            if regime.minutes(on: edge) == 0 { throw .freeDay(edge) }
        }
        var days: [(FederalCalendar.Day, Int)] = []
        var current = first
        while current <= last {
            let minutes = regime.minutes(on: current)
            if FederalCalendar.isWorkingDay(current), minutes > 0 { days.append((current, minutes)) }
            current = current.adding(days: 1)
        }
        var startMinute: Int?
        var endMinute: Int?
        switch part {
        case .full: break
        case .morning: days = days.map { ($0.0, $0.1 / 2) }
        case .afternoon: days = days.map { ($0.0, $0.1 - $0.1 / 2) }
        case .hours:
            guard let begin = Self.minute(start), let finish = Self.minute(end), begin < finish,
                  finish - begin <= regime.minutes(on: first) else { throw .badHours }
            startMinute = begin
            endMinute = finish
            days = [(first, finish - begin)]
        }
        self.firstDay = first
        self.lastDay = last
        self.part = part
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.days = days.map { (day: $0.0, minutes: $0.1) }
    }

    /// An absence already stored, to count its days again (the team view, the balance by date).
    init(_ absence: Absence, regime: WorkingRegime) {
        firstDay = absence.first
        lastDay = absence.last
        part = absence.part
        startMinute = absence.startMinute
        endMinute = absence.endMinute
        var days: [(day: FederalCalendar.Day, minutes: Int)] = []
        var current = absence.first
        while current <= absence.last {
            let minutes = regime.minutes(on: current)
            if FederalCalendar.isWorkingDay(current), minutes > 0 { days.append((current, minutes)) }
            current = current.adding(days: 1)
        }
        if days.count == 1 || absence.part != .full {
            days = days.prefix(1).map { ($0.day, absence.minutes) }
        }
        self.days = days
    }

    /// "08:30" → 510.
    static func minute(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute),
              parts[1].count == 2 else { return nil }
        return hour * 60 + minute
    }

    static func clock(_ minute: Int) -> String { String(format: "%02d:%02d", minute / 60, minute % 60) }
}
