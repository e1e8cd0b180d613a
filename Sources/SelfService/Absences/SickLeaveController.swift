import Foundation
import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// Sick leave: the days and the medical certificate, registered without approval. The certificate is kept apart and
/// shown to its owner only; the manager is told the days.
struct SickLeaveController: Sendable {
    let relyingParty: RelyingParty
    let absences: Absences
    let withMember: @Sendable (Request, PersoRequestContext, (SignedInPerson, StaffMember) async throws -> Response) async throws -> Response

    func register(on routes: Routes) {
        // The form's page and its post share the address, so they share the upload policy too.
        let routes = routes.with(.uploadPages)
        routes.get(SelfServicePath.sick) { request, context in
            try await withMember(request, context) { person, _ in
                let view = SickLeavePage(values: [:], problems: [:], texts: AbsenceTexts.texts(for: context.language),
                                         appTexts: SelfServiceTexts.texts(for: context.language), session: context.session)
                return relyingParty.response(view.page, person: person, request: request, context: context)
            }
        }
        routes.post(SelfServicePath.sick) { request, context in
            let upload: UploadedForm?
            var uploadProblem: UploadedForm.Problem?
            do throws(UploadedForm.Problem) {
                upload = try await UploadedForm.read(request, context: context, fileFields: ["certificate"], accepting: AbsencesController.certificateTypes)
            } catch {
                if error == .forgery { throw PersoError.forbidden }
                upload = nil
                uploadProblem = error
            }
            return try await withMember(request, context) { person, member in
                let texts = AbsenceTexts.texts(for: context.language)
                let fields = upload?.fields ?? [:]
                var values: [String: String] = [:]
                for name in ["from", "to"] { values[name] = String((fields[name] ?? "").trimmingCharacters(in: .whitespaces).prefix(20)) }
                var problems: [String: String] = [:]
                var form = AbsenceForm(values: [.from: values["from"]!, .to: values["to"]!])
                let span = Result { () throws(AbsenceSpan.Problem) in
                    try AbsenceSpan(from: values["from"]!, to: values["to"]!, part: .full, start: "", end: "", regime: member.regime,
                                    today: absences.today)
                }
                switch span {
                case .failure(let problem):
                    form.record(problem, texts: texts, language: context.language)
                case .success(let span):
                    if let upload, upload.fileProblem == nil, let file = upload.filesByField["certificate"]?.first {
                        switch try await absences.recordSick(span: span, certificate: (file.fileName, file.mediaType, file.data), by: member) {
                        case .success: return seeOther(SelfServicePath.absences + "?done=sick")
                        case .failure(let problem): form.record(problem, texts: texts, language: context.language)
                        }
                    }
                }
                for (field, message) in form.problems { problems[field.rawValue] = message }
                if let general = form.general { problems["general"] = general }
                if uploadProblem != nil || upload?.fileProblem != nil {
                    problems["certificate"] = texts.certificateRefused
                } else if upload?.filesByField["certificate"]?.first == nil {
                    problems["certificate"] = texts.certificateMissing
                }
                let view = SickLeavePage(values: values, problems: problems, texts: texts,
                                         appTexts: SelfServiceTexts.texts(for: context.language), session: context.session)
                var page = view.page
                page.status = .unprocessableContent
                return relyingParty.response(page, person: person, request: request, context: context)
            }
        }
    }
}
