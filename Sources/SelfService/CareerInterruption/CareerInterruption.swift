import FluentKit
import Foundation
import PersoCore

/// An application for a career interruption and HR's decision, whose document goes into the person's eBox as a
/// registered document.
final class CareerInterruption: Model, @unchecked Sendable {
    static let schema = "selfservice_career_interruptions"

    enum Kind: String, Codable, Sendable, CaseIterable {
        case parental
        case medicalAssistance = "medical_assistance"
        case palliative
        case general
    }

    /// The share of working time interrupted.
    enum Regime: String, Codable, Sendable, CaseIterable { case full, half, fifth }

    enum Status: String, Codable, Sendable { case requested, approved, refused }

    typealias Delivery = DocumentDelivery.State

    @ID(key: .id) var id: UUID?
    @Field(key: "national_number") var nationalNumber: String
    @Field(key: "organisation") var organisation: String
    @Field(key: "kind") var kind: Kind
    @Field(key: "regime") var regime: Regime
    @Field(key: "first_day") var firstDay: String
    @Field(key: "last_day") var lastDay: String
    @Field(key: "status") var status: Status
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "decided_by") var decidedBy: String?
    @OptionalField(key: "decided_by_name") var decidedByName: String?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "reason") var reason: String?
    @Field(key: "delivery") var delivery: DocumentDelivery.State
    @OptionalField(key: "ebox_document_id") var eBoxDocumentID: String?
    @OptionalField(key: "attempted_at") var attemptedAt: Date?

    init() {}

    init(member: StaffMember, kind: Kind, regime: Regime, first: FederalCalendar.Day, last: FederalCalendar.Day, at: Date) {
        nationalNumber = member.nationalNumber
        organisation = member.organisation
        self.kind = kind
        self.regime = regime
        firstDay = first.description
        lastDay = last.description
        status = .requested
        createdAt = at
        delivery = .none
    }

    var messageID: String { "career-interruption-\(id?.uuidString.lowercased() ?? "")" }
}
