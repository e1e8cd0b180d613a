import Foundation
import PersoCore
import Plot

/// A case's thread, oldest first: who wrote, when, the text, the files, and where an answer's document went. The
/// desk's view also shows internal notes, marked as such; the employee's view never receives them.
enum ThreadView {
    static func node(_ entries: [Cases.Entry], caseID: String, handlerView: Bool, texts: ContactTexts) -> Node<HTML.BodyContext> {
        .ol(.id("thread"), .class("thread"), .forEach(entries) { entry in
            let message = entry.message
            let kind = message.isInternal ? "internal-note" : message.author == .employee ? "from-employee" : "from-desk"
            return .li(
                .class("message \(kind)"), .attribute(named: "data-message", value: message.id?.uuidString.lowercased() ?? ""),
                .p(.class("message-head"),
                   .strong(.text(message.authorName)), .text(" · "),
                   .span(.text(message.author == .employee ? texts.employeeLabel : texts.deskLabel)), .text(" · "),
                   .span(.class("date"), .text(BelgianTime.minute(message.createdAt))),
                   .if(message.isInternal, .span(.class("badge internal-mark"), .text(texts.internalNote)))),
                .div(.class("message-body"), .forEach(message.body.split(separator: "\n", omittingEmptySubsequences: false)) { line in
                    .p(.text(String(line)))
                }),
                .unwrap(message.eBoxDocumentID) { documentID in
                    .p(.class("ebox-link"), .a(.href(ContactPath.eBoxDocument(documentID)), .text(texts.documentInEBox)))
                },
                .if(!entry.files.isEmpty, .ul(.class("files"), .forEach(entry.files) { file in
                    .li(.a(.class("file-link"), .href(handlerView ? ContactPath.handlerFile(caseID, file.id) : ContactPath.file(caseID, file.id)),
                           .text(file.fileName)),
                        .span(.class("file-facts"), .text(" (\(texts.size(file.size)), SHA-256 \(file.sha256.prefix(16))…)")))
                }))
            )
        })
    }

    /// What the page says about the case: reference, topic, the topic's fields, status, due date.
    static func facts(_ item: ContactCase, texts: ContactTexts, now: Date, handlerView: Bool) -> Node<HTML.BodyContext> {
        let fields = item.fields
        let overdue = item.status.awaitsDesk && item.dueAt < now
        return .dl(
            .id("case-facts"), .class("facts"),
            .dt(.text(texts.referenceLabel)), .dd(.id("case-reference"), .text(item.reference)),
            .dt(.text(texts.topicLabel)), .dd(.text(texts.topicName(item.topic))),
            .forEach(item.topic.fields.filter { fields[$0.name]?.isEmpty == false }) { field in
                .group(.dt(.text(texts.fieldLabel(field.name))), .dd(.text(texts.fieldValue(field, fields[field.name] ?? ""))))
            },
            .dt(.text(texts.statusLabel)), .dd(.id("case-status"), .span(.class("badge status-\(item.status.rawValue)"), .text(texts.statusName(item.status)))),
            .dt(.text(texts.askedOnLabel)), .dd(.text(BelgianTime.minute(item.createdAt))),
            .if(item.status.awaitsDesk, .group(
                .dt(.text(texts.dueLabel)),
                .dd(.id("case-due"), .if(overdue, .class("overdue")), .text(BelgianTime.day(item.dueAt) + (overdue ? " · " + texts.overdue : "")))
            )),
            .if(handlerView, .group(.dt(.text(texts.requesterLabel)), .dd(.id("case-requester"), .text(item.requesterName)))),
            .if(handlerView, .group(.dt(.text(texts.assigneeLabel)), .dd(.id("case-assignee"), .text(item.assigneeName ?? texts.nobody)))),
            .unwrap(item.closedAt) { closed in .group(.dt(.text(texts.closedOnLabel)), .dd(.text(BelgianTime.minute(closed)))) }
        )
    }
}
