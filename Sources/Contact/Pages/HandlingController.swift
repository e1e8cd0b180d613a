import Foundation
import Hummingbird
import PersoCore
import RelyingParty

/// A handler's work on one case of their desk: read it all, assign, change the status, answer (a template in the
/// employee's language, files, a document published into the eBox) and add internal notes. A case of another desk is
/// "not found".
struct HandlingController: Sendable {
    let relyingParty: RelyingParty
    let cases: Cases
    let duties: Duties
    let templates: AnswerTemplates
    let delivery: EBoxPublisher
    let mails: CaseMails

    func register(on routes: Routes) {
        routes.get(ContactPath.queueCaseRoute) { request, context in
            try await handled(request, context) { handler, item in
                let query = FormFields(encoded: request.uri.query ?? "")
                var answer = ReplyForm()
                if let chosen = query?["template"].flatMap(UUID.init(uuidString:)), let template = try await templates.find(chosen, desk: item.desk) {
                    answer.body = template.body(in: item.language)
                }
                let notice: HandlingPage.Notice? = switch query?["done"] {
                case "answered": .answered
                case "answered-ebox": .answeredIntoEBox
                case "answered-download": .answeredAsDownload
                case "noted": .noted
                case "assigned": .assigned
                case "status": .statusChanged
                default: nil
                }
                return try await page(item, answer: answer, status: .answered, notice: notice, eBoxUnavailable: false,
                                      handler: handler, request: request, context: context)
            }
        }
        routes.with(.uploadPages).post(ContactPath.queueCaseRoute + "/answer") { request, context in
            try await handled(request, context) { handler, item in
                let upload = try await CaseController.read(request, context, fileFields: ["attachments", "document"])
                var answer = ReplyForm(upload, field: "answer")
                let status = upload.fields["status"].flatMap(CaseStatus.init(rawValue:)).flatMap { [.answered, .waiting, .closed].contains($0) ? $0 : nil } ?? .answered
                let document = upload.filesByField["document"]?.first
                if let document, document.mediaType != "application/pdf" {
                    answer.fileProblem = .notAllowed(document.fileName)
                }
                var context = context
                context.pageAddress = ContactPath.handling(item.idString)
                guard answer.isValid else {
                    return try await page(item, answer: answer, status: status, notice: nil, eBoxUnavailable: false,
                                          handler: handler, request: request, context: context)
                }
                var files = upload.files
                var eBoxDocumentID: String?
                var done = "answered"
                if let document {
                    // One message id per document: a retry after a lost answer finds the document already delivered.
                    let messageID = "persocontact-\(item.reference)-\(document.sha256.prefix(16))"
                    let texts = ContactTexts.texts(for: item.language)
                    let published = EBoxPublisher.Document(fileName: document.fileName, mediaType: document.mediaType, data: document.data,
                                                           type: ContactPart.eBoxMessageType.type, subject: texts.eBoxSubject(item.reference),
                                                           language: item.language)
                    switch await delivery.publish(published, to: item.requesterNRN, messageID: messageID) {
                    case .delivered(let id):
                        eBoxDocumentID = id
                        done = "answered-ebox"
                    case .noEBox:
                        files.append(document)
                        done = "answered-download"
                    case .unavailable:
                        return try await page(item, answer: answer, status: status, notice: nil, eBoxUnavailable: true,
                                              handler: handler, request: request, context: context)
                    }
                }
                try await cases.answer(item, by: handler.visitor.actor, body: answer.body, files: files, eBoxDocumentID: eBoxDocumentID,
                                       status: status, caseURL: mails.caseLink(item))
                return seeOther(ContactPath.handling(item.idString) + "?done=" + done)
            }
        }
        routes.post(ContactPath.queueCaseRoute + "/note") { request, context in
            try await handled(request, context) { handler, item in
                let body = (context.form?["note"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                guard !body.isEmpty, body.count <= QuestionForm.bodyLimit else { return seeOther(ContactPath.handling(item.idString)) }
                try await cases.note(item, by: handler.visitor.actor, body: body)
                return seeOther(ContactPath.handling(item.idString) + "?done=noted")
            }
        }
        routes.post(ContactPath.queueCaseRoute + "/assign") { request, context in
            try await handled(request, context) { handler, item in
                let chosen = context.form?["assignee"] ?? ""
                let assignee: Actor?
                if chosen.isEmpty {
                    assignee = nil
                } else if chosen == handler.visitor.nationalNumber {
                    assignee = handler.visitor.actor
                } else {
                    // Only a colleague of this desk; anything else in the form is refused.
                    guard let colleague = try await duties.handlers(desk: item.desk).first(where: { $0.nationalNumber == chosen }) else {
                        throw PersoError.badRequest
                    }
                    assignee = colleague
                }
                try await cases.assign(item, to: assignee, by: handler.visitor.actor)
                return seeOther(ContactPath.handling(item.idString) + "?done=assigned")
            }
        }
        routes.post(ContactPath.queueCaseRoute + "/status") { request, context in
            try await handled(request, context) { handler, item in
                guard let status = context.form?["status"].flatMap(CaseStatus.init(rawValue:)) else { throw PersoError.badRequest }
                try await cases.setStatus(item, status, by: handler.visitor.actor, caseURL: mails.caseLink(item))
                return seeOther(ContactPath.handling(item.idString) + "?done=status")
            }
        }
        routes.get(ContactPath.queueCaseRoute + "/files/:file") { request, context in
            try await handled(request, context) { _, item in
                guard let id = context.parameters.get("file").flatMap(UUID.init(uuidString:)),
                      let file = try await cases.attachment(id, of: item, internalNotes: true) else { throw PersoError.notFound }
                return CaseController.download(file)
            }
        }
    }

    /// Runs `body` with the case of the address if it belongs to one of the handler's desks.
    private func handled(_ request: Request, _ context: PersoRequestContext, _ body: (Handler, ContactCase) async throws -> Response) async throws -> Response {
        try await Handler.handle(relyingParty, request, context) { handler in
            guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)), let item = try await cases.find(id),
                  handler.desks.contains(item.desk) else { throw PersoError.notFound }
            return try await body(handler, item)
        }
    }

    private func page(_ item: ContactCase, answer: ReplyForm, status: CaseStatus, notice: HandlingPage.Notice?, eBoxUnavailable: Bool,
                      handler: Handler, request: Request, context: PersoRequestContext) async throws -> Response {
        let view = HandlingPage(
            item: item, thread: try await cases.thread(of: item, internalNotes: true), history: try await cases.history(of: item),
            colleagues: try await duties.handlers(desk: item.desk), templates: try await templates.list(desk: item.desk, topic: item.topic),
            answer: answer, answerStatus: status, notice: notice, eBoxUnavailable: eBoxUnavailable, me: handler.visitor.nationalNumber,
            now: relyingParty.now, texts: ContactTexts.texts(for: context.language), token: context.session.csrfToken
        )
        return relyingParty.response(view.page, person: handler.visitor.person, request: request, context: context)
    }
}
