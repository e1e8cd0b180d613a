import Foundation
import Hummingbird
import PersoCore
import RelyingParty

/// The employee's side of a case: "my cases", one case with its thread, replying (with the reopen rules), the files,
/// and rating after closing. Anyone else's case is "not found", whatever the address says.
struct CaseController: Sendable {
    let relyingParty: RelyingParty
    let cases: Cases

    func register(on routes: Routes) {
        routes.get(ContactPath.cases) { request, context in
            try await Visitor.handle(relyingParty, request, context) { visitor in
                let view = MyCasesPage(cases: try await cases.cases(of: visitor.nationalNumber), handler: !visitor.handledDesks.isEmpty,
                                       texts: ContactTexts.texts(for: context.language))
                return relyingParty.response(view.page, person: visitor.person, request: request, context: context)
            }
        }
        routes.get(ContactPath.caseRoute) { request, context in
            try await own(request, context) { visitor, item in
                let notice: CasePage.Notice? = switch FormFields(encoded: request.uri.query ?? "")?["done"] {
                case "asked": .asked
                case "replied": .replied
                case "rated": .rated
                default: nil
                }
                return try await page(item, reply: ReplyForm(), notice: notice, visitor: visitor, request: request, context: context)
            }
        }
        routes.with(.uploadPages).post(ContactPath.caseRoute + "/reply") { request, context in
            try await own(request, context) { visitor, item in
                let upload = try await Self.read(request, context)
                let reply = ReplyForm(upload)
                guard reply.isValid else {
                    var context = context
                    context.pageAddress = ContactPath.item(item.idString)
                    return try await page(item, reply: reply, notice: nil, visitor: visitor, request: request, context: context)
                }
                switch try await cases.reply(to: item, by: visitor.actor, email: visitor.person.email, body: reply.body, files: upload.files) {
                case .added: return seeOther(ContactPath.item(item.idString) + "?done=replied")
                case .continued(let next): return seeOther(ContactPath.item(next.idString) + "?done=asked")
                }
            }
        }
        routes.get(ContactPath.caseRoute + "/files/:file") { request, context in
            try await own(request, context) { _, item in
                guard let id = context.parameters.get("file").flatMap(UUID.init(uuidString:)),
                      let file = try await cases.attachment(id, of: item, internalNotes: false) else { throw PersoError.notFound }
                return Self.download(file)
            }
        }
        routes.get(ContactPath.caseRoute + "/rating") { request, context in
            try await own(request, context) { visitor, item in
                guard item.status == .closed, try await cases.rating(of: item) == nil else { return seeOther(ContactPath.item(item.idString)) }
                let view = RatingPage(item: item, problem: false, texts: ContactTexts.texts(for: context.language), token: context.session.csrfToken)
                return relyingParty.response(view.page, person: visitor.person, request: request, context: context)
            }
        }
        routes.post(ContactPath.caseRoute + "/rating") { request, context in
            try await own(request, context) { visitor, item in
                guard let score = context.form?["score"].flatMap(Int.init), (1...5).contains(score) else {
                    var context = context
                    context.pageAddress = ContactPath.rating(item.idString)
                    let view = RatingPage(item: item, problem: true, texts: ContactTexts.texts(for: context.language), token: context.session.csrfToken)
                    return relyingParty.response(view.page, person: visitor.person, request: request, context: context)
                }
                let comment = (context.form?["comment"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                // Rated already, or not closed (a page left open while it was reopened): nothing is thanked for.
                let rated = try await cases.rate(item, score: score, comment: comment.isEmpty ? nil : String(comment.prefix(1000)), by: visitor.actor)
                return seeOther(ContactPath.item(item.idString) + (rated ? "?done=rated" : ""))
            }
        }
    }

    /// Runs `body` with the case of the address if it is the visitor's own.
    private func own(_ request: Request, _ context: PersoRequestContext, _ body: (Visitor, ContactCase) async throws -> Response) async throws -> Response {
        try await Visitor.handle(relyingParty, request, context) { visitor in
            guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)), let item = try await cases.find(id),
                  item.requesterNRN == visitor.nationalNumber else { throw PersoError.notFound }
            return try await body(visitor, item)
        }
    }

    private func page(_ item: ContactCase, reply: ReplyForm, notice: CasePage.Notice?, visitor: Visitor, request: Request,
                      context: PersoRequestContext) async throws -> Response {
        let previous: ContactCase? = if let previousID = item.previousCaseID { try await cases.find(previousID) } else { nil }
        let view = CasePage(
            item: item, thread: try await cases.thread(of: item, internalNotes: false), rating: try await cases.rating(of: item),
            previous: previous?.requesterNRN == visitor.nationalNumber ? previous : nil, notice: notice, reply: reply,
            handler: !visitor.handledDesks.isEmpty, now: relyingParty.now, texts: ContactTexts.texts(for: context.language),
            token: context.session.csrfToken
        )
        return relyingParty.response(view.page, person: visitor.person, request: request, context: context)
    }

    /// The form's body; a forged, malformed or oversized one is refused with the shell's error page.
    static func read(_ request: Request, _ context: PersoRequestContext, fileFields: Set<String> = ["attachments"]) async throws -> UploadedForm {
        do {
            return try await UploadedForm.read(request, context: context, fileFields: fileFields)
        } catch .forgery {
            throw PersoError.csrfRejected
        } catch .tooLargeInTotal {
            throw PersoError.payloadTooLarge
        } catch {
            throw PersoError.badRequest
        }
    }

    /// A file of a case, never run as a page of ours whatever its type says.
    static func download(_ file: CaseAttachment) -> Response {
        Response(status: .ok, headers: [
            .contentType: file.mediaType,
            .contentDisposition: attachment(file.fileName),
            .cacheControl: "private, no-store",
            .contentSecurityPolicy: "sandbox; default-src 'none'",
        ], body: .init(byteBuffer: ByteBuffer(data: file.content)))
    }

    /// RFC 6266: a plain ASCII name for old clients, the UTF-8 one for the rest.
    static func attachment(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
