import FluentKit
import Foundation
import PersoCore

/// One absence: a request and what became of it. Its length is counted in the minutes of the person's regime on
/// each working day it covers, fixed when it is asked.
final class Absence: Model, @unchecked Sendable {
    static let schema = "selfservice_absences"

    enum Status: String, Codable, Sendable, CaseIterable {
        /// Waiting for the manager (or the substitute).
        case requested
        case approved
        case refused
        /// Taken back by the person before anyone decided.
        case withdrawn
        /// Approved, and the person asks to cancel it: still counted until the manager agrees.
        case cancellationRequested = "cancellation_requested"
        case cancelled
        /// Sick leave: registered, needing no approval.
        case recorded

        /// Whether the absence uses the balance and shows in the team view.
        var counts: Bool { self == .requested || self == .approved || self == .cancellationRequested || self == .recorded }
        /// Whether the person is away on its days (a request waiting is not yet an absence).
        var away: Bool { self == .approved || self == .cancellationRequested || self == .recorded }
    }

    enum Part: String, Codable, Sendable, CaseIterable {
        /// Whole days.
        case full
        /// The first half of a single day's hours.
        case morning
        /// The second half of a single day's hours.
        case afternoon
        /// From a time to a time on a single day.
        case hours
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "national_number") var nationalNumber: String
    @Field(key: "type") var type: LeaveType
    @Field(key: "first_day") var firstDay: String
    @Field(key: "last_day") var lastDay: String
    @Field(key: "part") var part: Part
    /// For `hours`: minutes after midnight.
    @OptionalField(key: "start_minute") var startMinute: Int?
    @OptionalField(key: "end_minute") var endMinute: Int?
    /// What it costs, in minutes of the regime.
    @Field(key: "minutes") var minutes: Int
    @Field(key: "status") var status: Status
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(nationalNumber: String, type: LeaveType, span: AbsenceSpan, status: Status, at: Date) {
        self.nationalNumber = nationalNumber
        self.type = type
        firstDay = span.firstDay.description
        lastDay = span.lastDay.description
        part = span.part
        startMinute = span.startMinute
        endMinute = span.endMinute
        minutes = span.minutes
        self.status = status
        createdAt = at
    }

    var first: FederalCalendar.Day { FederalCalendar.Day(iso: firstDay)! }
    var last: FederalCalendar.Day { FederalCalendar.Day(iso: lastDay)! }
}

/// Who did what to an absence, for its history: "approved by Emma Peeters, substitute of Pieter Janssens".
final class AbsenceEvent: Model, @unchecked Sendable {
    static let schema = "selfservice_absence_events"

    enum Action: String, Codable, Sendable {
        case requested, approved, refused, withdrawn, cancellationRequested = "cancellation_requested", cancelled
        /// The manager kept approved leave the person asked to cancel.
        case cancellationRefused = "cancellation_refused"
        case recorded
    }

    enum Capacity: String, Codable, Sendable {
        case person, manager, substitute
        /// Nobody above the person in the register: their leave is recorded as approved.
        case register
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "absence_id") var absenceID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "action") var action: Action
    @Field(key: "actor") var actor: String
    @Field(key: "actor_name") var actorName: String
    @Field(key: "capacity") var capacity: Capacity
    /// For a substitute: the name of the manager they stood in for.
    @OptionalField(key: "on_behalf_of") var onBehalfOf: String?
    /// A refusal's reason, which the person reads.
    @OptionalField(key: "reason") var reason: String?

    init() {}

    init(absenceID: UUID, at: Date, action: Action, actor: StaffMember, capacity: Capacity, onBehalfOf: String? = nil, reason: String? = nil) {
        self.absenceID = absenceID
        self.at = at
        self.action = action
        self.actor = actor.nationalNumber
        actorName = actor.fullName
        self.capacity = capacity
        self.onBehalfOf = onBehalfOf
        self.reason = reason
    }
}

/// A sick-leave certificate, in a table of its own so that no listing ever loads it, and no page but its owner's
/// ever links to it.
final class SickCertificate: Model, @unchecked Sendable {
    static let schema = "selfservice_sick_certificates"

    @ID(key: .id) var id: UUID?
    @Field(key: "absence_id") var absenceID: UUID
    @Field(key: "file_name") var fileName: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "content") var content: Data

    init() {}

    init(absenceID: UUID, fileName: String, mediaType: String, content: Data) {
        self.absenceID = absenceID
        self.fileName = fileName
        self.mediaType = mediaType
        self.content = content
    }
}
