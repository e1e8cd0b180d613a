import Foundation
import Hummingbird
import PersoCore
import RelyingParty

/// One document: reading it (which marks it read, and records the first opening of registered mail), downloading
/// its files, archiving it and moving it back.
struct DocumentController: Sendable {
    let relyingParty: RelyingParty
    let mailboxes: Mailboxes
    let documents: Documents
    let senders: Senders

    static func path(_ id: String) -> String { EBoxPart.path + "/documents/" + id }

    func register(on routes: Routes) {
        routes.get(EBoxPart.path + "/documents/:id") { request, context in
            let document: Found
            switch try await find(request, context) {
            case .answered(let response): return response
            case .found(let found): document = found
            }
            try await documents.markOpened(document.document)
            let texts = EBoxTexts.texts(for: context.language)
            let notice: DocumentPage.Notice? = switch FormFields(encoded: request.uri.query ?? "")?["done"] {
            case "archived": .archived
            case "unarchived": .unarchived
            default: nil
            }
            let sender = try await senders.profiles()[document.document.senderID]?.name(in: context.language) ?? ""
            let view = DocumentPage(document: document.document, sender: sender, files: try await documents.files(of: document.document),
                                    notice: notice, texts: texts, session: context.session)
            return relyingParty.response(view.page, person: document.visitor.person, request: request, context: context)
        }
        routes.get(EBoxPart.path + "/documents/:id/files/:part") { request, context in
            let document: Found
            switch try await find(request, context) {
            case .answered(let response): return response
            case .found(let found): document = found
            }
            let part = context.parameters.get("part") ?? ""
            guard let file = try await documents.files(of: document.document).first(where: { $0.part == part }) else { throw PersoError.notFound }
            try await documents.markOpened(document.document)
            return Response(status: .ok, headers: [
                .contentType: file.mediaType,
                .contentDisposition: Self.attachment(file.fileName),
                .cacheControl: "private, no-store",
                // A document is never run as a page of ours, whatever its type says.
                .contentSecurityPolicy: "sandbox; default-src 'none'",
            ], body: documents.blobs.body(digest: file.digest, size: file.size))
        }
        for (action, archived) in [("archive", true), ("unarchive", false)] {
            routes.post(EBoxPart.path + "/documents/:id/" + action) { request, context in
                let document: Found
                switch try await find(request, context) {
                case .answered(let response): return response
                case .found(let found): document = found
                }
                try await documents.setArchived(document.document, archived)
                let id = document.document.id?.uuidString.lowercased() ?? ""
                return Response(status: .seeOther, headers: [.location: Self.path(id) + "?done=" + (archived ? "archived" : "unarchived")])
            }
        }
    }

    struct Found {
        let visitor: Visitor
        let document: EBoxDocument
    }

    enum Lookup {
        case found(Found)
        /// Not logged in (the gateway's login), or no eBox yet (the activation page).
        case answered(Response)
    }

    /// The document of the address, if it is in the visitor's eBox (otherwise: not found).
    private func find(_ request: Request, _ context: PersoRequestContext) async throws -> Lookup {
        let visitor: Visitor
        switch Visitor.resolve(relyingParty, request: request, context: context) {
        case .answered(let response): return .answered(response)
        case .visitor(let found): visitor = found
        }
        guard let mailbox = try await mailboxes.mailbox(of: visitor.nationalNumber) else {
            return .answered(Response(status: .seeOther, headers: [.location: EBoxPart.path]))
        }
        guard let id = context.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let document = try await documents.document(id, in: mailbox) else { throw PersoError.notFound }
        return .found(Found(visitor: visitor, document: document))
    }

    /// RFC 6266: a plain ASCII name for old clients, the UTF-8 one for the rest.
    static func attachment(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
