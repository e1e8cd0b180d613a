import Foundation
import PersoCore
@testable import SelfService
import Testing

/// The arithmetic of leave for a part-timer: a 4/5 regime (Fridays off) across Labour Day and the carry-over deadline.
@Suite("Leave balances in the minutes of a person's regime")
struct LeaveBalanceTests {
    /// Lena-like: born 1990 (26 days), 4/5 with Fridays off, 3 days of last year carried over.
    static func partTimer(carried: Int = 3 * 456) -> StaffMember {
        StaffMember(nationalNumber: "90110421212", organisation: "finance", givenName: "Lena", surname: "Schmitz", email: "lena@example.be",
                    language: .de, birthDate: "1990-11-04", service: "Fiscalité", grade: "A1", entryDate: "2015-01-01", manager: "x",
                    regime: .fourFifths, carriedOverMinutes: carried)
    }

    static func day(_ iso: String) -> FederalCalendar.Day { FederalCalendar.Day(iso: iso)! }

    static func approved(_ member: StaffMember, from: String, to: String, today: String) throws -> Absence {
        let span = try AbsenceSpan(from: from, to: to, part: .full, start: "", end: "", regime: member.regime, today: day(today))
        return Absence(nationalNumber: member.nationalNumber, type: .annual, span: span, status: .approved, at: Date())
    }

    @Test("a week from Monday 27 April to Monday 4 May 2026 costs four Mondays-to-Thursdays and a Monday; Friday 1 May is Labour Day and her free day")
    func weekAcrossLabourDay() throws {
        let member = Self.partTimer()
        let span = try AbsenceSpan(from: "2026-04-27", to: "2026-05-04", part: .full, start: "", end: "", regime: member.regime, today: Self.day("2026-04-01"))
        #expect(span.days.map(\.day.description) == ["2026-04-27", "2026-04-28", "2026-04-29", "2026-04-30", "2026-05-04"])
        #expect(span.minutes == 5 * 456)
        #expect(LeaveBalance.dayMinutes(member.regime) == 364, "an average day at 4/5: 30:24 a week over five days")
        #expect(LeaveBalance.yearly(.annual, member: member, year: 2026) == 26 * 364)
    }

    @Test("leave up to 30 April uses last year's rest first; after the deadline what is left of it lapses, and it never pays for later days")
    func carryOverDeadline() throws {
        let member = Self.partTimer(carried: 5 * 456)
        let week = try Self.approved(member, from: "2026-04-27", to: "2026-05-04", today: "2026-04-01")
        let usage = LeaveBalance.annualUsage(AbsenceSpan(week, regime: member.regime).days, carried: member.carriedOverMinutes, year: 2026)
        #expect(usage.carriedUsed == 4 * 456, "27–30 April, before the deadline")
        #expect(usage.yearlyUsed == 456, "4 May, after it")

        let inApril = LeaveBalance.all(for: member, absences: [week], year: 2026, today: Self.day("2026-04-15")).first { $0.type == .annual }!
        #expect(inApril.entitled == 26 * 364 + 5 * 456)
        #expect(inApril.planned == 5 * 456)
        #expect(inApril.lapsed == 0)
        let inJune = LeaveBalance.all(for: member, absences: [week], year: 2026, today: Self.day("2026-06-01")).first { $0.type == .annual }!
        #expect(inJune.lapsed == 456, "one carried day was not used by 30 April")
        #expect(inJune.entitled == 26 * 364 + 4 * 456)
        #expect(inJune.taken == 5 * 456)
        #expect(inJune.left == 26 * 364 - 456)
    }

    @Test("a request after the deadline cannot spend last year's rest: what is left for it is this year's alone")
    func lateRequestOverBalance() throws {
        let member = Self.partTimer(carried: 10 * 456)
        // This year's own entitlement almost spent in the autumn.
        var absences: [Absence] = []
        for (from, to) in [("2026-09-07", "2026-09-24"), ("2026-10-05", "2026-10-15")] {
            absences.append(try Self.approved(member, from: from, to: to, today: "2026-06-01"))
        }
        let spentDays = absences.reduce(0) { $0 + AbsenceSpan($1, regime: member.regime).days.count }
        #expect(spentDays == 20, "Mondays to Thursdays of five weeks")
        let left = 26 * 364 - 20 * 456
        let november = try AbsenceSpan(from: "2026-11-16", to: "2026-11-19", part: .full, start: "", end: "", regime: member.regime,
                                       today: Self.day("2026-06-01"))
        #expect(LeaveBalance.shortfall(.annual, span: november, member: member, absences: absences) == left,
                "ten carried days do not help in November")
        let spring = try AbsenceSpan(from: "2026-04-20", to: "2026-04-23", part: .full, start: "", end: "", regime: member.regime,
                                     today: Self.day("2026-04-01"))
        #expect(LeaveBalance.shortfall(.annual, span: spring, member: member, absences: absences) == nil, "in April they do")
    }

    @Test("her free Friday, a holiday or a weekend cannot start a request; hours beyond her day and half days over several days are refused")
    func refusals() {
        let regime = WorkingRegime.fourFifths
        let today = Self.day("2026-04-01")
        func problem(_ from: String, _ to: String = "", part: Absence.Part = .full, start: String = "", end: String = "") -> AbsenceSpan.Problem? {
            do { _ = try AbsenceSpan(from: from, to: to, part: part, start: start, end: end, regime: regime, today: today); return nil } catch { return error }
        }
        #expect(problem("2026-04-24") == .freeDay(Self.day("2026-04-24")))
        #expect(problem("2026-05-14") == .holiday(Self.day("2026-05-14"), .ascension))
        #expect(problem("2026-04-25") == .weekend(Self.day("2026-04-25")))
        #expect(problem("2026-04-20", part: .hours, start: "08:00", end: "16:00") == .badHours, "8 hours is more than her 7:36")
        #expect(problem("2026-04-20", part: .hours, start: "14:00", end: "13:00") == .badHours)
        #expect(problem("2026-04-20", "2026-04-21", part: .morning) == .severalDaysForPart)
        #expect(problem("2026-04-21", "2026-04-20") == .endBeforeStart)
        #expect(problem("2027-06-01") == .tooFar)
        #expect(problem("2026-04-20", part: .afternoon) == nil)
    }

    @Test("the yearly annual leave grows with age: 26 days until 44, then 27, 28, 29, and one more a year from 60 to 63")
    func entitlementByAge() {
        #expect([30, 44, 45, 50, 55, 60, 61, 62, 63, 65].map(LeaveBalance.annualDays) == [26, 26, 27, 28, 29, 30, 31, 32, 33, 33])
    }
}
