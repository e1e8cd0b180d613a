import PersoCore
import Plot

/// The sick leave form: first and last day, and the certificate.
struct SickLeavePage {
    let values: [String: String]
    let problems: [String: String]
    let texts: AbsenceTexts
    let appTexts: SelfServiceTexts
    let session: Session

    var page: Page {
        Page(title: texts.sickTitle, content: .div(
            ApplicationNavigation.node(current: .absences, texts: appTexts),
            .h1(.text(texts.sickTitle)),
            .p(.class("lead"), .text(texts.sickLead)),
            .if(!problems.isEmpty, .p(.id("form-errors"), .class("form-error"), .attribute(named: "role", value: "alert"),
                                      .text(problems["general"] ?? texts.fixErrors))),
            .form(
                .id("sick-form"), .class("data-form"), .method(.post), .action(SelfServicePath.sick),
                .enctype(.multipartData), .attribute(named: "novalidate", value: "novalidate"),
                .csrfField(session),
                field("from", texts.fromLabel, type: .date, hint: nil),
                field("to", texts.toLabel, type: .date, hint: nil),
                field("certificate", texts.certificateLabel, type: .file, hint: texts.certificateHint),
                .button(.id("register-sick"), .type(.submit), .text(texts.sickButton))
            )
        ))
    }

    private func field(_ name: String, _ label: String, type: HTMLInputType, hint: String?) -> Node<HTML.FormContext> {
        LabelledInput(id: "sick-" + name, name: name, label: label, type: type, value: values[name], hint: hint, problem: problems[name],
                      accept: type == .file ? ".pdf,.jpg,.jpeg,.png" : nil).node
    }
}
