import Foundation
import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// The person's side of a career interruption: apply, and follow the decision to the eBox.
struct CareerInterruptionController: Sendable {
    let relyingParty: RelyingParty
    let interruptions: CareerInterruptions
    let withMember: @Sendable (Request, PersoRequestContext, (SignedInPerson, StaffMember) async throws -> Response) async throws -> Response

    func register(on routes: Routes) {
        routes.get(SelfServicePath.interruption) { request, context in
            try await withMember(request, context) { person, member in
                let applied = FormFields(encoded: request.uri.query ?? "")?["done"] == "applied"
                return try await page(member, values: [:], problem: nil, applied: applied, person: person, request: request, context: context)
            }
        }
        routes.post(SelfServicePath.interruption) { request, context in
            try await withMember(request, context) { person, member in
                guard let fields = context.form else { throw PersoError.badRequest }
                var values: [String: String] = [:]
                for name in ["kind", "regime", "from", "to"] { values[name] = String((fields[name] ?? "").prefix(20)) }
                guard let kind = CareerInterruption.Kind(rawValue: values["kind"]!), let regime = CareerInterruption.Regime(rawValue: values["regime"]!) else {
                    return try await page(member, values: values, problem: .days, applied: false, person: person, request: request, context: context)
                }
                switch interruptions.check(from: values["from"]!, to: values["to"]!) {
                case .failure(let problem):
                    return try await page(member, values: values, problem: problem, applied: false, person: person, request: request, context: context)
                case .success(let (first, last)):
                    _ = try await interruptions.apply(member, kind: kind, regime: regime, first: first, last: last)
                    return seeOther(SelfServicePath.interruption + "?done=applied")
                }
            }
        }
    }

    private func page(_ member: StaffMember, values: [String: String], problem: CareerInterruptions.Problem?, applied: Bool,
                      person: SignedInPerson, request: Request, context: PersoRequestContext) async throws -> Response {
        let view = CareerInterruptionPage(applications: try await interruptions.applications(of: member.nationalNumber), values: values,
                                          problem: problem, applied: applied, texts: HRTexts.texts(for: context.language),
                                          appTexts: SelfServiceTexts.texts(for: context.language), language: context.language, session: context.session)
        var page = view.page
        if problem != nil { page.status = .unprocessableContent }
        return relyingParty.response(page, person: person, request: request, context: context)
    }
}

struct CareerInterruptionPage {
    let applications: [CareerInterruption]
    let values: [String: String]
    let problem: CareerInterruptions.Problem?
    let applied: Bool
    let texts: HRTexts
    let appTexts: SelfServiceTexts
    let language: Language
    let session: Session

    var page: Page {
        Page(title: texts.interruptionTitle, content: .div(
            ApplicationNavigation.node(current: .absences, texts: appTexts),
            .h1(.text(texts.interruptionTitle)),
            .p(.class("lead"), .text(texts.interruptionLead)),
            .if(applied, .p(.id("applied"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.applied))),
            .p(.id("ebox-needed"), .class("hint"), .text(texts.eBoxNeeded + " "), .a(.href("/ebox"), .text(texts.activateEBox))),
            form,
            .h2(.text(texts.myInterruptions)),
            .if(applications.isEmpty, .p(.id("no-interruptions"), .text(texts.noInterruptions)), else: .ul(
                .id("my-interruptions"),
                .forEach(applications) { application in
                    .li(.attribute(named: "data-status", value: application.status.rawValue),
                        .attribute(named: "data-delivery", value: application.delivery.rawValue),
                        .strong(.text(texts.interruptionKindName(application.kind))),
                        .text(" (\(texts.interruptionRegimeName(application.regime).lowercased())), \(PersonalDocuments.period(application, language: language)) – "),
                        .span(.class("status"), .text(texts.interruptionStatusName(application.status))),
                        .if(application.delivery != .none, .p(.class("delivery"), .text(texts.deliveryName(application.delivery)))))
                }
            ))
        ))
    }

    private var form: Node<HTML.BodyContext> {
        let message: String? = switch problem {
        case .days?: texts.interruptionProblemDays
        case .start?: texts.interruptionProblemStart
        case .length?: texts.interruptionProblemLength
        case nil: nil
        }
        return .form(
            .id("interruption-form"), .class("data-form"), .method(.post), .action(SelfServicePath.interruption), .csrfField(session),
            .attribute(named: "novalidate", value: "novalidate"),
            .unwrap(message) { .p(.id("interruption-problem"), .class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .div(.class("field"), .label(.for("interruption-kind"), .text(texts.interruptionKindLabel)),
                 .select(.id("interruption-kind"), .attribute(named: "name", value: "kind"),
                         SelectOptions.node(CareerInterruption.Kind.allCases.map { ($0.rawValue, texts.interruptionKindName($0)) }, selected: values["kind"]))),
            .div(.class("field"), .label(.for("interruption-regime"), .text(texts.interruptionRegimeLabel)),
                 .select(.id("interruption-regime"), .attribute(named: "name", value: "regime"),
                         SelectOptions.node(CareerInterruption.Regime.allCases.map { ($0.rawValue, texts.interruptionRegimeName($0)) }, selected: values["regime"]))),
            LabelledInput(id: "interruption-from", name: "from", label: AbsenceTexts.texts(for: language).fromLabel, type: .date, value: values["from"]).node,
            LabelledInput(id: "interruption-to", name: "to", label: AbsenceTexts.texts(for: language).toLabel, type: .date, value: values["to"]).node,
            .button(.id("apply-interruption"), .type(.submit), .text(texts.applyButton))
        )
    }
}
