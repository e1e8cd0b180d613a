import PersoCore
import Plot

/// The fields PersoContact's forms share, each with its label, hint and error tied to the input for screen readers.
enum FormParts {
    static func textField(id: String, label: String, value: String, limit: Int, error: String?) -> Node<HTML.FormContext> {
        .div(
            .class("field"),
            .label(.for(id), .text(label)),
            .unwrap(error) { .span(.id("\(id)-error"), .class("form-error"), .text($0)) },
            .input(.id(id), .name(id), .type(.text), .value(value), .attribute(named: "maxlength", value: String(limit)),
                   .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                   .attribute(named: "aria-describedby", value: error == nil ? nil : "\(id)-error"))
        )
    }

    static func textArea(id: String, label: String, hint: String?, value: String, limit: Int, error: String?) -> Node<HTML.FormContext> {
        let described = [hint == nil ? nil : "\(id)-hint", error == nil ? nil : "\(id)-error"].compactMap { $0 }.joined(separator: " ")
        return .div(
            .class("field"),
            .label(.for(id), .text(label)),
            .unwrap(hint) { .span(.id("\(id)-hint"), .class("hint"), .text($0)) },
            .unwrap(error) { .span(.id("\(id)-error"), .class("form-error"), .text($0)) },
            .textarea(.id(id), .name(id), .attribute(named: "rows", value: "8"), .attribute(named: "maxlength", value: String(limit)),
                      .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                      .attribute(named: "aria-describedby", value: described.isEmpty ? nil : described),
                      .text(value))
        )
    }

    static func topicField(_ field: TopicField, value: String, error: String?, texts: ContactTexts) -> Node<HTML.FormContext> {
        let id = "field-\(field.name)"
        let label = texts.fieldLabel(field.name) + (field.required ? "" : " " + texts.optional)
        let input: Node<HTML.FormContext>
        switch field.kind {
        case .month:
            input = .input(.id(id), .name(field.name), .type(.month), .value(value), .attribute(named: "placeholder", value: "2026-11"),
                           .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                           .attribute(named: "aria-describedby", value: error == nil ? nil : "\(id)-error"))
        case .date:
            input = .input(.id(id), .name(field.name), .type(.date), .value(value),
                           .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                           .attribute(named: "aria-describedby", value: error == nil ? nil : "\(id)-error"))
        case .choice(let options):
            input = .select(.id(id), .attribute(named: "name", value: field.name),
                            SelectOptions.node([("", texts.choose)] + options.map { ($0, texts.choiceName($0)) }, selected: value))
        }
        return .div(
            .class("field"),
            .label(.for(id), .text(label)),
            .unwrap(error) { .span(.id("\(id)-error"), .class("form-error"), .text($0)) },
            input
        )
    }

    static func fileField(texts: ContactTexts, problem: UploadedForm.Problem?, chooseAgain: Bool, name: String = "attachments",
                          label: String? = nil, hint: String? = nil, accept: String = ".pdf,.png,.jpg,.jpeg,.txt",
                          multiple: Bool = true) -> Node<HTML.FormContext> {
        let id = "\(name)-input"
        let error = problem.map { texts.uploadProblem($0) } ?? (chooseAgain ? texts.chooseFilesAgain : nil)
        return .div(
            .class("field"),
            .label(.for(id), .text(label ?? texts.attachmentsLabel)),
            .span(.id("\(id)-hint"), .class("hint"), .text(hint ?? texts.attachmentsHint)),
            .unwrap(error) { .span(.id("\(id)-error"), .class("form-error"), .text($0)) },
            .input(.id(id), .name(name), .type(.file), .attribute(named: "accept", value: accept),
                   .attribute(named: "multiple", value: multiple ? "multiple" : nil),
                   .attribute(named: "aria-describedby", value: error == nil ? "\(id)-hint" : "\(id)-hint \(id)-error"))
        )
    }
}

/// PersoContact's own menu, with the current page marked; handlers also see their queue and templates.
enum ContactNavigation {
    enum Item { case ask, cases, queue, templates }

    static func node(current: Item?, handler: Bool, texts: ContactTexts) -> Node<HTML.BodyContext> {
        var items: [(Item, String, String, String)] = [
            (.ask, ContactPath.ask, texts.askTitle, "nav-ask"),
            (.cases, ContactPath.cases, texts.myCasesTitle, "nav-cases"),
        ]
        if handler {
            items.append((.queue, ContactPath.queue, texts.queueTitle, "nav-queue"))
            items.append((.templates, ContactPath.templates, texts.templatesTitle, "nav-templates"))
        }
        return .nav(
            .class("app-nav"), .attribute(named: "aria-label", value: texts.name),
            .ul(.forEach(items) { item in
                .li(.a(.id(item.3), .href(item.1), .if(item.0 == current, .attribute(named: "aria-current", value: "page")), .text(item.2)))
            })
        )
    }
}
