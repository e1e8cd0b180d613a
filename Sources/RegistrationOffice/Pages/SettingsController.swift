import Foundation
import Gateway
import Hummingbird
import PersoCore

/// The office's own settings, for its administrators: name, address, languages, opening hours, closing days, the
/// length and capacity of a slot, and who works there. Appointments already booked stay when hours change; the page
/// says how many fall outside the new hours so that the office can call those people.
struct SettingsController: Sendable {
    let gate: OfficerGate
    let offices: Offices
    let staffing: Staffing
    let authority: RegistrationAuthority

    func register(on routes: Routes) {
        routes.get(OfficePath.settings) { request, context in
            try await gate.serve(request, context, formPage: OfficePath.settings, administrators: true) { officer, context in
                try await page(officer, form: SettingsForm(officer.office), notice: request.uri.queryParameters["done"].map(String.init),
                               error: nil, status: .ok, context: context)
            }
        }
        routes.post(OfficePath.settings) { request, context in
            try await gate.serve(request, context, formPage: OfficePath.settings, administrators: true) { officer, context in
                let form = SettingsForm(context.form)
                let texts = OfficeTexts.texts(for: context.language).settings
                guard let hours = form.openingHours, let slot = Int(form.slotMinutes), let capacity = Int(form.capacity), !form.languages.isEmpty else {
                    return try await page(officer, form: form, notice: nil, error: texts.invalid, status: .unprocessableContent, context: context)
                }
                let office = officer.office
                office.name = form.name
                office.address = form.address
                office.languages = form.languages
                office.hours = hours
                office.slotMinutes = slot
                office.capacity = capacity
                do {
                    try await offices.save(office)
                } catch Offices.Problem.invalid {
                    return try await page(officer, form: form, notice: nil, error: texts.invalid, status: .unprocessableContent, context: context)
                }
                context.logger.notice("registration office settings changed", metadata: ["office": "\(office.code)", "by": "\(officer.personID)"])
                return Response(status: .seeOther, headers: [.location: OfficePath.settings + "?done=saved"])
            }
        }
        routes.post(OfficePath.settings + "/staff") { request, context in
            try await gate.serve(request, context, formPage: OfficePath.settings, administrators: true) { officer, context in
                let texts = OfficeTexts.texts(for: context.language).settings
                guard let nrn = try? NationalRegisterNumber(context.form?["nrn"] ?? ""), let person = try await authority.person(nrn: nrn),
                      let personID = person.id else {
                    return try await page(officer, form: SettingsForm(officer.office), notice: nil, error: texts.unknownPerson,
                                          status: .unprocessableContent, context: context)
                }
                if context.form?["action"] == "remove" {
                    guard personID != officer.personID else {
                        return try await page(officer, form: SettingsForm(officer.office), notice: nil, error: texts.notYourself,
                                              status: .unprocessableContent, context: context)
                    }
                    if try await !staffing.dismiss(personID, from: officer.office).withdrawnIn.isEmpty {
                        await authority.record(.roleRevoked, personID: personID, by: officer.performer, request: request, context: context)
                    }
                    return Response(status: .seeOther, headers: [.location: OfficePath.settings + "?done=removed"])
                }
                // The role that goes with the office is audited like any role given.
                if try await staffing.appoint(personID, to: officer.office, administrator: context.form?["administrator"] != nil) {
                    await authority.record(.roleGranted, personID: personID, by: officer.performer, request: request, context: context)
                }
                return Response(status: .seeOther, headers: [.location: OfficePath.settings + "?done=added"])
            }
        }
    }

    private func page(_ officer: Officer, form: SettingsForm, notice: String?, error: String?, status: HTTPResponse.Status,
                      context: PersoRequestContext) async throws -> Response {
        var staff: [(person: Person, administrator: Bool)] = []
        for member in try await offices.staff(of: officer.office) {
            if let person = try await authority.person(member.personID) { staff.append((person, member.administrator)) }
        }
        return SettingsPage(officer: officer, form: form, staff: staff, notice: notice, error: error, texts: OfficeTexts.texts(for: context.language))
            .response(status: status, context: context)
    }
}

/// The settings form as typed: opening periods as `09:00-12:00, 13:00-16:00` per weekday, closing days one per line.
struct SettingsForm: Sendable {
    var name: String
    var address: String
    var languages: [Language]
    var weekdays: [String]
    var closedDays: String
    var slotMinutes: String
    var capacity: String

    init(_ office: Office) {
        name = office.name
        address = office.address
        languages = office.languages
        weekdays = office.hours.weekdays.map { $0.map { String(format: "%02d:%02d-%02d:%02d", $0.from / 60, $0.from % 60, $0.to / 60, $0.to % 60) }
            .joined(separator: ", ") }
        closedDays = office.hours.closedDays.joined(separator: "\n")
        slotMinutes = String(office.slotMinutes)
        capacity = String(office.capacity)
    }

    init(_ fields: FormFields?) {
        func field(_ name: String, _ limit: Int) -> String { String((fields?[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(limit)) }
        name = field("name", 200)
        address = field("address", 300)
        languages = Language.allCases.filter { fields?["language_\($0.rawValue)"] != nil }
        weekdays = (0..<7).map { field("day_\($0)", 200) }
        closedDays = field("closed_days", 4000)
        slotMinutes = field("slot_minutes", 4)
        capacity = field("capacity", 3)
    }

    /// Nil when a period or a closing day cannot be read.
    var openingHours: OpeningHours? {
        var periods: [[OpeningHours.Period]] = []
        for text in weekdays {
            let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let read = parts.compactMap(OpeningHours.Period.init)
            guard read.count == parts.count else { return nil }
            periods.append(read.sorted { $0.from < $1.from })
        }
        let days = closedDays.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard days.count <= 366, days.allSatisfy({ FederalCalendar.Day(iso: $0) != nil }) else { return nil }
        return OpeningHours(weekdays: periods, closedDays: Array(Set(days)).sorted())
    }
}
