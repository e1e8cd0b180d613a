import PersoCore

/// A person's balance of one leave type for one year, in minutes of their regime: entitled, taken (days before
/// today), planned (today and later, asked or approved) and left.
struct LeaveBalance: Sendable, Equatable {
    let type: LeaveType
    /// Nil for circumstance leave, whose allowance is per event rather than per year.
    let entitled: Int?
    let taken: Int
    let planned: Int
    var left: Int? { entitled.map { $0 - taken - planned } }
    /// Annual leave: last year's rest, usable until `carryOverDeadline`, and how much of it lapsed after that.
    var carriedOver = 0
    var lapsed = 0

    /// Annual leave of the federal civil service by the age reached in the year: 26 working days, then one more at
    /// 45, 50 and 55, and one more each year from 60 to 63 (royal decree of 19 November 1998, art. 11).
    static func annualDays(age: Int) -> Int {
        switch age {
        case ..<45: 26
        case 45..<50: 27
        case 50..<55: 28
        case 55..<60: 29
        case 60: 30
        case 61: 31
        case 62: 32
        default: 33
        }
    }

    /// Annual leave carried over from last year must be taken by this day; what is left of it then lapses.
    static func carryOverDeadline(_ year: Int) -> FederalCalendar.Day { FederalCalendar.Day(year: year, month: 4, day: 30) }

    /// One average working day of the regime: how entitlements in days become minutes (7:36 full time, 6:05 at 4/5).
    static func dayMinutes(_ regime: WorkingRegime) -> Int { regime.weekMinutes / 5 }

    /// The yearly entitlement of a type for this person, in minutes; nil where there is none per year.
    static func yearly(_ type: LeaveType, member: StaffMember, year: Int) -> Int? {
        let day = dayMinutes(member.regime)
        switch type {
        case .annual: return annualDays(age: member.age(in: year)) * day
        case .compensatory: return member.compensatoryMinutes
        case .exceptional: return LeaveType.exceptionalDaysPerYear * day
        case .marriage, .birth, .deathClose, .deathRelative, .sick: return nil
        }
    }

    /// Every balance of `year`, from the absences that count (asked, approved, recorded) of that year.
    static func all(for member: StaffMember, absences: [Absence], year: Int, today: FederalCalendar.Day) -> [LeaveBalance] {
        LeaveType.requestable.map { type in
            let days = usedDays(type, member: member, absences: absences, year: year)
            let taken = days.filter { $0.day < today }.reduce(0) { $0 + $1.minutes }
            let planned = days.filter { $0.day >= today }.reduce(0) { $0 + $1.minutes }
            guard type == .annual else {
                return LeaveBalance(type: type, entitled: yearly(type, member: member, year: year), taken: taken, planned: planned)
            }
            let usage = annualUsage(days, carried: member.carriedOverMinutes, year: year)
            let deadlinePassed = today > carryOverDeadline(year)
            let lapsed = deadlinePassed ? member.carriedOverMinutes - usage.carriedUsed : 0
            var balance = LeaveBalance(type: type, entitled: (yearly(type, member: member, year: year) ?? 0) + member.carriedOverMinutes - lapsed,
                                       taken: taken, planned: planned)
            balance.carriedOver = member.carriedOverMinutes
            balance.lapsed = lapsed
            return balance
        }
    }

    /// The days of `type` in `year` that count, with their minutes.
    static func usedDays(_ type: LeaveType, member: StaffMember, absences: [Absence], year: Int) -> [(day: FederalCalendar.Day, minutes: Int)] {
        absences.filter { $0.type == type && $0.status.counts }
            .flatMap { AbsenceSpan($0, regime: member.regime).days }
            .filter { $0.day.year == year }
    }

    /// Annual leave taken up to the deadline uses last year's rest first; the year's own entitlement pays for the rest.
    static func annualUsage(_ days: [(day: FederalCalendar.Day, minutes: Int)], carried: Int, year: Int) -> (carriedUsed: Int, yearlyUsed: Int) {
        let deadline = carryOverDeadline(year)
        let before = days.filter { $0.day <= deadline }.reduce(0) { $0 + $1.minutes }
        let after = days.filter { $0.day > deadline }.reduce(0) { $0 + $1.minutes }
        let carriedUsed = min(carried, before)
        return (carriedUsed, before - carriedUsed + after)
    }

    /// Whether `span` of `type` fits what is left, the other absences of the year counted. Nil when it fits; else the
    /// minutes that were left for it (for annual leave after the deadline, without last year's rest).
    static func shortfall(_ type: LeaveType, span: AbsenceSpan, member: StaffMember, absences: [Absence]) -> Int? {
        let year = span.firstDay.year
        let existing = usedDays(type, member: member, absences: absences, year: year)
        switch type {
        case .annual:
            let yearly = yearly(.annual, member: member, year: year) ?? 0
            let with = annualUsage(existing + span.days, carried: member.carriedOverMinutes, year: year)
            guard with.yearlyUsed > yearly else { return nil }
            let without = annualUsage(existing, carried: member.carriedOverMinutes, year: year)
            let carriedLeft = span.days.contains { $0.day <= carryOverDeadline(year) } ? member.carriedOverMinutes - without.carriedUsed : 0
            return max(0, yearly - without.yearlyUsed + carriedLeft)
        case .compensatory, .exceptional:
            let entitled = yearly(type, member: member, year: year) ?? 0
            let used = existing.reduce(0) { $0 + $1.minutes }
            return used + span.minutes > entitled ? max(0, entitled - used) : nil
        case .marriage, .birth, .deathClose, .deathRelative:
            // One event's allowance, counted in the person's working days.
            let allowed = type.daysPerEvent ?? 0
            return span.days.count > allowed ? allowed * dayMinutes(member.regime) : nil
        case .sick:
            return nil
        }
    }
}
