import Foundation
import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// The person's own personnel file, read-only.
struct PersonnelFileController: Sendable {
    let relyingParty: RelyingParty
    let files: PersonnelFiles
    let withMember: @Sendable (Request, PersoRequestContext, (SignedInPerson, StaffMember) async throws -> Response) async throws -> Response

    func register(on routes: Routes) {
        routes.get(SelfServicePath.file) { request, context in
            try await withMember(request, context) { person, member in
                let texts = HRTexts.texts(for: context.language)
                let page = Page(title: texts.fileTitle, content: .div(
                    ApplicationNavigation.node(current: .file, texts: SelfServiceTexts.texts(for: context.language)),
                    .h1(.text(texts.fileTitle)),
                    .p(.class("lead"), .text(texts.fileLead)),
                    try await files.view(of: member, texts: texts, language: context.language).node
                ))
                return relyingParty.response(page, person: person, request: request, context: context)
            }
        }
    }
}
