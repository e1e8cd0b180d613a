import Foundation
import PersoCore
import Plot

/// One application for a career interruption, for an HR officer: the facts, then approve, or refuse with the reason
/// the decision will state; once decided, where its document is.
struct InterruptionDecisionPage {
    let application: CareerInterruption
    let member: StaffMember
    let reasonMissing: Bool
    let texts: HRTexts
    let appTexts: SelfServiceTexts
    let language: Language
    let session: Session

    var page: Page {
        let path = SelfServicePath.hrInterruption(application.id ?? UUID())
        return Page(title: texts.decideTitle, content: .div(
            ApplicationNavigation.node(current: .hr, texts: appTexts),
            .h1(.text(texts.decideTitle)),
            .dl(.id("interruption-facts"), .class("facts"),
                .dt(.text(texts.nameLabel)), .dd(.text(member.fullName)),
                .dt(.text(texts.serviceLabel)), .dd(.text(member.service)),
                .dt(.text(texts.interruptionKindLabel)), .dd(.text(texts.interruptionKindName(application.kind))),
                .dt(.text(texts.interruptionRegimeLabel)), .dd(.text(texts.interruptionRegimeName(application.regime))),
                .dt(.text(texts.periodColumn)), .dd(.text(PersonalDocuments.period(application, language: language))),
                .dt(.text(AbsenceTexts.texts(for: language).statusColumn)),
                .dd(.id("interruption-status"), .attribute(named: "data-status", value: application.status.rawValue),
                    .text(texts.interruptionStatusName(application.status)))),
            .if(application.status != .requested, .p(.id("decision-recorded"), .class("notice"),
                                                     .attribute(named: "data-delivery", value: application.delivery.rawValue),
                                                     .text(texts.decisionRecorded(application.delivery)))),
            .if(application.status == .requested, .div(
                .class("decision"),
                .form(.method(.post), .action(path), .csrfField(session), .input(.type(.hidden), .name("decision"), .value("approve")),
                      .button(.id("approve-interruption"), .type(.submit), .text(texts.approveInterruption))),
                .form(.class("data-form"), .method(.post), .action(path), .csrfField(session), .input(.type(.hidden), .name("decision"), .value("refuse")),
                      .if(reasonMissing, .p(.id("reason-needed"), .class("form-error"), .attribute(named: "role", value: "alert"), .text(texts.reasonNeeded))),
                      .div(.class("field"), .label(.for("decision-reason"), .text(texts.decisionReasonLabel)),
                           .span(.id("decision-reason-hint"), .class("hint"), .text(texts.decisionReasonHint)),
                           .textarea(.id("decision-reason"), .name("reason"), .attribute(named: "rows", value: "3"),
                                     .attribute(named: "maxlength", value: "1000"), .attribute(named: "aria-describedby", value: "decision-reason-hint"))),
                      .button(.id("refuse-interruption"), .class("secondary"), .type(.submit), .text(texts.refuseInterruption)))
            )),
            .p(.a(.class("button secondary"), .href(SelfServicePath.hr), .text(texts.hrTitle)))
        ))
    }
}
