import Foundation
import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// Publishing a month's pay slips from the payroll's CSV: the upload, checked whole; then the run's page, which
/// refreshes itself while the pay slips go out and ends with the report of who has no eBox.
struct PaySlipPublishingController: Sendable {
    let relyingParty: RelyingParty
    let register: StaffRegister
    let paySlips: PaySlips
    let officer: @Sendable (Request, PersoRequestContext, (HROfficer) async throws -> Response) async throws -> Response

    static let csvTypes: Set<String> = ["text/csv", "text/plain"]

    func register(on routes: Routes) {
        // The form's page and its upload share the address, so they share the upload policy too.
        let uploads = routes.with(.uploadPages)
        uploads.get(SelfServicePath.hrPayslips) { request, context in
            try await officer(request, context) { officer in
                try await form(officer, values: [:], problems: [], status: .ok, request: request, context: context)
            }
        }
        uploads.post(SelfServicePath.hrPayslips) { request, context in
            let upload: UploadedForm?
            do throws(UploadedForm.Problem) {
                upload = try await UploadedForm.read(request, context: context, fileFields: ["payroll"], accepting: Self.csvTypes)
            } catch {
                if error == .forgery { throw PersoError.forbidden }
                upload = nil
            }
            return try await officer(request, context) { officer in
                let texts = HRTexts.texts(for: context.language)
                let fields = upload?.fields ?? [:]
                let values = ["period": String((fields["period"] ?? "").prefix(7))]
                var problems: [String] = []
                let period = values["period"]!
                if period.wholeMatch(of: /20[0-9]{2}-(0[1-9]|1[0-2])/) == nil { problems.append(texts.periodUnreadable) }
                guard let file = upload?.filesByField["payroll"]?.first else {
                    problems.append(upload?.fileProblem == nil ? texts.csvMissing : texts.csvUnreadable)
                    return try await form(officer, values: values, problems: problems, status: .unprocessableContent, request: request, context: context)
                }
                guard let export = PayrollExport(file.data) else {
                    return try await form(officer, values: values, problems: problems + [texts.csvUnreadable], status: .unprocessableContent,
                                          request: request, context: context)
                }
                guard problems.isEmpty, let member = officer.member else {
                    return try await form(officer, values: values, problems: problems.isEmpty ? [texts.notInRegisterFile] : problems,
                                          status: .unprocessableContent, request: request, context: context)
                }
                switch try await paySlips.publish(export, organisations: officer.organisations, period: period, by: member) {
                case .success(let run):
                    return seeOther(SelfServicePath.hrRun(try run.requireID()))
                case .failure(let refusal):
                    let lines = refusal.lines
                    let listed = lines.prefix(50).map { texts.lineProblem($0.line, Self.words($0.problem, texts)) }
                    return try await form(officer, values: values, problems: [texts.nothingPublished] + listed + (lines.isEmpty ? [texts.csvMissing] : []),
                                          status: .unprocessableContent, request: request, context: context)
                }
            }
        }
        routes.get(SelfServicePath.hrRunRoute) { request, context in
            try await officer(request, context) { officer in
                guard let id = context.parameters.get("run").flatMap(UUID.init(uuidString:)), let run = try await paySlips.run(id),
                      !run.organisations.filter(officer.organisations.contains).isEmpty else { throw PersoError.notFound }
                let progress = try await paySlips.progress(of: run)
                let view = PaySlipRunPage(run: run, progress: progress,
                                          waiting: progress.waitingForEBox > 0 ? try await paySlips.waitingForEBox(in: run) : [],
                                          texts: HRTexts.texts(for: context.language), appTexts: SelfServiceTexts.texts(for: context.language),
                                          language: context.language)
                return relyingParty.response(view.page, person: officer.person, request: request, context: context)
            }
        }
    }

    static func words(_ problem: PayrollExport.Problem, _ texts: HRTexts) -> String {
        switch problem {
        case .columns: texts.problemColumns
        case .nationalNumber: texts.problemNationalNumber
        case .kind: texts.problemKind
        case .amount: texts.problemAmount
        case .twice: texts.problemTwice
        case .notInRegister: texts.problemNotInRegister
        case .alreadyPublished: texts.problemAlreadyPublished
        case .tooMany: texts.problemTooMany
        }
    }

    private func form(_ officer: HROfficer, values: [String: String], problems: [String], status: HTTPResponse.Status,
                      request: Request, context: PersoRequestContext) async throws -> Response {
        let view = PublishPaySlipsPage(organisations: officer.organisations, values: values, problems: problems,
                                       texts: HRTexts.texts(for: context.language), appTexts: SelfServiceTexts.texts(for: context.language),
                                       language: context.language, session: context.session)
        var page = view.page
        page.status = status
        return relyingParty.response(page, person: officer.person, request: request, context: context)
    }
}
