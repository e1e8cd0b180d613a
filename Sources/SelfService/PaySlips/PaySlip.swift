import FluentKit
import Foundation
import PersoCore

/// One pay slip of one month, from the payroll's export: its amounts, and where it is on its way to the person's
/// eBox. The eBox keeps the document; this row is the index PersoSelfService lists and the payroll's report counts.
final class PaySlip: Model, @unchecked Sendable {
    static let schema = "selfservice_payslips"

    /// The five documents the federal payroll sends.
    enum Kind: String, Codable, Sendable, CaseIterable {
        case salary
        case recalculation
        case holidayPay = "holiday_pay"
        case yearEndBonus = "year_end_bonus"
        case competenceBonus = "competence_bonus"
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "run_id") var runID: UUID
    @Field(key: "national_number") var nationalNumber: String
    @Field(key: "organisation") var organisation: String
    /// "2026-11"
    @Field(key: "period") var period: String
    @Field(key: "kind") var kind: Kind
    /// In euro cents.
    @Field(key: "gross_cents") var grossCents: Int
    @Field(key: "net_cents") var netCents: Int
    @Field(key: "delivery") var delivery: DocumentDelivery.State
    @OptionalField(key: "ebox_document_id") var eBoxDocumentID: String?
    @OptionalField(key: "attempted_at") var attemptedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(runID: UUID, line: PayrollExport.Line, organisation: String, period: String, at: Date) {
        self.runID = runID
        nationalNumber = line.nationalNumber
        self.organisation = organisation
        self.period = period
        kind = line.kind
        grossCents = line.grossCents
        netCents = line.netCents
        delivery = .pending
        createdAt = at
    }

    /// The eBox's message id: the same pay slip published twice is one document there.
    var messageID: String { "payslip-\(organisation)-\(period)-\(kind.rawValue)-\(nationalNumber)" }
}

/// One upload of the payroll's export: who published which month, for the progress page and the report.
final class PaySlipRun: Model, @unchecked Sendable {
    static let schema = "selfservice_payslip_runs"

    @ID(key: .id) var id: UUID?
    /// The organisations the run covered, comma-separated.
    @Field(key: "organisation") var organisation: String
    @Field(key: "period") var period: String
    @Field(key: "started_by") var startedBy: String
    @Field(key: "started_by_name") var startedByName: String
    @Field(key: "started_at") var startedAt: Date
    @Field(key: "total") var total: Int

    init() {}

    var organisations: [String] { organisation.split(separator: ",").map(String.init) }

    init(organisation: String, period: String, by member: StaffMember, at: Date, total: Int) {
        self.organisation = organisation
        self.period = period
        startedBy = member.nationalNumber
        startedByName = member.fullName
        startedAt = at
        self.total = total
    }
}
