import Foundation
import PersoCore
import Plot

/// A case as the desk handles it: facts, the whole thread with internal notes, the history, and the forms to assign,
/// change the status, answer (from a saved template, with files, and a document for the employee's eBox) and add an
/// internal note.
struct HandlingPage {
    enum Notice { case answered, answeredIntoEBox, answeredAsDownload, noted, assigned, statusChanged }

    let item: ContactCase
    let thread: [Cases.Entry]
    let history: [CaseEvent]
    let colleagues: [Actor]
    let templates: [AnswerTemplate]
    let answer: ReplyForm
    let answerStatus: CaseStatus
    let notice: Notice?
    let eBoxUnavailable: Bool
    let me: String
    let now: Date
    let texts: ContactTexts
    let token: String

    var page: Page {
        let id = item.idString
        return Page(title: item.reference, status: answer.isValid && !eBoxUnavailable ? .ok : .unprocessableContent, content: .div(
            ContactNavigation.node(current: .queue, handler: true, texts: texts),
            .p(.a(.href(ContactPath.queue + "?desk=" + item.desk), .text("← " + texts.queueTitle))),
            .h1(.id("case-subject"), .text(item.reference + " · " + item.subject)),
            .unwrap(notice) { notice in
                .p(.id("done"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.handlingNotice(notice)))
            },
            ThreadView.facts(item, texts: texts, now: now, handlerView: true),
            .div(.class("actions"), assignForm(id), statusForm(id)),
            .h2(.text(texts.threadTitle)),
            ThreadView.node(thread, caseID: id, handlerView: true, texts: texts),
            answerForm(id),
            noteForm(id),
            .h2(.text(texts.historyTitle)),
            .ol(.id("history"), .class("history"), .forEach(history) { event in
                .li(.span(.class("date"), .text(BelgianTime.minute(event.at))), .text(" · " + event.actor + " · " + texts.eventText(event)))
            })
        ))
    }

    private func assignForm(_ id: String) -> Node<HTML.BodyContext> {
        let options = [("", texts.nobody), (me, texts.assignToMe)] + colleagues.filter { $0.nationalNumber != me }.map { ($0.nationalNumber, $0.name) }
        return .form(
            .id("assign-form"), .class("data-form"), .method(.post), .action(ContactPath.assign(id)),
            .csrfField(token: token),
            .div(.class("field"), .label(.for("assignee"), .text(texts.assigneeLabel)),
                 .select(.id("assignee"), .attribute(named: "name", value: "assignee"), SelectOptions.node(options, selected: item.assigneeNRN ?? ""))),
            .button(.id("assign"), .class("secondary"), .type(.submit), .text(texts.assignAction))
        )
    }

    private func statusForm(_ id: String) -> Node<HTML.BodyContext> {
        .form(
            .id("status-form"), .class("data-form"), .method(.post), .action(ContactPath.status(id)),
            .csrfField(token: token),
            .div(.class("field"), .label(.for("status"), .text(texts.statusLabel)),
                 .select(.id("status"), .attribute(named: "name", value: "status"),
                         SelectOptions.node(CaseStatus.allCases.map { ($0.rawValue, texts.statusName($0)) }, selected: item.status.rawValue))),
            .button(.id("change-status"), .class("secondary"), .type(.submit), .text(texts.changeStatus))
        )
    }

    private func answerForm(_ id: String) -> Node<HTML.BodyContext> {
        .group(
            .h2(.id("answer-heading"), .text(texts.answerTitle)),
            .if(!templates.isEmpty, .form(
                .id("template-form"), .class("filters"), .method(.get), .action(ContactPath.handling(id)),
                .div(.class("field"), .label(.for("template"), .text(texts.templateLabel(item.language.nativeName))),
                     .select(.id("template"), .attribute(named: "name", value: "template"),
                             SelectOptions.node(templates.map { ($0.id?.uuidString.lowercased() ?? "", $0.title) }, selected: nil))),
                .button(.id("use-template"), .class("secondary"), .type(.submit), .text(texts.useTemplate))
            )),
            .if(eBoxUnavailable, .p(.id("ebox-unavailable"), .class("form-error"), .attribute(named: "role", value: "alert"), .text(texts.eBoxUnavailable))),
            .if(!answer.isValid, .p(.id("form-errors"), .class("form-error"), .attribute(named: "role", value: "alert"), .text(texts.fixErrors))),
            .form(
                .id("answer-form"), .class("data-form"), .method(.post), .action(ContactPath.answer(id)),
                .attribute(named: "enctype", value: "multipart/form-data"),
                .attribute(named: "data-keep-draft", value: "true"), .attribute(named: "novalidate", value: "novalidate"),
                .csrfField(token: token),
                FormParts.textArea(id: "answer", label: texts.answerLabel, hint: texts.answerHint, value: answer.body, limit: QuestionForm.bodyLimit,
                                   error: answer.bodyProblem ? texts.errorBody : nil),
                FormParts.fileField(texts: texts, problem: answer.fileProblem, chooseAgain: answer.filesToChooseAgain),
                FormParts.fileField(texts: texts, problem: nil, chooseAgain: false, name: "document", label: texts.eBoxDocumentLabel,
                                    hint: texts.eBoxDocumentHint, accept: ".pdf", multiple: false),
                .div(.class("field"), .label(.for("answer-status"), .text(texts.afterAnswerLabel)),
                     .select(.id("answer-status"), .attribute(named: "name", value: "status"),
                             SelectOptions.node([CaseStatus.answered, .waiting, .closed].map { ($0.rawValue, texts.statusName($0)) }, selected: answerStatus.rawValue))),
                .button(.id("send-answer"), .type(.submit), .text(texts.sendAnswer))
            )
        )
    }

    private func noteForm(_ id: String) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text(texts.noteTitle)),
            .form(
                .id("note-form"), .class("data-form"), .method(.post), .action(ContactPath.note(id)),
                .csrfField(token: token),
                FormParts.textArea(id: "note", label: texts.noteLabel, hint: texts.noteHint, value: "", limit: QuestionForm.bodyLimit, error: nil),
                .button(.id("add-note"), .class("secondary"), .type(.submit), .text(texts.addNote))
            )
        )
    }
}
