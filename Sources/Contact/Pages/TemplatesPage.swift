import PersoCore
import Foundation
import Plot

/// A desk's saved answers: the list, and a form to add one in the four languages (every language is required, so a
/// reply can always start in the employee's own).
struct TemplatesPage {
    let desk: String
    let templates: [AnswerTemplate]
    let draft: AnswerTemplates.Draft
    let problems: Set<String>
    let texts: ContactTexts
    let token: String

    var page: Page {
        Page(title: texts.templatesTitle, status: problems.isEmpty ? .ok : .unprocessableContent, content: .div(
            ContactNavigation.node(current: .templates, handler: true, texts: texts),
            .h1(.text(texts.templatesTitle + " · " + texts.deskName(desk))),
            .if(templates.isEmpty, .p(.id("no-templates"), .text(texts.noTemplates)), else: .ul(.id("templates"), .class("documents"), .forEach(templates) { template in
                .li(.class("document"),
                    .strong(.text(template.title)), .text(" · " + (template.topic.map(texts.topicName) ?? texts.allTopics)),
                    .details(.summary(.text(texts.showTexts)), .forEach(Language.allCases) { language in
                        .p(.strong(.text(language.nativeName + ": ")), .text(template.body(in: language)))
                    }),
                    .form(.method(.post), .action(ContactPath.deleteTemplate(template.id ?? UUID())), .csrfField(token: token),
                          .input(.type(.hidden), .name("desk"), .value(desk)),
                          .button(.class("secondary"), .type(.submit), .text(texts.deleteTemplate))))
            })),
            .h2(.text(texts.newTemplate)),
            .if(!problems.isEmpty, .p(.id("form-errors"), .class("form-error"), .attribute(named: "role", value: "alert"), .text(texts.fixErrors))),
            .form(
                .id("template-form"), .class("data-form"), .method(.post), .action(ContactPath.templates),
                .attribute(named: "novalidate", value: "novalidate"),
                .csrfField(token: token),
                .input(.type(.hidden), .name("desk"), .value(desk)),
                FormParts.textField(id: "title", label: texts.templateTitleLabel, value: draft.title, limit: 100,
                                    error: problems.contains("title") ? texts.errorSubject : nil),
                .div(.class("field"), .label(.for("template-topic"), .text(texts.topicLabel)),
                     .select(.id("template-topic"), .attribute(named: "name", value: "topic"),
                             SelectOptions.node([("", texts.allTopics)] + Topic.allCases.map { ($0.rawValue, texts.topicName($0)) }, selected: draft.topic?.rawValue ?? ""))),
                .forEach(Language.allCases) { language in
                    FormParts.textArea(id: "body_\(language.rawValue)", label: texts.templateBodyLabel(language.nativeName), hint: nil,
                                       value: draft.bodies[language] ?? "", limit: QuestionForm.bodyLimit,
                                       error: problems.contains(language.rawValue) ? texts.errorBody : nil)
                },
                .button(.id("save-template"), .type(.submit), .text(texts.saveTemplate))
            )
        ))
    }
}
