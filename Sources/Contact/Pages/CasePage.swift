import Foundation
import PersoCore
import Plot

/// One of the person's cases: its facts, the thread (never the desk's internal notes), a reply form, and after
/// closing the one-question rating. A case closed more than 14 days ago says that a reply starts a new case.
struct CasePage {
    enum Notice { case asked, replied, continued(String), rated }

    let item: ContactCase
    let thread: [Cases.Entry]
    let rating: CaseRating?
    let previous: ContactCase?
    let notice: Notice?
    let reply: ReplyForm
    let handler: Bool
    let now: Date
    let texts: ContactTexts
    let token: String

    var page: Page {
        let id = item.idString
        let tooLateToReopen = item.status == .closed && (item.closedAt.map { now.timeIntervalSince($0) > Cases.reopenWindow } ?? false)
        return Page(title: item.subject, status: reply.isValid ? .ok : .unprocessableContent, content: .div(
            ContactNavigation.node(current: .cases, handler: handler, texts: texts),
            .h1(.id("case-subject"), .text(item.subject)),
            .unwrap(notice) { notice in
                switch notice {
                case .asked: .p(.id("asked"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.askedNotice(BelgianTime.day(item.dueAt))))
                case .replied: .p(.id("replied"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.repliedNotice))
                case .continued(let reference):
                    .p(.id("continued"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.continuedNotice(reference)))
                case .rated: .p(.id("rated"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.ratedNotice))
                }
            },
            .unwrap(previous) { previous in
                .p(.id("previous-case"), .text(texts.continuesCase + " "), .a(.href(ContactPath.item(previous.idString)), .text(previous.reference)))
            },
            ThreadView.facts(item, texts: texts, now: now, handlerView: false),
            .h2(.text(texts.threadTitle)),
            ThreadView.node(thread, caseID: id, handlerView: false, texts: texts),
            .if(item.status == .closed && rating == nil,
                .p(.a(.id("rate-link"), .class("button secondary"), .href(ContactPath.rating(id)), .text(texts.rateAction)))),
            .unwrap(rating) { rating in .p(.id("your-rating"), .text(texts.yourRating(rating.score))) },
            .h2(.id("reply-heading"), .text(tooLateToReopen ? texts.newCaseFromReplyTitle : texts.replyTitle)),
            .if(item.status == .closed, .p(.id("reopen-rule"), .class("hint"), .text(tooLateToReopen ? texts.replyStartsNewCase : texts.replyReopens))),
            .if(!reply.isValid, .p(.id("form-errors"), .class("form-error"), .attribute(named: "role", value: "alert"), .text(texts.fixErrors))),
            .form(
                .id("reply-form"), .class("data-form"), .method(.post), .action(ContactPath.reply(id)),
                .attribute(named: "enctype", value: "multipart/form-data"),
                .attribute(named: "data-keep-draft", value: "true"), .attribute(named: "novalidate", value: "novalidate"),
                .csrfField(token: token),
                FormParts.textArea(id: "body", label: texts.replyLabel, hint: nil, value: reply.body, limit: QuestionForm.bodyLimit,
                                   error: reply.bodyProblem ? texts.errorBody : nil),
                FormParts.fileField(texts: texts, problem: reply.fileProblem, chooseAgain: reply.filesToChooseAgain),
                .button(.id("send-reply"), .type(.submit), .text(texts.sendReply))
            )
        ))
    }
}

/// A reply in a case's thread, as typed, with what is wrong with it.
struct ReplyForm: Sendable {
    var body = ""
    var bodyProblem = false
    var fileProblem: UploadedForm.Problem?
    var filesToChooseAgain = false

    var isValid: Bool { !bodyProblem && fileProblem == nil }

    init() {}

    init(_ form: UploadedForm, field: String = "body") {
        body = (form.fields[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        bodyProblem = body.isEmpty || body.count > QuestionForm.bodyLimit
        fileProblem = form.fileProblem
        filesToChooseAgain = !form.files.isEmpty && bodyProblem
    }
}

/// The one-question rating of a closed case: 1 to 5, and a comment if the person wishes.
struct RatingPage {
    let item: ContactCase
    let problem: Bool
    let texts: ContactTexts
    let token: String

    var page: Page {
        Page(title: texts.rateTitle, status: problem ? .unprocessableContent : .ok, content: .div(
            .h1(.text(texts.rateTitle)),
            .p(.class("lead"), .text(texts.rateQuestion(item.reference))),
            .form(
                .id("rating-form"), .class("data-form"), .method(.post), .action(ContactPath.rating(item.idString)),
                .csrfField(token: token),
                .fieldset(
                    .element(named: "legend", nodes: [.text(texts.scoreLegend)]),
                    .if(problem, .p(.id("score-error"), .class("form-error"), .text(texts.errorScore))),
                    .forEach(1...5) { score in
                        .div(.class("field checkbox"),
                             .input(.id("score-\(score)"), .name("score"), .type(.radio), .value(String(score))),
                             .label(.for("score-\(score)"), .text(texts.scoreName(score))))
                    }
                ),
                FormParts.textArea(id: "comment", label: texts.commentLabel + " " + texts.optional, hint: nil, value: "", limit: 1000, error: nil),
                .button(.id("send-rating"), .type(.submit), .text(texts.sendRating))
            )
        ))
    }
}
