import Foundation
import Hummingbird
import PersoCore
import Plot
import RelyingParty

/// The person's side of absences: balances and requests, one absence with its history, sick leave with its
/// certificate.
struct AbsencesController: Sendable {
    let relyingParty: RelyingParty
    let register: StaffRegister
    let absences: Absences

    /// A certificate is a PDF or a photo of one.
    static let certificateTypes: Set<String> = ["application/pdf", "image/png", "image/jpeg"]

    func register(on routes: Routes) {
        routes.get(SelfServicePath.absences) { request, context in
            try await withMember(request, context) { person, member in
                let notice = FormFields(encoded: request.uri.query ?? "")?["done"].flatMap(AbsencesPage.Notice.init(rawValue:))
                return try await page(member, form: AbsenceForm(values: [.type: "annual", .part: "full"]), notice: notice, person: person,
                                      request: request, context: context)
            }
        }
        routes.post(SelfServicePath.absences) { request, context in
            try await withMember(request, context) { person, member in
                guard let fields = context.form else { throw PersoError.badRequest }
                var form = AbsenceForm(fields: fields)
                let texts = AbsenceTexts.texts(for: context.language)
                guard let type = form.type else {
                    form.problems[.type] = texts.typeLabel
                    return try await page(member, form: form, notice: nil, person: person, request: request, context: context)
                }
                let span: AbsenceSpan
                do throws(AbsenceSpan.Problem) {
                    span = try AbsenceSpan(from: form[.from], to: form[.to], part: form.part, start: form[.start], end: form[.end],
                                           regime: member.regime, today: absences.today)
                } catch {
                    form.record(error, texts: texts, language: context.language)
                    return try await page(member, form: form, notice: nil, person: person, request: request, context: context)
                }
                switch try await absences.request(type, span: span, by: member) {
                case .success:
                    return seeOther(SelfServicePath.absences + "?done=requested")
                case .failure(let problem):
                    form.record(problem, texts: texts, language: context.language)
                    return try await page(member, form: form, notice: nil, person: person, request: request, context: context)
                }
            }
        }
        routes.get(SelfServicePath.absenceRoute) { request, context in
            try await withMember(request, context) { person, member in
                guard let absence = try await own(context, member) else { throw PersoError.notFound }
                let certificate = absence.type == .sick ? try await absences.certificate(of: absence) : nil
                let view = AbsencePage(absence: absence, history: try await absences.history(of: absence.requireID()),
                                       certificateName: certificate?.fileName, texts: AbsenceTexts.texts(for: context.language),
                                       appTexts: SelfServiceTexts.texts(for: context.language), language: context.language, session: context.session)
                return relyingParty.response(view.page, person: person, request: request, context: context)
            }
        }
        routes.post(SelfServicePath.withdrawRoute) { request, context in
            try await withMember(request, context) { _, member in
                guard let absence = try await own(context, member) else { throw PersoError.notFound }
                let done = try await absences.withdraw(absence.requireID(), by: member)
                return seeOther(SelfServicePath.absences + "?done=" + (done ? "withdrawn" : "changed"))
            }
        }
        routes.post(SelfServicePath.cancellationRoute) { request, context in
            try await withMember(request, context) { _, member in
                guard let absence = try await own(context, member) else { throw PersoError.notFound }
                let done = try await absences.askCancellation(absence.requireID(), by: member)
                return seeOther(SelfServicePath.absences + "?done=" + (done ? "cancellation" : "changed"))
            }
        }
        routes.get(SelfServicePath.certificateRoute) { request, context in
            try await withMember(request, context) { _, member in
                guard let absence = try await own(context, member), let certificate = try await absences.certificate(of: absence) else {
                    throw PersoError.notFound
                }
                let name = certificate.fileName.replacingOccurrences(of: "\"", with: "_")
                return Response(status: .ok, headers: [
                    .contentType: certificate.mediaType, .contentDisposition: "attachment; filename=\"\(name)\"",
                    .cacheControl: "private, no-store",
                ], body: .init(byteBuffer: ByteBuffer(data: certificate.content)))
            }
        }
        SickLeaveController(relyingParty: relyingParty, absences: absences, withMember: withMember).register(on: routes)
    }

    /// The signed-in person and their record in the HR register; without one, a page that says so.
    func withMember(_ request: Request, _ context: PersoRequestContext,
                    _ work: (SignedInPerson, StaffMember) async throws -> Response) async throws -> Response {
        guard let person = relyingParty.person(in: context.session) else { return relyingParty.loginRequired(request, context: context) }
        guard let member = try await register.member(person.nationalNumber) else {
            let texts = AbsenceTexts.texts(for: context.language)
            let page = Page(title: texts.absencesTitle, status: request.method == .get ? .ok : .conflict, content: .div(
                ApplicationNavigation.node(current: .absences, texts: SelfServiceTexts.texts(for: context.language)),
                .h1(.text(texts.absencesTitle)),
                .p(.id("not-in-register"), .class("notice"), .text(texts.notInRegister))
            ))
            return relyingParty.response(page, person: person, request: request, context: context)
        }
        return try await work(person, member)
    }

    /// The absence named in the path, if it is the person's own.
    private func own(_ context: PersoRequestContext, _ member: StaffMember) async throws -> Absence? {
        guard let id = context.parameters.get("absence").flatMap(UUID.init(uuidString:)),
              let absence = try await absences.absence(id), absence.nationalNumber == member.nationalNumber else { return nil }
        return absence
    }

    private func page(_ member: StaffMember, form: AbsenceForm, notice: AbsencesPage.Notice?, person: SignedInPerson,
                      request: Request, context: PersoRequestContext) async throws -> Response {
        let year = absences.today.year
        let view = AbsencesPage(
            member: member, balances: try await absences.balances(of: member, year: year), year: year,
            absences: try await absences.absences(of: member.nationalNumber), form: form, notice: notice,
            texts: AbsenceTexts.texts(for: context.language), appTexts: SelfServiceTexts.texts(for: context.language),
            language: context.language, session: context.session
        )
        return relyingParty.response(view.page, person: person, request: request, context: context)
    }
}
