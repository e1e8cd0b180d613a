import Foundation
import PersoCore
import Plot

/// The person's absences: balances of the year, the request form, and every request with what became of it.
struct AbsencesPage {
    enum Notice: String { case requested, withdrawn, cancellation, sick, changed }

    let member: StaffMember
    let balances: [LeaveBalance]
    let year: Int
    let absences: [Absence]
    let form: AbsenceForm
    let notice: Notice?
    let texts: AbsenceTexts
    let appTexts: SelfServiceTexts
    let language: Language
    let session: Session

    var page: Page {
        Page(title: texts.absencesTitle, status: form.hasProblems ? .unprocessableContent : .ok, content: .div(
            ApplicationNavigation.node(current: .absences, texts: appTexts),
            .h1(.text(texts.absencesTitle)),
            .p(.class("lead"), .text(texts.absencesLead)),
            noticeNode,
            balancesNode,
            AbsenceRequestForm(form: form, texts: texts, session: session).node,
            .p(.class("related-links"),
               .a(.id("sick-link"), .class("button secondary"), .href(SelfServicePath.sick), .text(texts.sickLink)), .text(" "),
               .a(.id("telework-link"), .class("button secondary"), .href(SelfServicePath.telework), .text(HRTexts.texts(for: language).teleworkTitle)), .text(" "),
               .a(.id("interruption-link"), .class("button secondary"), .href(SelfServicePath.interruption),
                  .text(HRTexts.texts(for: language).interruptionTitle))),
            listNode
        ))
    }

    private var noticeNode: Node<HTML.BodyContext> {
        guard let notice else { return .empty }
        let text = switch notice {
        case .requested: texts.requested
        case .withdrawn: texts.withdrawn
        case .cancellation: texts.cancellationAsked
        case .sick: texts.sickRecorded
        case .changed: texts.notPossibleAnyMore
        }
        return .p(.id(notice.rawValue), .class(notice == .changed ? "form-error" : "notice"), .attribute(named: "role", value: "status"), .text(text))
    }

    private var balancesNode: Node<HTML.BodyContext> {
        let annual = balances.first { $0.type == .annual }
        return .section(
            .id("balances-section"),
            .h2(.text(texts.balancesTitle + " – " + texts.balanceYear(year))),
            .p(.class("hint"), .text(texts.hoursNote)),
            .table(
                .id("balances"), .class("cards balances"),
                .thead(.tr(.th(.text(texts.balanceType)), .th(.text(texts.entitled)), .th(.text(texts.taken)), .th(.text(texts.planned)),
                           .th(.text(texts.left)))),
                .tbody(.forEach(balances) { balance in
                    .tr(
                        .attribute(named: "data-type", value: balance.type.rawValue),
                        .th(.attribute(named: "scope", value: "row"), .text(texts.typeName(balance.type))),
                        amount("entitled", texts.entitled, balance.entitled, otherwise: balance.type.daysPerEvent.map(texts.perEvent) ?? "–"),
                        amount("taken", texts.taken, balance.taken, otherwise: ""),
                        amount("planned", texts.planned, balance.planned, otherwise: ""),
                        amount("left", texts.left, balance.left, otherwise: "–")
                    )
                })
            ),
            .unwrap(annual.flatMap { $0.carriedOver > 0 && $0.lapsed == 0 ? $0 : nil }) { balance in
                .p(.id("carry-over"), .class("hint"), .text(texts.carriedOver(
                    WorkingTime.text(balance.carriedOver), BelgianTime.longDay(LeaveBalance.carryOverDeadline(year), language: language))))
            },
            .unwrap(annual.flatMap { $0.lapsed > 0 ? $0 : nil }) { balance in
                .p(.id("carry-over-lapsed"), .class("hint"), .text(texts.lapsed(WorkingTime.text(balance.lapsed))))
            }
        )
    }

    private func amount(_ name: String, _ label: String, _ minutes: Int?, otherwise: String) -> Node<HTML.TableRowContext> {
        guard let minutes else { return .td(.class(name), .attribute(named: "data-label", value: label), .text(otherwise)) }
        return .td(.class(name), .attribute(named: "data-label", value: label), .attribute(named: "data-minutes", value: String(minutes)),
                   .text(WorkingTime.text(minutes)))
    }

    private var listNode: Node<HTML.BodyContext> {
        .section(
            .h2(.text(texts.myAbsencesTitle)),
            .if(absences.isEmpty, .p(.id("no-absences"), .text(texts.noAbsences)), else: .table(
                .id("my-absences"), .class("cards"),
                .thead(.tr(.th(.text(texts.whenColumn)), .th(.text(texts.typeColumn)), .th(.text(texts.lengthColumn)),
                           .th(.text(texts.statusColumn)), .th(.text(texts.actionsColumn)))),
                .tbody(.forEach(absences) { row($0) })
            ))
        )
    }

    private func row(_ absence: Absence) -> Node<HTML.TableContext> {
        let id = absence.id?.uuidString.lowercased() ?? ""
        let today = FederalCalendar.Day(Date()).description
        return .tr(
            .attribute(named: "data-absence", value: id),
            .attribute(named: "data-status", value: absence.status.rawValue),
            .td(.attribute(named: "data-label", value: texts.whenColumn), .text(AbsenceWording.when(absence, texts: texts, language: language))),
            .td(.attribute(named: "data-label", value: texts.typeColumn), .text(texts.typeName(absence.type))),
            .td(.attribute(named: "data-label", value: texts.lengthColumn), .text(WorkingTime.text(absence.minutes))),
            .td(.class("status"), .attribute(named: "data-label", value: texts.statusColumn), .text(texts.statusName(absence.status))),
            .td(
                .class("actions"),
                .a(.class("details"), .href(SelfServicePath.absence(id)), .text(texts.details)),
                .if(absence.status == .requested, action(SelfServicePath.withdraw(id), "withdraw", texts.withdraw)),
                .if(absence.status == .approved && absence.lastDay >= today, action(SelfServicePath.cancellation(id), "ask-cancellation", texts.askCancellation))
            )
        )
    }

    private func action(_ path: String, _ name: String, _ label: String) -> Node<HTML.BodyContext> {
        .form(.class("inline"), .method(.post), .action(path), .csrfField(session),
              .button(.class(name + " secondary"), .type(.submit), .text(label)))
    }
}
