import Foundation
import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// The manager's side: the team's month, the requests waiting, one request to decide (the e-mail's link leads
/// there), and the substitute who decides while the manager is away.
struct TeamController: Sendable {
    let relyingParty: RelyingParty
    let register: StaffRegister
    let absences: Absences
    let telework: Telework
    let withMember: @Sendable (Request, PersoRequestContext, (SignedInPerson, StaffMember) async throws -> Response) async throws -> Response

    func register(on routes: Routes) {
        routes.get(SelfServicePath.team) { request, context in
            try await withMember(request, context) { person, member in
                let query = FormFields(encoded: request.uri.query ?? "")
                let month = query?["month"].flatMap { FederalCalendar.Day(iso: $0 + "-01") } ?? firstOfMonth(absences.today)
                let notice = query?["done"].flatMap(TeamPage.Notice.init(rawValue:))
                return try await teamPage(member, month: month, notice: notice, problem: nil, person: person, request: request, context: context)
            }
        }
        routes.get(SelfServicePath.requestRoute) { request, context in
            try await withMember(request, context) { person, member in
                try await requestPage(member, notice: nil, person: person, request: request, context: context)
            }
        }
        routes.post(SelfServicePath.requestRoute) { request, context in
            try await withMember(request, context) { person, member in
                guard let fields = context.form, let id = context.parameters.get("absence").flatMap(UUID.init(uuidString:)),
                      let decision = Absences.Decision(rawValue: fields["decision"] ?? "") else {
                    throw PersoError.badRequest
                }
                switch try await absences.decide(id, decision, reason: fields["reason"] ?? "", by: member) {
                case .done: return seeOther(SelfServicePath.team + "?done=decided")
                case .alreadyDecided: return try await requestPage(member, notice: .alreadyDecided, person: person, request: request, context: context)
                case .notAllowed: return try await requestPage(member, notice: nil, person: person, request: request, context: context)
                case .reasonMissing: return try await requestPage(member, notice: .reasonMissing, person: person, request: request, context: context)
                }
            }
        }
        routes.post(SelfServicePath.teleworkDecisionRoute) { request, context in
            try await withMember(request, context) { _, member in
                guard let fields = context.form, let decision = Absences.Decision(rawValue: fields["decision"] ?? "") else { throw PersoError.badRequest }
                guard let id = context.parameters.get("pattern").flatMap(UUID.init(uuidString:)),
                      let pattern = try await telework.pattern(id), let owner = try await register.member(pattern.nationalNumber),
                      try await absences.capacity(of: member, over: owner) != nil else { throw PersoError.notFound }
                let done = try await telework.decide(id, approve: decision == .approve, by: member.fullName)
                return seeOther(SelfServicePath.team + "?done=" + (done ? "telework-decided" : "already-decided"))
            }
        }
        routes.post(SelfServicePath.substitutes) { request, context in
            try await withMember(request, context) { person, member in
                guard let fields = context.form else { throw PersoError.badRequest }
                let team = try await register.team(of: member.nationalNumber)
                let candidates = try await substituteCandidates(for: member, team: team)
                guard let first = FederalCalendar.Day(iso: fields["from"] ?? ""), let last = FederalCalendar.Day(iso: fields["to"] ?? ""),
                      first <= last, last >= absences.today, last <= absences.today.adding(days: 366),
                      let substitute = candidates.first(where: { $0.nationalNumber == fields["substitute"] }) else {
                    return try await teamPage(member, month: firstOfMonth(absences.today), notice: nil, problem: fields,
                                              person: person, request: request, context: context)
                }
                try await register.recordSubstitution(Substitution(manager: member.nationalNumber, substitute: substitute.nationalNumber,
                                                                   firstDay: first, lastDay: last, at: relyingParty.now))
                return seeOther(SelfServicePath.team + "?done=substitute-saved")
            }
        }
        routes.post(SelfServicePath.substituteRemovalRoute) { request, context in
            try await withMember(request, context) { _, member in
                guard let id = context.parameters.get("substitution").flatMap(UUID.init(uuidString:)) else { throw PersoError.notFound }
                guard try await register.removeSubstitution(id, of: member.nationalNumber) else { throw PersoError.notFound }
                return seeOther(SelfServicePath.team + "?done=substitute-removed")
            }
        }
    }

    private func firstOfMonth(_ day: FederalCalendar.Day) -> FederalCalendar.Day { FederalCalendar.Day(year: day.year, month: day.month, day: 1) }

    /// Who may stand in: the manager's own team, and the other managers of the organisation.
    /// (Never the whole organisation: a page for a manager of 200 must not read 10,000 people.)
    private func substituteCandidates(for member: StaffMember, team: [StaffMember]) async throws -> [StaffMember] {
        let managers = try await register.managers(in: member.organisation)
        return (team + managers).filter { $0.nationalNumber != member.nationalNumber }
    }

    private func teamPage(_ member: StaffMember, month: FederalCalendar.Day, notice: TeamPage.Notice?, problem: FormFields?,
                          person: SignedInPerson, request: Request, context: PersoRequestContext) async throws -> Response {
        let team = try await register.team(of: member.nationalNumber)
        let standingIn = try await register.substituted(by: member.nationalNumber, on: absences.today)
        let managers = try await register.members(standingIn.map(\.manager))
        var last = month
        while last.adding(days: 1).month == month.month { last = last.adding(days: 1) }
        let shown = team.map(\.nationalNumber)
        let substitutions = try await register.substitutions(of: member.nationalNumber, from: absences.today)
        let view = TeamPage(
            member: member, team: team, month: month, lastDay: last,
            absences: try await absences.absences(of: shown, from: month, to: last),
            teleworkDays: try await telework.days(of: shown, from: month, to: last),
            teleworkWaiting: try await telework.waiting(of: shown),
            waiting: try await absences.waiting(for: member),
            standingIn: standingIn.compactMap { managers[$0.manager]?.fullName },
            substitutions: substitutions,
            candidates: try await substituteCandidates(for: member, team: team),
            names: try await register.members(substitutions.map(\.substitute)),
            notice: notice, problem: problem, today: absences.today,
            texts: AbsenceTexts.texts(for: context.language), appTexts: SelfServiceTexts.texts(for: context.language),
            language: context.language, session: context.session
        )
        var page = view.page
        if problem != nil { page.status = .unprocessableContent }
        return relyingParty.response(page, person: person, request: request, context: context)
    }

    private func requestPage(_ member: StaffMember, notice: RequestPage.Notice?, person: SignedInPerson, request: Request,
                             context: PersoRequestContext) async throws -> Response {
        guard let id = context.parameters.get("absence").flatMap(UUID.init(uuidString:)), let absence = try await absences.absence(id),
              absence.type != .sick, let owner = try await register.member(absence.nationalNumber) else { throw PersoError.notFound }
        guard try await absences.capacity(of: member, over: owner) != nil else {
            let texts = AbsenceTexts.texts(for: context.language)
            let page = Page(title: texts.requestTitle, status: .forbidden, content: .div(
                ApplicationNavigation.node(current: .team, texts: SelfServiceTexts.texts(for: context.language)),
                .h1(.text(texts.requestTitle)),
                .p(.id("not-yours"), .class("form-error"), .text(texts.notYours))
            ))
            return relyingParty.response(page, person: person, request: request, context: context)
        }
        let balance = try await absences.balances(of: owner, year: absence.first.year).first { $0.type == absence.type }
        let view = RequestPage(absence: absence, owner: owner, balance: balance, history: try await absences.history(of: id),
                               notice: notice, texts: AbsenceTexts.texts(for: context.language),
                               appTexts: SelfServiceTexts.texts(for: context.language), language: context.language, session: context.session)
        var page = view.page
        if let notice { page.status = notice == .reasonMissing ? .unprocessableContent : .conflict }
        return relyingParty.response(page, person: person, request: request, context: context)
    }
}
