import Foundation
import PersoCore
import Plot

/// One document: who sent it and when, its files with their SHA-256 to compare, archive or move back.
struct DocumentPage {
    enum Notice { case archived, unarchived }

    let document: EBoxDocument
    let sender: String
    let files: [DocumentFile]
    let notice: Notice?
    let texts: EBoxTexts
    let session: Session

    var page: Page {
        let id = document.id?.uuidString.lowercased() ?? ""
        return Page(title: document.subject, content: .div(
            EBoxNavigation.node(current: nil, texts: texts),
            .h1(.id("document-subject"), .text(document.subject)),
            .unwrap(notice) { notice in
                switch notice {
                case .archived: .p(.id("archived-notice"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.archivedNotice))
                case .unarchived: .p(.id("unarchived-notice"), .class("notice"), .attribute(named: "role", value: "status"), .text(texts.unarchivedNotice))
                }
            },
            .if(document.registered, .p(.id("registered-notice"), .class("notice"),
                                         .text(texts.registeredNotice(document.readAt.map(BelgianTime.minute) ?? "")))),
            .dl(
                .class("facts"),
                .dt(.text(texts.senderLabel)), .dd(.id("document-sender"), .text(sender)),
                .dt(.text(texts.typeLabel)), .dd(.text(texts.typeName(document.type))),
                .dt(.text(texts.receivedLabel)), .dd(.text(BelgianTime.minute(document.deliveredAt))),
                .dt(.text(texts.readLabel)), .dd(.text(document.readAt.map(BelgianTime.minute) ?? "–")),
                .dt(.text(texts.deletedOnLabel)), .dd(.id("document-expires"), .text(BelgianTime.day(document.expiresAt)))
            ),
            .unwrap(document.summary) { .p(.id("document-summary"), .text($0)) },
            .h2(.text(texts.filesTitle)),
            .ul(.id("files"), .class("files"), .forEach(files) { file in
                .li(
                    .class("file"),
                    .p(.strong(.text(file.part == MultipartUpload.mainPart ? texts.mainDocument : texts.attachment)), .text(" "),
                       .a(.class("download"), .href(DocumentController.path(id) + "/files/" + file.part),
                          .attribute(named: "download", value: file.fileName),
                          .text("\(texts.download) \(file.fileName) (\(Self.size(file.size)))"))),
                    .p(.class("digest"), .text(texts.digestLabel + ": "), .code(.class("sha256"), .text(Self.hex(file.digest))))
                )
            }),
            .form(
                .method(.post), .action(DocumentController.path(id) + (document.archivedAt == nil ? "/archive" : "/unarchive")),
                .csrfField(session),
                .button(.id(document.archivedAt == nil ? "archive" : "unarchive"), .class("secondary"), .type(.submit),
                        .text(document.archivedAt == nil ? texts.archive : texts.unarchive))
            ),
            .p(.a(.id("back-to-mailbox"), .href(EBoxPart.path), .text(texts.backToMailbox)))
        ))
    }

    /// People compare fingerprints with `sha256sum`, which prints hex; senders give base64url.
    static func hex(_ base64URL: String) -> String {
        var base64 = base64URL.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let bytes = Data(base64Encoded: base64) else { return base64URL }
        return SecureRandom.hex(bytes)
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1024 * 1024 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}
