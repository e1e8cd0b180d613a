import Foundation
import PersoCore
import Plot

/// The manager's team: requests waiting, a month of who is away (never why), and the substitute for the manager's
/// own absence.
struct TeamPage {
    enum Notice: String { case decided, teleworkDecided = "telework-decided", alreadyDecided = "already-decided", substituteSaved = "substitute-saved", substituteRemoved = "substitute-removed" }

    let member: StaffMember
    let team: [StaffMember]
    let month: FederalCalendar.Day
    let lastDay: FederalCalendar.Day
    let absences: [Absence]
    let teleworkDays: [String: [FederalCalendar.Day]]
    let teleworkWaiting: [TeleworkPattern]
    let waiting: [(Absence, StaffMember)]
    /// The managers this person stands in for today.
    let standingIn: [String]
    let substitutions: [Substitution]
    let candidates: [StaffMember]
    let names: [String: StaffMember]
    let notice: Notice?
    /// The substitute form as sent, when it came back refused.
    let problem: FormFields?
    let today: FederalCalendar.Day
    let texts: AbsenceTexts
    let appTexts: SelfServiceTexts
    let language: Language
    let session: Session

    var page: Page {
        Page(title: texts.teamTitle, content: .div(
            ApplicationNavigation.node(current: .team, texts: appTexts),
            .h1(.text(texts.teamTitle)),
            .p(.class("lead"), .text(texts.teamLead)),
            noticeNode,
            .forEach(standingIn) { name in .p(.class("notice standing-in"), .text(texts.standingIn(name))) },
            waitingNode,
            TeleworkApprovals(waiting: teleworkWaiting, team: team, texts: HRTexts.texts(for: language), session: session).node,
            TeamCalendar(team: team, month: month, lastDay: lastDay, absences: absences, teleworkDays: teleworkDays, today: today, texts: texts,
                         language: language).node,
            substitutesNode
        ))
    }

    private var noticeNode: Node<HTML.BodyContext> {
        guard let notice else { return .empty }
        let text = switch notice {
        case .decided: texts.decided
        case .teleworkDecided: HRTexts.texts(for: language).teleworkDecided
        case .alreadyDecided: texts.alreadyDecided
        case .substituteSaved: texts.substituteSaved
        case .substituteRemoved: texts.substituteRemoved
        }
        return .p(.id(notice.rawValue), .class("notice"), .attribute(named: "role", value: "status"), .text(text))
    }

    private var waitingNode: Node<HTML.BodyContext> {
        .section(
            .h2(.text(texts.waitingTitle)),
            .if(waiting.isEmpty, .p(.id("none-waiting"), .text(texts.noneWaiting)), else: .table(
                .id("waiting"), .class("cards"),
                .thead(.tr(.th(.text(texts.personColumn)), .th(.text(texts.typeColumn)), .th(.text(texts.whenColumn)),
                           .th(.text(texts.lengthColumn)), .th(.text(texts.statusColumn)), .th(.text(texts.actionsColumn)))),
                .tbody(.forEach(waiting) { absence, owner in
                    let id = absence.id?.uuidString.lowercased() ?? ""
                    return .tr(
                        .attribute(named: "data-absence", value: id),
                        .td(.attribute(named: "data-label", value: texts.personColumn), .text(owner.fullName)),
                        .td(.attribute(named: "data-label", value: texts.typeColumn), .text(texts.typeName(absence.type))),
                        .td(.attribute(named: "data-label", value: texts.whenColumn), .text(AbsenceWording.when(absence, texts: texts, language: language))),
                        .td(.attribute(named: "data-label", value: texts.lengthColumn), .text(WorkingTime.text(absence.minutes))),
                        .td(.attribute(named: "data-label", value: texts.statusColumn), .text(texts.statusName(absence.status))),
                        .td(.a(.class("open-request button"), .href(SelfServicePath.request(id)), .text(texts.open)))
                    )
                })
            ))
        )
    }

    private var substitutesNode: Node<HTML.BodyContext> {
        .section(
            .id("substitutes"),
            .h2(.text(texts.substitutesTitle)),
            .p(.class("hint"), .text(texts.substitutesLead)),
            .ul(.id("substitutions"), .forEach(substitutions) { substitution in
                .li(
                    .text(texts.substitutionLine(names[substitution.substitute]?.fullName ?? substitution.substitute,
                                                 day(substitution.firstDay), day(substitution.lastDay)) + " "),
                    .form(.class("inline"), .method(.post), .action(SelfServicePath.removeSubstitute(substitution.id ?? UUID())),
                          .csrfField(session), .button(.class("secondary remove-substitute"), .type(.submit), .text(texts.removeSubstitute)))
                )
            }),
            SubstituteForm(candidates: candidates, problem: problem, texts: texts, session: session).node
        )
    }

    private func day(_ iso: String) -> String {
        FederalCalendar.Day(iso: iso).map { BelgianTime.longDay($0, language: language) } ?? iso
    }
}

/// "I am away from … to …, and X decides meanwhile."
struct SubstituteForm {
    let candidates: [StaffMember]
    let problem: FormFields?
    let texts: AbsenceTexts
    let session: Session

    var node: Node<HTML.BodyContext> {
        .form(
            .id("substitute-form"), .class("data-form"), .method(.post), .action(SelfServicePath.substitutes), .csrfField(session),
            .attribute(named: "novalidate", value: "novalidate"),
            .if(problem != nil, .p(.id("substitute-problem"), .class("form-error"), .attribute(named: "role", value: "alert"), .text(texts.substituteProblem))),
            .div(.class("field"), .label(.for("away-from"), .text(texts.awayFrom)),
                 .input(.id("away-from"), .name("from"), .type(.date), .value(problem?["from"] ?? ""))),
            .div(.class("field"), .label(.for("away-to"), .text(texts.awayTo)),
                 .input(.id("away-to"), .name("to"), .type(.date), .value(problem?["to"] ?? ""))),
            .div(.class("field"), .label(.for("substitute"), .text(texts.substituteLabel)),
                 .select(.id("substitute"), .attribute(named: "name", value: "substitute"),
                         SelectOptions.node(candidates.map { ($0.nationalNumber, $0.fullName) }, selected: problem?["substitute"]))),
            .button(.id("save-substitute"), .type(.submit), .text(texts.saveSubstitute))
        )
    }
}
