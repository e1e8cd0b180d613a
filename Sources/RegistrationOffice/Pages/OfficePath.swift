import Foundation
import PersoCore

/// The registration office's addresses, each written once and used both to route and to link.
enum OfficePath {
    static let root = PortalPages.registrationOffices
    // The public side: offices, booking, the person's appointment, activation.
    static let bookRoute = "/office/:office/book"
    static let appointmentRoute = "/office/appointment/:token"
    static let cancelRoute = "/office/appointment/:token/cancel"
    static let moveRoute = "/office/appointment/:token/move"
    static let calendarRoute = "/office/appointment/:token/calendar.ics"
    static let activateRoute = "/office/activate/:token"
    // The officers' back-office.
    static let desk = "/office/desk"
    static let people = "/office/desk/people"
    static let personRoute = "/office/desk/people/:person"
    static let register = "/office/desk/register"
    /// The office's settings and staff, for its administrators.
    static let settings = "/office/desk/settings"
    /// Words that can never be an office's code, since they are addresses of their own under `/office`.
    static let reserved: Set<String> = ["desk", "appointment", "activate"]

    static func book(_ office: String) -> String { "/office/\(office)/book" }
    static func appointment(_ token: String) -> String { "/office/appointment/\(token)" }
    static func cancel(_ token: String) -> String { "/office/appointment/\(token)/cancel" }
    static func move(_ token: String) -> String { "/office/appointment/\(token)/move" }
    static func calendar(_ token: String) -> String { "/office/appointment/\(token)/calendar.ics" }
    static func activate(_ token: String) -> String { "/office/activate/\(token)" }
    static func person(_ id: UUID) -> String { "/office/desk/people/\(id.uuidString.lowercased())" }
    static func person(_ id: UUID, _ action: String) -> String { person(id) + "/" + action }
    static func desk(office: String, day: String) -> String { "\(desk)?office=\(office)&day=\(day)" }
}
