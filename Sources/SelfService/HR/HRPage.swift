import Foundation
import PersoCore
import Plot

/// The HR area's home: applications waiting, the pay slip publications, the way to the personnel files.
struct HRPage {
    let officer: HROfficer
    let waiting: [CareerInterruption]
    let staff: [String: StaffMember]
    let runs: [PaySlipRun]
    let texts: HRTexts
    let appTexts: SelfServiceTexts
    let language: Language

    var page: Page {
        Page(title: texts.hrTitle, content: .div(
            ApplicationNavigation.node(current: .hr, texts: appTexts),
            .h1(.text(texts.hrTitle)),
            .p(.class("lead"), .text(texts.hrLead)),
            .p(.text(appTexts.organisation + ": " + officer.organisations.map { appTexts.organisationName($0, language: language) }.joined(separator: ", "))),
            .section(
                .h2(.text(texts.hrInterruptionsTitle)),
                .if(waiting.isEmpty, .p(.id("hr-none-waiting"), .text(texts.hrNoneWaiting)), else: .ul(
                    .id("hr-interruptions"),
                    .forEach(waiting) { application in
                        .li(.a(.class("decide-interruption"), .href(SelfServicePath.hrInterruption(application.id ?? UUID())),
                               .text(staff[application.nationalNumber]?.fullName ?? application.nationalNumber)),
                            .text(" – \(texts.interruptionKindName(application.kind)), \(texts.interruptionRegimeName(application.regime).lowercased()), "
                                  + PersonalDocuments.period(application, language: language)))
                    }
                ))
            ),
            .section(
                .h2(.text(texts.publishTitle)),
                .p(.a(.id("publish-payslips-link"), .class("button"), .href(SelfServicePath.hrPayslips), .text(texts.publishTitle))),
                .if(!runs.isEmpty, .group(.h3(.text(texts.previousRuns)), .ul(.id("payslip-runs"), .forEach(runs) { run in
                    .li(.a(.href(SelfServicePath.hrRun(run.id ?? UUID())),
                           .text("\(PersonalDocuments.month(run.period, language: language)) – "
                                 + run.organisations.map { appTexts.organisationName($0, language: language) }.joined(separator: ", "))),
                        .text(" (\(run.total)) " + texts.startedBy(run.startedByName, BelgianTime.minute(run.startedAt))))
                })))
            ),
            .section(
                .h2(.text(texts.staffTitle)),
                .p(.a(.id("staff-link"), .class("button secondary"), .href(SelfServicePath.staff), .text(texts.staffTitle)))
            )
        ))
    }
}

/// The organisation's people, each leading to their personnel file.
struct StaffPage {
    let staff: [StaffMember]
    let texts: HRTexts
    let appTexts: SelfServiceTexts
    let language: Language

    var page: Page {
        Page(title: texts.staffTitle, content: .div(
            ApplicationNavigation.node(current: .hr, texts: appTexts),
            .h1(.text(texts.staffTitle)),
            .p(.class("lead"), .text(texts.staffLead)),
            .table(.id("staff"), .class("cards"),
                   .thead(.tr(.th(.text(texts.nameLabel)), .th(.text(texts.serviceLabel)), .th(.text(texts.gradeLabel)), .th(.text(appTexts.organisation)))),
                   .tbody(.forEach(staff) { member in
                       .tr(.td(.attribute(named: "data-label", value: texts.nameLabel),
                               .a(.href(SelfServicePath.staffFile(member.nationalNumber)), .text(member.fullName))),
                           .td(.attribute(named: "data-label", value: texts.serviceLabel), .text(member.service)),
                           .td(.attribute(named: "data-label", value: texts.gradeLabel), .text(member.grade)),
                           .td(.attribute(named: "data-label", value: appTexts.organisation),
                               .text(appTexts.organisationName(member.organisation, language: language))))
                   }))
        ))
    }
}
