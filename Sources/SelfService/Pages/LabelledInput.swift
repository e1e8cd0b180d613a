import PersoCore
import Plot

/// One labelled input with its hint and its problem, both tied to it for assistive technology; the value as typed.
struct LabelledInput {
    let id: String
    let name: String
    let label: String
    var type: HTMLInputType = .text
    var value: String?
    var hint: String?
    var problem: String?
    var accept: String?

    var node: Node<HTML.FormContext> {
        let described = [hint.map { _ in id + "-hint" }, problem.map { _ in id + "-error" }].compactMap { $0 }.joined(separator: " ")
        return .div(
            .class("field"),
            .label(.for(id), .text(label)),
            .unwrap(hint) { .span(.id(id + "-hint"), .class("hint"), .text($0)) },
            .unwrap(problem) { .span(.id(id + "-error"), .class("form-error"), .text($0)) },
            .input(.id(id), .name(name), .type(type), .attribute(named: "value", value: type == .file ? nil : value ?? ""),
                   .attribute(named: "accept", value: accept),
                   .attribute(named: "aria-invalid", value: problem == nil ? nil : "true"),
                   .attribute(named: "aria-describedby", value: described.isEmpty ? nil : described))
        )
    }
}
