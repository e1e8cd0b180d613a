import Foundation
import PersoCore

/// What a person typed to ask a question, checked: a subject, the topic's own fields, a text. Kept as typed when
/// something is wrong, so the page shows it again with the reasons.
struct QuestionForm: Sendable {
    var subject = ""
    var body = ""
    var fields: [String: String] = [:]
    /// The names of the fields that are wrong.
    var problems: Set<String> = []
    /// Why the files were refused (shown beside the file input).
    var fileProblem: UploadedForm.Problem?
    /// Files were chosen but the page came back: the browser forgets them, so the person is told to choose them again.
    var filesToChooseAgain = false

    static let subjectLimit = 150
    static let bodyLimit = 5000

    init() {}

    init(_ form: UploadedForm, topic: Topic) {
        subject = (form.fields["subject"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        body = (form.fields["body"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if subject.isEmpty || subject.count > Self.subjectLimit || subject.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            problems.insert("subject")
        }
        if body.isEmpty || body.count > Self.bodyLimit { problems.insert("body") }
        for field in topic.fields {
            let value = (form.fields[field.name] ?? "").trimmingCharacters(in: .whitespaces)
            fields[field.name] = String(value.prefix(40))
            if value.isEmpty ? field.required : !field.accepts(value) { problems.insert(field.name) }
        }
        if topic == .absences, let from = fields["from"], let to = fields["to"], !problems.contains("from"), !problems.contains("to"), to < from {
            problems.insert("to")
        }
        fileProblem = form.fileProblem
        filesToChooseAgain = !form.files.isEmpty && !problems.isEmpty
    }
}
