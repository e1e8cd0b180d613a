import Foundation
import PersoCore
import RelyingParty
import Typesetting

/// The PDFs PersoSelfService delivers, in the person's language: a pay slip, a career-interruption decision.
struct PersonalDocuments: Sendable {
    /// The eBox message types PersoSelfService sends, and how many days the eBox keeps each.
    static let eBoxTypes = ["payslip": 1825, "career_interruption_decision": 3650]

    func paySlip(_ slip: PaySlip, of member: StaffMember) throws -> EBoxPublisher.Document {
        let texts = HRTexts.texts(for: member.language)
        let month = Self.month(slip.period, language: member.language)
        let kind = texts.kindName(slip.kind)
        let organisation = SelfServiceTexts.texts(for: member.language).organisationName(member.organisation, language: member.language)
        let pdf = try PrintedDocument(
            title: texts.payslipTitle(kind, month), author: organisation, letterhead: [organisation, member.service],
            blocks: [
                .facts([
                    .init(label: texts.payslipPerson, value: member.fullName),
                    .init(label: texts.payslipNationalNumber, value: (try? NationalRegisterNumber(member.nationalNumber).formatted) ?? member.nationalNumber),
                    .init(label: texts.payslipOrganisation, value: organisation),
                    .init(label: texts.payslipService, value: member.service),
                    .init(label: texts.payslipPeriod, value: month),
                    .init(label: texts.payslipGross, value: Money.text(slip.grossCents, language: member.language)),
                    .init(label: texts.payslipNet, value: Money.text(slip.netCents, language: member.language)),
                ]),
                .paragraph(texts.payslipNote),
            ],
            footer: "PersoSelfService – \(organisation)", creationDate: slip.createdAt
        ).pdf()
        return EBoxPublisher.Document(fileName: "payslip-\(slip.period)-\(slip.kind.rawValue).pdf", mediaType: "application/pdf", data: pdf,
                                      type: "payslip", subject: texts.payslipSubject(kind, month), language: member.language)
    }

    func decision(_ decision: CareerInterruption, of member: StaffMember) throws -> EBoxPublisher.Document {
        let texts = HRTexts.texts(for: member.language)
        let language = member.language
        let organisation = SelfServiceTexts.texts(for: language).organisationName(member.organisation, language: language)
        let kind = texts.interruptionKindName(decision.kind)
        let regime = texts.interruptionRegimeName(decision.regime)
        let period = Self.period(decision, language: language)
        var blocks: [PrintedDocument.Block] = [
            .facts([
                .init(label: texts.payslipPerson, value: member.fullName),
                .init(label: texts.payslipNationalNumber, value: (try? NationalRegisterNumber(member.nationalNumber).formatted) ?? member.nationalNumber),
                .init(label: texts.serviceLabel, value: member.service),
                .init(label: texts.interruptionKindLabel, value: kind),
                .init(label: texts.interruptionRegimeLabel, value: regime),
            ]),
        ]
        if decision.status == .approved {
            blocks.append(.paragraph(texts.decisionApproved(member.fullName, kind, regime, period)))
            blocks.append(.paragraph(texts.decisionAllowance))
        } else {
            blocks.append(.paragraph(texts.decisionRefused(member.fullName, kind)))
            if let reason = decision.reason { blocks.append(.paragraph(texts.decisionReasonLine(reason))) }
        }
        let decidedAt = decision.decidedAt ?? decision.createdAt
        blocks.append(.signature(texts.decisionSignature("Bruxelles", BelgianTime.longDay(FederalCalendar.Day(decidedAt), language: language))))
        let pdf = try PrintedDocument(title: texts.decisionDocumentTitle, author: organisation, letterhead: [organisation, member.service],
                                      blocks: blocks, footer: "PersoSelfService – \(organisation)", creationDate: decidedAt).pdf()
        return EBoxPublisher.Document(fileName: "career-interruption-decision.pdf", mediaType: "application/pdf", data: pdf,
                                      type: "career_interruption_decision", subject: texts.decisionSubject, language: language, registered: true)
    }

    /// "novembre 2026"
    static func month(_ period: String, language: Language) -> String {
        FederalCalendar.Day(iso: period + "-01").map { BelgianTime.month($0, language: language) } ?? period
    }

    static func period(_ decision: CareerInterruption, language: Language) -> String {
        let day = { (iso: String) in FederalCalendar.Day(iso: iso).map { BelgianTime.longDay($0, language: language) } ?? iso }
        return "\(day(decision.firstDay)) – \(day(decision.lastDay))"
    }
}

/// Euro amounts as each language writes them: "3 456,78 €", "€ 3.456,78", "€3,456.78".
enum Money {
    static func text(_ cents: Int, language: Language) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .currency
        formatter.currencyCode = "EUR"
        formatter.locale = Locale(identifier: ["fr": "fr_BE", "nl": "nl_BE", "de": "de_BE", "en": "en_IE"][language.rawValue] ?? "fr_BE")
        return formatter.string(from: NSNumber(value: Double(cents) / 100)) ?? String(format: "%.2f €", Double(cents) / 100)
    }
}
