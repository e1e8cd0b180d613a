import Foundation
import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// The HR officers' area: career interruptions to decide, a month's pay slips to publish with its progress and
/// report, and their organisations' personnel files.
struct HRController: Sendable {
    let relyingParty: RelyingParty
    let register: StaffRegister
    let paySlips: PaySlips
    let interruptions: CareerInterruptions
    let files: PersonnelFiles

    func register(on routes: Routes) {
        routes.get(SelfServicePath.hr) { request, context in
            try await officer(request, context) { officer in
                let waiting = try await interruptions.waiting(in: officer.organisations)
                let view = HRPage(officer: officer, waiting: waiting, staff: try await register.members(waiting.map(\.nationalNumber)),
                                  runs: try await paySlips.runs(of: officer.organisations),
                                  texts: HRTexts.texts(for: context.language), appTexts: SelfServiceTexts.texts(for: context.language),
                                  language: context.language)
                return relyingParty.response(view.page, person: officer.person, request: request, context: context)
            }
        }
        routes.get(SelfServicePath.hrInterruptionRoute) { request, context in
            try await officer(request, context) { officer in
                try await decisionPage(officer, reasonMissing: false, request: request, context: context)
            }
        }
        routes.post(SelfServicePath.hrInterruptionRoute) { request, context in
            try await officer(request, context) { officer in
                guard let fields = context.form, let decision = Absences.Decision(rawValue: fields["decision"] ?? "") else { throw PersoError.badRequest }
                guard let application = try await application(context, officer) else { throw PersoError.notFound }
                let approve = decision == .approve
                let reason = (fields["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                if !approve, reason.isEmpty { return try await decisionPage(officer, reasonMissing: true, request: request, context: context) }
                _ = try await interruptions.decide(try application.requireID(), approve: approve, reason: reason.isEmpty ? nil : String(reason.prefix(1000)),
                                                   by: officer.actor)
                return seeOther(SelfServicePath.hrInterruption(try application.requireID()))
            }
        }
        PaySlipPublishingController(relyingParty: relyingParty, register: register, paySlips: paySlips, officer: officer).register(on: routes)
        routes.get(SelfServicePath.staff) { request, context in
            try await officer(request, context) { officer in
                var staff: [StaffMember] = []
                for organisation in officer.organisations { staff += try await register.organisation(organisation) }
                let view = StaffPage(staff: staff, texts: HRTexts.texts(for: context.language), appTexts: SelfServiceTexts.texts(for: context.language),
                                     language: context.language)
                return relyingParty.response(view.page, person: officer.person, request: request, context: context)
            }
        }
        routes.get(SelfServicePath.staffFileRoute) { request, context in
            try await officer(request, context) { officer in
                guard let member = try await register.member(context.parameters.get("person")), officer.organisations.contains(member.organisation) else {
                    throw PersoError.notFound
                }
                let texts = HRTexts.texts(for: context.language)
                let page = Page(title: member.fullName, content: .div(
                    ApplicationNavigation.node(current: .hr, texts: SelfServiceTexts.texts(for: context.language)),
                    .h1(.text(member.fullName)),
                    try await files.view(of: member, texts: texts, language: context.language).node,
                    .p(.a(.class("button secondary"), .href(SelfServicePath.staff), .text(texts.staffTitle)))
                ))
                return relyingParty.response(page, person: officer.person, request: request, context: context)
            }
        }
    }

    private func officer(_ request: Request, _ context: PersoRequestContext, _ work: (HROfficer) async throws -> Response) async throws -> Response {
        try await HROfficer.serve(request, context, relyingParty: relyingParty, register: register, work)
    }

    /// The application in the path, if it is of one of the officer's organisations.
    private func application(_ context: PersoRequestContext, _ officer: HROfficer) async throws -> CareerInterruption? {
        guard let id = context.parameters.get("interruption").flatMap(UUID.init(uuidString:)), let application = try await interruptions.application(id),
              officer.organisations.contains(application.organisation) else { return nil }
        return application
    }

    private func decisionPage(_ officer: HROfficer, reasonMissing: Bool, request: Request, context: PersoRequestContext) async throws -> Response {
        guard let application = try await application(context, officer), let member = try await register.member(application.nationalNumber) else {
            throw PersoError.notFound
        }
        let view = InterruptionDecisionPage(application: application, member: member, reasonMissing: reasonMissing,
                                            texts: HRTexts.texts(for: context.language), appTexts: SelfServiceTexts.texts(for: context.language),
                                            language: context.language, session: context.session)
        var page = view.page
        if reasonMissing { page.status = .unprocessableContent }
        return relyingParty.response(page, person: officer.person, request: request, context: context)
    }
}
