import PersoCore
import Plot

/// Asking a question: first the topic, then its form (subject, the topic's own fields, the text, attachments). The
/// form keeps a draft in the browser, so what was typed survives the end of the session.
struct TopicChoicePage {
    let desk: String
    let texts: ContactTexts

    var page: Page {
        Page(title: texts.askTitle, content: .div(
            ContactNavigation.node(current: .ask, handler: false, texts: texts),
            .h1(.text(texts.askTitle)),
            .p(.id("desk"), .class("lead"), .text(texts.goesToDesk(texts.deskName(desk)))),
            .h2(.text(texts.chooseTopic)),
            .ul(.id("topics"), .class("tiles"), .forEach(Topic.allCases) { topic in
                .li(.class("tile"), .a(.id("topic-\(topic.rawValue)"), .href(ContactPath.ask(topic)),
                                       .strong(.text(texts.topicName(topic))), .p(.text(texts.topicHint(topic)))))
            })
        ))
    }
}

struct AskPage {
    let topic: Topic
    let desk: String
    let form: QuestionForm
    let texts: ContactTexts
    let token: String

    var page: Page {
        let failed = !form.problems.isEmpty || form.fileProblem != nil
        return Page(title: texts.topicName(topic), status: failed ? .unprocessableContent : .ok, content: .div(
            ContactNavigation.node(current: .ask, handler: false, texts: texts),
            .h1(.text(texts.topicName(topic))),
            .p(.id("desk"), .class("lead"), .text(texts.goesToDesk(texts.deskName(desk)))),
            .if(failed, .p(.id("form-errors"), .class("form-error"), .attribute(named: "role", value: "alert"), .text(texts.fixErrors))),
            .form(
                .id("question-form"), .class("data-form"), .method(.post), .action(ContactPath.send(topic)),
                .attribute(named: "enctype", value: "multipart/form-data"),
                .attribute(named: "data-keep-draft", value: "true"), .attribute(named: "novalidate", value: "novalidate"),
                .csrfField(token: token),
                FormParts.textField(id: "subject", label: texts.subjectLabel, value: form.subject, limit: QuestionForm.subjectLimit,
                                    error: form.problems.contains("subject") ? texts.errorSubject : nil),
                .forEach(topic.fields) { field in
                    FormParts.topicField(field, value: form.fields[field.name] ?? "", error: form.problems.contains(field.name)
                        ? texts.fieldError(field.name) : nil, texts: texts)
                },
                FormParts.textArea(id: "body", label: texts.questionLabel, hint: texts.questionHint, value: form.body, limit: QuestionForm.bodyLimit,
                                   error: form.problems.contains("body") ? texts.errorBody : nil),
                FormParts.fileField(texts: texts, problem: form.fileProblem, chooseAgain: form.filesToChooseAgain),
                .button(.id("send-question"), .type(.submit), .text(texts.sendQuestion))
            )
        ))
    }
}
