import Foundation
import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// The person's pay slips: the list of what was delivered into their eBox (or waits for it).
struct PaySlipsController: Sendable {
    let relyingParty: RelyingParty
    let paySlips: PaySlips
    let withMember: @Sendable (Request, PersoRequestContext, (SignedInPerson, StaffMember) async throws -> Response) async throws -> Response

    func register(on routes: Routes) {
        routes.get(SelfServicePath.payslips) { request, context in
            try await withMember(request, context) { person, member in
                let view = PaySlipsPage(slips: try await paySlips.slips(of: member.nationalNumber), texts: HRTexts.texts(for: context.language),
                                        appTexts: SelfServiceTexts.texts(for: context.language), language: context.language)
                return relyingParty.response(view.page, person: person, request: request, context: context)
            }
        }
    }
}

struct PaySlipsPage {
    let slips: [PaySlip]
    let texts: HRTexts
    let appTexts: SelfServiceTexts
    let language: Language

    var page: Page {
        Page(title: texts.payslipsTitle, content: .div(
            ApplicationNavigation.node(current: .payslips, texts: appTexts),
            .h1(.text(texts.payslipsTitle)),
            .p(.class("lead"), .text(texts.payslipsLead)),
            .if(slips.contains { $0.delivery == .waitingForEBox },
                .p(.id("activate-ebox"), .class("notice"), .text(texts.waitingForEBox + " "), .a(.href("/ebox"), .text(texts.activateEBox)))),
            .if(slips.isEmpty, .p(.id("no-payslips"), .text(texts.noPayslips)), else: .table(
                .id("payslips"), .class("cards"),
                .thead(.tr(.th(.text(texts.periodColumn)), .th(.text(texts.kindColumn)), .th(.text(texts.grossColumn)), .th(.text(texts.netColumn)),
                           .th(.text(texts.whereColumn)))),
                .tbody(.forEach(slips) { slip in
                    .tr(
                        .attribute(named: "data-period", value: slip.period), .attribute(named: "data-kind", value: slip.kind.rawValue),
                        .attribute(named: "data-delivery", value: slip.delivery.rawValue),
                        .td(.attribute(named: "data-label", value: texts.periodColumn), .text(PersonalDocuments.month(slip.period, language: language))),
                        .td(.attribute(named: "data-label", value: texts.kindColumn), .text(texts.kindName(slip.kind))),
                        .td(.attribute(named: "data-label", value: texts.grossColumn), .text(Money.text(slip.grossCents, language: language))),
                        .td(.attribute(named: "data-label", value: texts.netColumn), .text(Money.text(slip.netCents, language: language))),
                        .td(.attribute(named: "data-label", value: texts.whereColumn), whereNode(slip))
                    )
                })
            ))
        ))
    }

    private func whereNode(_ slip: PaySlip) -> Node<HTML.BodyContext> {
        switch slip.delivery {
        case .delivered: .a(.href("/ebox"), .text(texts.inEBox))
        case .waitingForEBox: .text(texts.waitingForEBox)
        case .pending, .none: .text(texts.beingPublished)
        }
    }
}
