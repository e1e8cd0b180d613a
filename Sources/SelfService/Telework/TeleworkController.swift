import Foundation
import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// The person's telework: the weekly pattern within the organisation's cap, and days other than usual.
struct TeleworkController: Sendable {
    let relyingParty: RelyingParty
    let telework: Telework
    let withMember: @Sendable (Request, PersoRequestContext, (SignedInPerson, StaffMember) async throws -> Response) async throws -> Response

    static let weekdayCodes = ["mon", "tue", "wed", "thu", "fri"]

    func register(on routes: Routes) {
        routes.get(SelfServicePath.telework) { request, context in
            try await withMember(request, context) { person, member in
                let done = FormFields(encoded: request.uri.query ?? "")?["done"]
                return try await page(member, notice: done.flatMap(TeleworkPage.Notice.init(rawValue:)), status: .ok, person: person, request: request, context: context)
            }
        }
        routes.post(SelfServicePath.telework) { request, context in
            try await withMember(request, context) { person, member in
                guard let fields = context.form else { throw PersoError.badRequest }
                // One checkbox per weekday, each with its own name: a form keeps only the first value of a repeated name.
                let chosen = Self.weekdayCodes.enumerated().filter { fields["telework_" + $0.element] != nil }.map(\.offset)
                guard let pattern = try await telework.ask(chosen, by: member) else {
                    return try await page(member, notice: .overCap, status: .unprocessableContent, person: person, request: request, context: context)
                }
                return seeOther(SelfServicePath.telework + "?done=" + (pattern.status == .requested ? "asked" : "saved"))
            }
        }
        routes.post(SelfServicePath.teleworkDays) { request, context in
            try await withMember(request, context) { person, member in
                guard let fields = context.form else { throw PersoError.badRequest }
                guard let day = FederalCalendar.Day(iso: fields["day"] ?? ""), let kind = TeleworkDay.Kind(rawValue: fields["kind"] ?? ""),
                      try await telework.change(day, kind, by: member) else {
                    return try await page(member, notice: .dayRefused, status: .unprocessableContent, person: person, request: request, context: context)
                }
                return seeOther(SelfServicePath.telework + "?done=day")
            }
        }
    }

    private func page(_ member: StaffMember, notice: TeleworkPage.Notice?, status: HTTPResponse.Status, person: SignedInPerson,
                      request: Request, context: PersoRequestContext) async throws -> Response {
        let today = FederalCalendar.Day(relyingParty.now)
        let view = TeleworkPage(member: member, rules: TeleworkRules.of(member.organisation), patterns: try await telework.patterns(of: member.nationalNumber),
                                changes: try await telework.changes(of: member.nationalNumber, from: today), notice: notice,
                                texts: HRTexts.texts(for: context.language), appTexts: SelfServiceTexts.texts(for: context.language),
                                language: context.language, session: context.session)
        var page = view.page
        page.status = status
        return relyingParty.response(page, person: person, request: request, context: context)
    }
}

struct TeleworkPage {
    enum Notice: String { case saved, asked, day, overCap = "over-cap", dayRefused = "day-refused" }

    let member: StaffMember
    let rules: TeleworkRules
    let patterns: (inForce: TeleworkPattern?, waiting: TeleworkPattern?, refused: TeleworkPattern?)
    let changes: [TeleworkDay]
    let notice: Notice?
    let texts: HRTexts
    let appTexts: SelfServiceTexts
    let language: Language
    let session: Session

    var page: Page {
        let shown = patterns.waiting ?? patterns.inForce
        return Page(title: texts.teleworkTitle, content: .div(
            ApplicationNavigation.node(current: .absences, texts: appTexts),
            .h1(.text(texts.teleworkTitle)),
            .p(.class("lead"), .text(texts.teleworkLead(rules.cap, rules.approvalRequired))),
            noticeNode,
            .form(
                .id("telework-pattern"), .class("data-form"), .method(.post), .action(SelfServicePath.telework), .csrfField(session),
                .fieldset(.class("choices"), .element(named: "legend", nodes: [.text(texts.patternLegend)]),
                          .forEach(Array(TeleworkController.weekdayCodes.enumerated()).filter { member.regime.minutes[$0.offset] > 0 }) { index, code in
                              .div(.class("choice"),
                                   .input(.id("telework-" + code), .type(.checkbox), .name("telework_" + code), .value("on"),
                                          .attribute(named: "checked", value: shown?.weekdays.contains(index) == true ? "checked" : nil)),
                                   .label(.for("telework-" + code), .text(texts.weekdayName(index))))
                          }),
                .unwrap(shown) { pattern in .p(.id("pattern-status"), .attribute(named: "data-status", value: pattern.status.rawValue),
                                                .text(texts.patternStatus(pattern.status))) },
                .if(patterns.refused != nil && patterns.waiting == nil, .p(.id("pattern-refused"), .class("form-error"), .text(texts.patternStatus(.refused)))),
                .button(.id("save-pattern"), .type(.submit), .text(texts.savePattern))
            ),
            occasionalNode
        ))
    }

    private var noticeNode: Node<HTML.BodyContext> {
        guard let notice else { return .empty }
        let (text, error): (String, Bool) = switch notice {
        case .saved: (texts.patternSaved(false), false)
        case .asked: (texts.patternSaved(true), false)
        case .day: (texts.occasionalSaved, false)
        case .overCap: (texts.patternOverCap(rules.cap), true)
        case .dayRefused: (texts.occasionalProblem, true)
        }
        return .p(.id("telework-" + notice.rawValue), .class(error ? "form-error" : "notice"), .attribute(named: "role", value: error ? "alert" : "status"), .text(text))
    }

    private var occasionalNode: Node<HTML.BodyContext> {
        .section(
            .h2(.text(texts.occasionalLegend)),
            .form(
                .id("occasional-form"), .class("data-form"), .method(.post), .action(SelfServicePath.teleworkDays), .csrfField(session),
                LabelledInput(id: "occasional-day", name: "day", label: texts.occasionalDay, type: .date).node,
                .div(.class("field"), .label(.for("occasional-kind"), .text(texts.occasionalLegend)),
                     .select(.id("occasional-kind"), .attribute(named: "name", value: "kind"),
                             SelectOptions.node([("add", texts.occasionalAdd), ("remove", texts.occasionalRemove)], selected: nil))),
                .button(.id("save-occasional"), .type(.submit), .text(texts.occasionalSave))
            ),
            .if(!changes.isEmpty, .group(.h3(.text(texts.occasionalList)), .ul(.id("occasional-days"), .forEach(changes) { change in
                .li(.attribute(named: "data-day", value: change.day), .attribute(named: "data-kind", value: change.kind.rawValue),
                    .text((FederalCalendar.Day(iso: change.day).map { BelgianTime.longDay($0, language: language) } ?? change.day) + " – "
                          + (change.kind == .add ? texts.occasionalAdd : texts.occasionalRemove)))
            })))
        )
    }
}
