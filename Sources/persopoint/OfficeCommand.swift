import ArgumentParser
import Foundation
import Gateway
import PersoCore
import PersoPointServer
import RegistrationOffice

/// `persopoint office`: registration offices (hours, closing days, capacity) and their officers, for the
/// administrators who set up an installation or keep many offices in step from a script.
struct OfficeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "office", abstract: "Add, change and list registration offices and their officers.",
        subcommands: [Save.self, List.self, Close.self, AddOfficer.self, RemoveOfficer.self, Audit.self]
    )

    struct Save: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "save", abstract: "Add an office, or change the one with this code.")
        @OptionGroup var options: ConfigurationOptions
        @Option(help: "Short code, in addresses (lower-case letters, digits, hyphens).") var code: String
        @Option(help: "The office's name.") var name: String
        @Option(help: "Street, number, postcode and town.") var address: String
        @Option(help: "Languages spoken, separated by commas (fr,nl,de,en).") var languages = "fr,nl"
        @Option(help: "Organisations whose roles the officers may give, separated by commas (bosa,finance).") var organisations: String
        @Option(help: "Opening periods, repeatable: DAYS=HH:MM-HH:MM[,HH:MM-HH:MM] with DAYS like mon-fri, sat or tue,thu.")
        var hours: [String] = ["mon-fri=09:00-12:00,13:00-16:00"]
        @Option(help: "Minutes per appointment.") var slotMinutes = 30
        @Option(help: "People received at the same time.") var capacity = 1
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            let opening = try OfficeCommand.openingHours(hours)
            let languages = try self.languages.split(separator: ",").map { code -> PersoCore.Language in
                guard let language = PersoCore.Language(rawValue: String(code)) else { throw ValidationError("languages are fr, nl, de or en") }
                return language
            }
            try await withOffices(options) { app in
                let known = try await app.gateway.registrationAuthority.organisations().map(\.code)
                let organisations = self.organisations.split(separator: ",").map(String.init)
                if let unknown = organisations.first(where: { !known.contains($0) }) {
                    throw ValidationError("no organisation with code \(unknown) (known: \(known.joined(separator: ", ")))")
                }
                try await app.office.offices.save(Office(code: code, name: name, address: address, languages: languages, organisations: organisations,
                                                         hours: opening, slotMinutes: slotMinutes, capacity: capacity))
                try OfficeCommand.show(try await app.office.offices.office(code: code)!, json: json)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the offices.")
        @OptionGroup var options: ConfigurationOptions
        @Flag(help: "Print JSON.") var json = false

        func run() async throws {
            try await withOffices(options) { app in
                let offices = try await app.office.offices.all().map(OfficeCommand.Summary.init)
                try printOut(offices, json: json) { $0.map { "\($0.code)  \($0.name)  (\($0.hours.joined(separator: "; ")))" }.joined(separator: "\n") }
            }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close an office on a day besides the federal public holidays.")
        @OptionGroup var options: ConfigurationOptions
        @Argument(help: "The office's code.") var code: String
        @Argument(help: "The day, YYYY-MM-DD.") var day: String
        @Flag(help: "Open the day again instead.") var reopen = false

        func run() async throws {
            guard let day = FederalCalendar.Day(iso: day) else { throw ValidationError("the day is YYYY-MM-DD") }
            try await withOffices(options) { app in
                guard let office = try await app.office.offices.office(code: code) else { throw ValidationError("no office with code \(code)") }
                var hours = office.hours
                hours.closedDays.removeAll { $0 == day.description }
                if !reopen { hours.closedDays.append(day.description) }
                hours.closedDays.sort()
                office.hours = hours
                try await app.office.offices.save(office)
                print(reopen ? "\(code) opens on \(day)" : "\(code) is closed on \(day); appointments already booked that day stay: tell those people")
            }
        }
    }

    struct AddOfficer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-officer",
                                                        abstract: "Make a registered person an officer of an office (gives the registration_officer role).")
        @OptionGroup var options: ConfigurationOptions
        @Argument(help: "The office's code.") var code: String
        @Argument(help: "The officer's national register number.") var nrn: String
        @Flag(help: "Also an administrator of the office.") var administrator = false

        func run() async throws {
            try await withOffices(options) { app in
                let authority = app.gateway.registrationAuthority
                guard let office = try await app.office.offices.office(code: code) else { throw ValidationError("no office with code \(code)") }
                guard let number = try? NationalRegisterNumber(nrn), let person = try await authority.person(nrn: number), let personID = person.id else {
                    throw ValidationError("no registered person with national register number \(nrn)")
                }
                guard !office.organisations.isEmpty else { throw ValidationError("the office serves no organisation") }
                if try await app.office.staffing.appoint(personID, to: office, administrator: administrator) {
                    await authority.recordCommandLine(.roleGranted, personID: personID)
                }
                print("\(person.givenName) \(person.surname) works at \(office.name)\(administrator ? " (administrator)" : "")")
            }
        }
    }

    struct RemoveOfficer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove-officer", abstract: "Take a person off an office's staff.")
        @OptionGroup var options: ConfigurationOptions
        @Argument(help: "The office's code.") var code: String
        @Argument(help: "The officer's national register number.") var nrn: String

        func run() async throws {
            try await withOffices(options) { app in
                guard let office = try await app.office.offices.office(code: code) else { throw ValidationError("no office with code \(code)") }
                guard let number = try? NationalRegisterNumber(nrn), let personID = try await app.gateway.registrationAuthority.person(nrn: number)?.id else {
                    throw ValidationError("no registered person with national register number \(nrn)")
                }
                let (removed, withdrawn) = try await app.office.staffing.dismiss(personID, from: office)
                if !withdrawn.isEmpty { await app.gateway.registrationAuthority.recordCommandLine(.roleRevoked, personID: personID) }
                print(removed ? "removed from \(office.name)" + (withdrawn.isEmpty ? "" : "; registration_officer withdrawn in \(withdrawn.joined(separator: ", "))")
                              : "not an officer of \(office.name)")
            }
        }
    }

    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "What an office's officers did, newest first: when, what, for whom, by whom.")
        @OptionGroup var options: ConfigurationOptions
        @Argument(help: "The office's code.") var code: String
        @Option(help: "At most this many lines.") var limit = 200
        @Flag(help: "Print JSON.") var json = false

        struct Line: Encodable {
            let at: String
            let kind: String
            let key: String?
            let person: String
            let officer: String
            let officerNRN: String
        }

        func run() async throws {
            try await withOffices(options) { app in
                let authority = app.gateway.registrationAuthority
                var lines: [Line] = []
                var names: [UUID: (String, String)] = [:]
                func name(_ id: UUID) async throws -> (String, String) {
                    if let known = names[id] { return known }
                    let person = try await authority.person(id)
                    let found = (person.map { "\($0.givenName) \($0.surname)" } ?? "(deleted)", person?.nrn ?? "")
                    names[id] = found
                    return found
                }
                for event in try await authority.events(performedAt: code, limit: max(1, min(limit, 5000))) {
                    guard case .office(_, _, let officer) = event.performedBy else { continue }
                    var subject = ("–", "")
                    if let personID = event.personID { subject = try await name(personID) }
                    let (officerName, officerNRN) = try await name(officer)
                    lines.append(Line(at: ISO8601DateFormatter().string(from: event.at), kind: event.kind.rawValue, key: event.key?.rawValue,
                                      person: "\(subject.0) \(subject.1)", officer: officerName, officerNRN: officerNRN))
                }
                try printOut(lines, json: json) { $0.map { "\($0.at)  \($0.kind)\($0.key.map { " (\($0))" } ?? "")  \($0.person)  by \($0.officer)" }
                    .joined(separator: "\n") }
            }
        }
    }

    struct Summary: Encodable {
        let code: String
        let name: String
        let address: String
        let languages: [String]
        let organisations: [String]
        let hours: [String]
        let closedDays: [String]
        let slotMinutes: Int
        let capacity: Int

        init(_ office: Office) {
            code = office.code
            name = office.name
            address = office.address
            languages = office.languages.map(\.rawValue)
            organisations = office.organisations
            let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            hours = office.hours.weekdays.enumerated().filter { !$0.element.isEmpty }.map { index, periods in
                "\(days[index]) " + periods.map(\.description).joined(separator: ",")
            }
            closedDays = office.hours.closedDays
            slotMinutes = office.slotMinutes
            capacity = office.capacity
        }
    }

    static func show(_ office: Office, json: Bool) throws {
        try printOut(Summary(office), json: json) { "saved \($0.code): \($0.name), \($0.hours.joined(separator: "; ")), \($0.slotMinutes) min × \($0.capacity)" }
    }

    /// `mon-fri=09:00-12:00,13:00-16:00`, repeatable; later entries replace earlier ones for their days.
    static func openingHours(_ entries: [String]) throws -> OpeningHours {
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        var hours = OpeningHours(weekdays: Array(repeating: [], count: 7))
        for entry in entries {
            let sides = entry.split(separator: "=")
            guard sides.count == 2 else { throw ValidationError("opening hours look like mon-fri=09:00-12:00,13:00-16:00") }
            var days: [Int] = []
            for part in sides[0].lowercased().split(separator: ",") {
                let range = part.split(separator: "-").map { names.firstIndex(of: String($0)) }
                guard let first = range.first ?? nil, let last = range.last ?? nil, first <= last else {
                    throw ValidationError("days are mon, tue, wed, thu, fri, sat, sun, or ranges like mon-fri")
                }
                days += Array(first...last)
            }
            let periods = try sides[1].split(separator: ",").map { text -> OpeningHours.Period in
                guard let period = OpeningHours.Period(text) else { throw ValidationError("\(text) is not a period like 09:00-12:00") }
                return period
            }
            for day in days { hours.weekdays[day] = periods }
        }
        return hours
    }
}

/// Opens the migrated database for an office command; refusals exit 2 with their reason.
func withOffices(_ options: ConfigurationOptions, _ body: (PersoPointApp) async throws -> Void) async throws {
    try await withGateway(options) { app in
        do {
            try await body(app)
        } catch let problem as Offices.Problem {
            FileHandle.standardError.write(Data("persopoint: \(problem)\n".utf8))
            throw ExitCode(2)
        }
    }
}
