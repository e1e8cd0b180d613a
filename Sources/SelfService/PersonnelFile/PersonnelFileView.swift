import Foundation
import PersoCore
import Plot

/// The personnel file, read-only: identity, career, regime, training and the documents delivered. The person sees
/// their own; HR officers see their organisation's.
struct PersonnelFileView {
    let member: StaffMember
    let managerName: String?
    let slips: [PaySlip]
    let decisions: [CareerInterruption]
    let texts: HRTexts
    let appTexts: SelfServiceTexts
    let language: Language

    var node: Node<HTML.BodyContext> {
        .div(
            .id("personnel-file"),
            section("identity", texts.identityTitle, [
                (texts.nameLabel, member.fullName),
                (texts.nationalNumberLabel, (try? NationalRegisterNumber(member.nationalNumber).formatted) ?? member.nationalNumber),
                (texts.birthDateLabel, day(member.birthDate)),
                (texts.emailLabel, member.email),
                (texts.languageLabel, member.language.rawValue.uppercased()),
            ]),
            section("career", texts.careerTitle, [
                (appTexts.organisation, appTexts.organisationName(member.organisation, language: language)),
                (texts.serviceLabel, member.service),
                (texts.gradeLabel, member.grade),
                (texts.entryDateLabel, day(member.entryDate)),
                (texts.managerLabel, managerName ?? "–"),
            ]),
            regimeNode,
            trainingNode,
            documentsNode
        )
    }

    private func day(_ iso: String) -> String { FederalCalendar.Day(iso: iso).map { BelgianTime.longDay($0, language: language) } ?? iso }

    private func section(_ id: String, _ title: String, _ facts: [(String, String)]) -> Node<HTML.BodyContext> {
        .section(.id(id), .class("card"), .h2(.text(title)), .dl(.class("facts"), .forEach(facts) { fact in
            .group(.dt(.text(fact.0)), .dd(.text(fact.1)))
        }))
    }

    private var regimeNode: Node<HTML.BodyContext> {
        .section(.id("regime"), .class("card"),
                 .h2(.text(texts.regimeTitle)),
                 .p(.id("regime-share"), .text(texts.regimeShare(member.regime.shareName))),
                 .dl(.class("facts"), .forEach(Array(member.regime.minutes.enumerated()).filter { $0.element > 0 }) { index, minutes in
                     .group(.dt(.text(texts.weekdayName(index))), .dd(.text(WorkingTime.text(minutes))))
                 }))
    }

    private var trainingNode: Node<HTML.BodyContext> {
        .section(.id("training"), .class("card"),
                 .h2(.text(texts.trainingTitle)),
                 .if(member.training.isEmpty, .p(.text(texts.noTraining)), else: .table(
                    .class("cards"),
                    .thead(.tr(.th(.text(texts.trainingColumn)), .th(.text(texts.dateColumn)), .th(.text(texts.hoursColumn)))),
                    .tbody(.forEach(member.training) { training in
                        .tr(.td(.attribute(named: "data-label", value: texts.trainingColumn), .text(training.title)),
                            .td(.attribute(named: "data-label", value: texts.dateColumn), .text(day(training.day))),
                            .td(.attribute(named: "data-label", value: texts.hoursColumn), .text(String(training.hours))))
                    })
                 )))
    }

    private var documentsNode: Node<HTML.BodyContext> {
        let decided = decisions.filter { $0.status != .requested }
        return .section(.id("documents"), .class("card"),
                        .h2(.text(texts.documentsTitle)),
                        .if(slips.isEmpty && decided.isEmpty, .p(.text(texts.noDocuments)), else: .ul(
                            .forEach(decided) { decision in
                                .li(.class("document"), .text("\(texts.decisionDocumentTitle) – \(texts.interruptionStatusName(decision.status)) – "),
                                    .text(texts.deliveryName(decision.delivery)))
                            },
                            .forEach(slips) { slip in
                                .li(.class("document"), .text(texts.payslipTitle(texts.kindName(slip.kind), PersonalDocuments.month(slip.period, language: language))),
                                    .text(" – " + where_(slip.delivery)))
                            }
                        )))
    }

    private func where_(_ state: DocumentDelivery.State) -> String {
        switch state {
        case .delivered: texts.inEBox
        case .waitingForEBox: texts.waitingForEBox
        case .pending, .none: texts.beingPublished
        }
    }
}
