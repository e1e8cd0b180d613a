import PersoCore
import Plot

/// The leave request form: kind, days, how much of the day, and for hours from when to when.
struct AbsenceRequestForm {
    let form: AbsenceForm
    let texts: AbsenceTexts
    let session: Session

    var node: Node<HTML.BodyContext> {
        .form(
            .id("absence-form"), .class("data-form"), .method(.post), .action(SelfServicePath.absences),
            .attribute(named: "data-keep-draft", value: "true"), .attribute(named: "novalidate", value: "novalidate"),
            .csrfField(session),
            .h2(.text(texts.requestLegend)),
            .unwrap(form.general) { .p(.id("request-problem"), .class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .if(!form.problems.isEmpty, .p(.id("form-errors"), .class("form-error"), .attribute(named: "role", value: "alert"), .text(texts.fixErrors))),
            typeField,
            field(.from, texts.fromLabel, type: .date, hint: nil),
            field(.to, texts.toLabel, type: .date, hint: texts.toHint),
            partField,
            .div(.class("time-range"), field(.start, texts.startLabel, type: .time, hint: nil), field(.end, texts.endLabel, type: .time, hint: nil)),
            .button(.id("request-absence"), .type(.submit), .text(texts.requestButton))
        )
    }

    private var typeField: Node<HTML.FormContext> {
        .div(
            .class("field"),
            .label(.for("absence-type"), .text(texts.typeLabel)),
            .select(
                .id("absence-type"), .attribute(named: "name", value: "type"),
                SelectOptions.node(LeaveType.requestable.map { ($0.rawValue, texts.typeName($0)) }, selected: form[.type].isEmpty ? "annual" : form[.type])
            )
        )
    }

    private var partField: Node<HTML.FormContext> {
        .fieldset(
            .class("choices"),
            .element(named: "legend", nodes: [.text(texts.partLabel)]),
            .forEach(Absence.Part.allCases) { choice($0) }
        )
    }

    private func choice(_ part: Absence.Part) -> Node<HTML.FormContext> {
        let id = "part-" + part.rawValue
        let input: Node<HTML.FormContext> = .input(.id(id), .type(.radio), .name("part"), .value(part.rawValue),
                                                   .attribute(named: "checked", value: form.part == part ? "checked" : nil))
        return .div(.class("choice"), input, .label(.for(id), .text(texts.partName(part))))
    }

    private func field(_ field: AbsenceForm.Field, _ label: String, type: HTMLInputType, hint: String?) -> Node<HTML.FormContext> {
        LabelledInput(id: "absence-" + field.rawValue, name: field.rawValue, label: label, type: type, value: form[field], hint: hint,
                      problem: form.problems[field]).node
    }
}
