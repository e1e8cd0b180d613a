import Foundation
import PersoCore
import Plot

/// One request for the manager or the substitute: who, what, when, the balance it leaves, its history, and the
/// decision (a refusal needs its reason). For a cancellation: agree, or keep the leave.
struct RequestPage {
    enum Notice { case alreadyDecided, reasonMissing }

    let absence: Absence
    let owner: StaffMember
    let balance: LeaveBalance?
    let history: [AbsenceEvent]
    let notice: Notice?
    let texts: AbsenceTexts
    let appTexts: SelfServiceTexts
    let language: Language
    let session: Session

    var page: Page {
        Page(title: texts.requestTitle, content: .div(
            ApplicationNavigation.node(current: .team, texts: appTexts),
            .h1(.text(texts.requestTitle)),
            .unwrap(notice) { notice in
                switch notice {
                case .alreadyDecided: .p(.id("already-decided"), .class("form-error"), .attribute(named: "role", value: "alert"), .text(texts.alreadyDecided))
                case .reasonMissing: .p(.id("reason-missing"), .class("form-error"), .attribute(named: "role", value: "alert"), .text(texts.reasonMissing))
                }
            },
            .if(absence.status == .cancellationRequested, .p(.id("asks-cancellation"), .class("notice"), .text(texts.asksCancellation))),
            AbsenceFacts(absence: absence, texts: texts, language: language, person: owner.fullName).node,
            .unwrap(balance?.left) { left in .p(.id("balance-after"), .text(texts.balanceAfter(WorkingTime.text(left)))) },
            decisionNode,
            AbsenceHistory(history: history, texts: texts).node,
            .p(.a(.class("button secondary"), .href(SelfServicePath.team), .text(texts.teamTitle)))
        ))
    }

    private var decisionNode: Node<HTML.BodyContext> {
        guard absence.status == .requested || absence.status == .cancellationRequested else { return .empty }
        let cancellation = absence.status == .cancellationRequested
        let path = SelfServicePath.request(absence.id?.uuidString.lowercased() ?? "")
        return .div(
            .class("decision"),
            .form(.id("approve-form"), .method(.post), .action(path), .csrfField(session),
                  .input(.type(.hidden), .name("decision"), .value("approve")),
                  .button(.id(cancellation ? "agree-cancellation" : "approve"), .type(.submit),
                          .text(cancellation ? texts.agreeCancellation : texts.approve))),
            .form(.id("refuse-form"), .class("data-form"), .method(.post), .action(path), .csrfField(session),
                  .input(.type(.hidden), .name("decision"), .value("refuse")),
                  .div(.class("field"),
                       .label(.for("refusal-reason"), .text(texts.refusalReasonLabel)),
                       .span(.id("refusal-reason-hint"), .class("hint"), .text(texts.refusalReasonHint)),
                       .textarea(.id("refusal-reason"), .name("reason"), .attribute(named: "rows", value: "3"),
                                 .attribute(named: "maxlength", value: "1000"),
                                 .attribute(named: "aria-describedby", value: "refusal-reason-hint"),
                                 .attribute(named: "aria-invalid", value: notice == .reasonMissing ? "true" : nil))),
                  .button(.id(cancellation ? "keep-leave" : "refuse"), .class("secondary"), .type(.submit),
                          .text(cancellation ? texts.keepLeave : texts.refuse)))
        )
    }
}
