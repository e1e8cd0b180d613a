import Foundation
import Hummingbird
import PersoCore

/// The public side of the office: the list of offices, booking a time, and the person's appointment (see it, add it
/// to a calendar, move or cancel it) through the secret link of the confirmation e-mail. No login: the people who
/// come are those who cannot log in yet.
struct BookingController: Sendable {
    let offices: Offices
    let appointments: Appointments
    let clock: @Sendable () -> Date

    func register(on routes: Routes) {
        routes.get(OfficePath.root) { _, context in
            OfficesPage(offices: try await offices.all(), texts: OfficeTexts.texts(for: context.language)).response(context: context)
        }
        routes.get(OfficePath.bookRoute) { request, context in
            let office = try await office(context)
            return try await bookingPage(office, form: .empty(language: context.language), from: request, error: nil, context: context)
        }
        routes.post(OfficePath.bookRoute) { request, context in
            let office = try await office(context)
            let form = BookingForm(context.form, language: context.language)
            let texts = OfficeTexts.texts(for: context.language)
            guard let booking = form.booking else {
                return try await bookingPage(office, form: form, from: request, error: form.problem(texts), status: .unprocessableContent, context: context)
            }
            guard let start = form.start, appointments.offers(office, start: start) else {
                return try await bookingPage(office, form: form, from: request, error: texts.booking.chooseSlot, status: .unprocessableContent, context: context)
            }
            do {
                let (_, token) = try await appointments.book(booking, at: office, start: start)
                return Response(status: .seeOther, headers: [.location: OfficePath.appointment(token) + "?done=booked"])
            } catch Appointments.Refusal.slotTaken {
                return try await bookingPage(office, form: form, from: request, error: texts.booking.slotTaken, status: .conflict, context: context)
            } catch Appointments.Refusal.alreadyBooked {
                return try await bookingPage(office, form: form, from: request, error: texts.booking.alreadyBooked, status: .conflict, context: context)
            }
        }
        routes.get(OfficePath.appointmentRoute) { request, context in
            let (appointment, token) = try await appointment(context)
            return AppointmentPage(appointment: appointment, office: appointment.office, token: token,
                                   done: request.uri.queryParameters["done"].map(String.init), texts: OfficeTexts.texts(for: context.language))
                .response(context: context)
        }
        routes.get(OfficePath.calendarRoute) { _, context in
            let (appointment, _) = try await appointment(context)
            let mails = appointments.mails
            let file = mails.invitation(appointment, office: appointment.office, texts: OfficeTexts.texts(for: context.language))
            return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8",
                                                    .contentDisposition: "attachment; filename=\"appointment.ics\"", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(data: file.data)))
        }
        routes.post(OfficePath.cancelRoute) { _, context in
            let (appointment, token) = try await appointment(context)
            _ = try await appointments.cancel(appointment, office: appointment.office)
            return Response(status: .seeOther, headers: [.location: OfficePath.appointment(token) + "?done=cancelled"])
        }
        routes.get(OfficePath.moveRoute) { request, context in
            let (appointment, token) = try await appointment(context)
            guard appointment.status == .booked else { return Response(status: .seeOther, headers: [.location: OfficePath.appointment(token)]) }
            return try await bookingPage(appointment.office, form: .init(appointment), from: request, error: nil, moving: token, context: context)
        }
        routes.post(OfficePath.moveRoute) { request, context in
            let (appointment, token) = try await appointment(context)
            guard appointment.status == .booked else { return Response(status: .seeOther, headers: [.location: OfficePath.appointment(token)]) }
            let texts = OfficeTexts.texts(for: context.language)
            let form = BookingForm(appointment, slot: context.form?["slot"])
            guard let start = form.start, appointments.offers(appointment.office, start: start), let booking = form.booking else {
                return try await bookingPage(appointment.office, form: form, from: request, error: texts.booking.chooseSlot,
                                             status: .unprocessableContent, moving: token, context: context)
            }
            do {
                let (_, newToken) = try await appointments.book(booking, at: appointment.office, start: start, replacing: appointment)
                return Response(status: .seeOther, headers: [.location: OfficePath.appointment(newToken) + "?done=moved"])
            } catch Appointments.Refusal.noLongerBooked {
                // Another tab moved or cancelled it first: its page says what became of it.
                return Response(status: .seeOther, headers: [.location: OfficePath.appointment(token)])
            } catch Appointments.Refusal.slotTaken {
                return try await bookingPage(appointment.office, form: form, from: request, error: texts.booking.slotTaken, status: .conflict,
                                             moving: token, context: context)
            }
        }
    }

    private func office(_ context: PersoRequestContext) async throws -> Office {
        guard let code = context.parameters.get("office"), let office = try await offices.office(code: code) else { throw PersoError.notFound }
        return office
    }

    private func appointment(_ context: PersoRequestContext) async throws -> (Appointment, String) {
        guard let token = context.parameters.get("token"), let appointment = try await appointments.appointment(token: token) else {
            throw PersoError.notFound
        }
        return (appointment, token)
    }

    /// The week from `?from=` (a day; tomorrow by default), within the days people may book.
    private func bookingPage(_ office: Office, form: BookingForm, from request: Request, error: String?, status: HTTPResponse.Status = .ok,
                             moving: String? = nil, context: PersoRequestContext) async throws -> Response {
        let bookable = appointments.bookableDays(now: clock())
        let asked = request.uri.queryParameters["from"].flatMap { FederalCalendar.Day(iso: String($0)) } ?? bookable.lowerBound
        let first = min(max(asked, bookable.lowerBound), bookable.upperBound)
        let days = (0..<7).map { first.adding(days: $0) }
        let availability = try await appointments.availability(of: office, days: days)
        let page = BookingPage(office: office, form: form, availability: availability, first: first, bookable: bookable, error: error,
                               moving: moving, texts: OfficeTexts.texts(for: context.language))
        return page.response(status: status, context: context)
    }
}

/// What the booking form sent, kept as typed so that a refused form comes back filled in.
struct BookingForm: Sendable {
    var givenName: String
    var surname: String
    var email: String
    var document: String
    var slot: String
    var language: Language

    static func empty(language: Language) -> BookingForm {
        BookingForm(givenName: "", surname: "", email: "", document: DocumentType.eid.rawValue, slot: "", language: language)
    }

    init(givenName: String, surname: String, email: String, document: String, slot: String, language: Language) {
        self.givenName = givenName
        self.surname = surname
        self.email = email
        self.document = document
        self.slot = slot
        self.language = language
    }

    init(_ fields: FormFields?, language: Language) {
        func field(_ name: String, _ limit: Int) -> String { String((fields?[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(limit)) }
        self.init(givenName: field("given_name", 100), surname: field("surname", 100), email: field("email", 254),
                  document: field("document", 30), slot: field("slot", 20), language: language)
    }

    /// The appointment's own details, with another time.
    init(_ appointment: Appointment, slot: String? = nil) {
        self.init(givenName: appointment.givenName, surname: appointment.surname, email: appointment.email,
                  document: appointment.documentType.rawValue, slot: String((slot ?? "").prefix(20)), language: appointment.language)
    }

    /// `2026-12-01T09:30`, Brussels time.
    var start: Date? {
        let parts = slot.split(separator: "T")
        guard parts.count == 2, let day = FederalCalendar.Day(iso: String(parts[0])) else { return nil }
        let time = parts[1].split(separator: ":")
        guard time.count == 2, let hour = Int(time[0]), let minute = Int(time[1]), (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        return day.at(hour: hour, minute: minute)
    }

    var emailIsValid: Bool { MailAddress.isPlausible(email) }

    var booking: Appointments.Booking? {
        guard !givenName.isEmpty, !surname.isEmpty, emailIsValid, let document = DocumentType(rawValue: document) else { return nil }
        return Appointments.Booking(givenName: givenName, surname: surname, email: email.lowercased(), document: document, language: language)
    }

    func problem(_ texts: OfficeTexts) -> String {
        if givenName.isEmpty || surname.isEmpty { return texts.booking.namesMissing }
        if !emailIsValid { return texts.booking.emailInvalid }
        return texts.booking.chooseSlot
    }
}
