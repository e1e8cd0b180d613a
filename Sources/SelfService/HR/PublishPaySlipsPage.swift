import Foundation
import PersoCore
import Plot

/// The upload of a month's payroll export.
struct PublishPaySlipsPage {
    let organisations: [String]
    let values: [String: String]
    let problems: [String]
    let texts: HRTexts
    let appTexts: SelfServiceTexts
    let language: Language
    let session: Session

    var page: Page {
        Page(title: texts.publishTitle, content: .div(
            ApplicationNavigation.node(current: .hr, texts: appTexts),
            .h1(.text(texts.publishTitle)),
            .p(.class("lead"), .text(texts.publishLead)),
            .if(!problems.isEmpty, .div(.id("publish-problems"), .class("form-error"), .attribute(named: "role", value: "alert"),
                                        .ul(.forEach(problems) { .li(.text($0)) }))),
            .form(
                .id("payslips-form"), .class("data-form"), .method(.post), .action(SelfServicePath.hrPayslips), .enctype(.multipartData),
                .attribute(named: "novalidate", value: "novalidate"), .csrfField(session),
                .p(.id("payslip-organisations"), .text(texts.organisationLabel + ": "
                                                      + organisations.map { appTexts.organisationName($0, language: language) }.joined(separator: ", "))),
                LabelledInput(id: "payslip-period", name: "period", label: texts.periodLabel, type: .month, value: values["period"], hint: texts.periodHint).node,
                LabelledInput(id: "payslip-csv", name: "payroll", label: texts.csvLabel, type: .file, hint: texts.csvHint, accept: ".csv,text/csv").node,
                .button(.id("publish-payslips"), .type(.submit), .text(texts.publishButton))
            )
        ))
    }
}

/// A run's progress while the pay slips go out (kept current by `RunProgressScript` until the end), then its
/// report: how many are in an eBox, who has none yet.
struct PaySlipRunPage {
    let run: PaySlipRun
    let progress: PaySlips.Progress
    let waiting: [StaffMember]
    let texts: HRTexts
    let appTexts: SelfServiceTexts
    let language: Language

    var page: Page {
        Page(title: texts.runTitle(PersonalDocuments.month(run.period, language: language)), content: .div(
            ApplicationNavigation.node(current: .hr, texts: appTexts),
            .h1(.text(texts.runTitle(PersonalDocuments.month(run.period, language: language)))),
            .p(.text(run.organisations.map { appTexts.organisationName($0, language: language) }.joined(separator: ", ") + " – " + texts.startedBy(run.startedByName, BelgianTime.minute(run.startedAt)))),
            .div(
                .id("run-progress"),
                .element(named: "progress", nodes: [
                    .id("progress"), .attribute(named: "max", value: String(max(progress.total, 1))), .attribute(named: "value", value: String(progress.handled)),
                    .attribute(named: "aria-labelledby", value: "progress-text"),
                ]),
                .p(.id("progress-text"), .attribute(named: "role", value: "status"), .attribute(named: "data-done", value: String(progress.handled)),
                   .attribute(named: "data-total", value: String(progress.total)), .attribute(named: "data-finished", value: progress.finished ? "true" : "false"),
                   .text(texts.runProgress(progress.handled, progress.total) + (progress.finished ? " – " + texts.runFinished : ""))),
                .ul(.id("report"),
                    .li(.id("report-delivered"), .attribute(named: "data-count", value: String(progress.delivered)), .text(texts.runPublished(progress.delivered))),
                    .li(.id("report-waiting"), .attribute(named: "data-count", value: String(progress.waitingForEBox)), .text(texts.runWaiting(progress.waitingForEBox)))),
                .if(!progress.finished, .p(.a(.id("reload"), .href(SelfServicePath.hrRun(run.id ?? UUID())), .text(texts.runTitle(PersonalDocuments.month(run.period, language: language)))))),
            .if(!waiting.isEmpty, .section(
                .h2(.text(texts.noEBoxTitle)),
                .p(.class("hint"), .text(texts.noEBoxLead)),
                .ul(.id("no-ebox"), .forEach(waiting) { member in .li(.attribute(named: "data-person", value: member.nationalNumber), .text(member.fullName + " – " + member.email)) })
            ))
            ),
            .script(.src(RunProgressScript.path), .attribute(named: "defer", value: "defer")),
            .p(.a(.class("button secondary"), .href(SelfServicePath.hr), .text(texts.hrTitle)))
        ))
    }
}
