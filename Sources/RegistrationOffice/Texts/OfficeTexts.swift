import Foundation
import Gateway
import PersoCore

/// Every word the registration office shows or mails, one value per language (`OfficeTexts+English.swift` and its
/// three siblings); the memberwise initialisers make the compiler refuse a language with a missing text.
struct OfficeTexts: Sendable {
    let offices: OfficeWords
    let booking: BookingWords
    let appointment: AppointmentWords
    let mail: MailWords
    let desk: DeskWords
    let register: RegisterWords
    let letter: LetterWords
    let person: PersonWords
    let activation: ActivationWords
    let settings: SettingsWords
    let documentName: @Sendable (DocumentType) -> String
    let languageName: @Sendable (Language) -> String
    let roleName: @Sendable (Membership.Role) -> String

    static func texts(for language: Language) -> OfficeTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }

    struct OfficeWords: Sendable {
        let title: String
        let lead: String
        /// What to bring and have, as the guide says.
        let bring: [String]
        /// "Languages spoken: French, Dutch".
        let languages: @Sendable ([String]) -> String
        let slotLength: @Sendable (Int) -> String
        let hours: String
        /// Monday first.
        let weekdays: [String]
        let closed: String
        let book: String
    }

    struct BookingWords: Sendable {
        let title: @Sendable (String) -> String
        let moveTitle: String
        let chooseSlot: String
        /// "From Tue 1 Dec to Mon 7 Dec".
        let week: @Sendable (String, String) -> String
        let earlier: String
        let later: String
        let noSlots: String
        let yourDetails: String
        let givenName: String
        let surname: String
        let email: String
        let emailHint: String
        let document: String
        let book: String
        let moveButton: String
        let back: String
        let slotTaken: String
        let alreadyBooked: String
        let namesMissing: String
        let emailInvalid: String
    }

    struct AppointmentWords: Sendable {
        let title: String
        let when: String
        let whereLabel: String
        let who: String
        let document: String
        let calendar: String
        let move: String
        let cancel: String
        let booked: @Sendable (String) -> String
        let moved: @Sendable (String) -> String
        let cancelled: String
        let isCancelled: String
        let isMoved: String
        let attended: String
        let offices: String
    }

    struct MailWords: Sendable {
        let hello: @Sendable (String) -> String
        let signature: String
        let bookedSubject: @Sendable (String) -> String
        /// Office, then date and time.
        let bookedBody: @Sendable (String, String) -> String
        let movedSubject: @Sendable (String) -> String
        let movedBody: @Sendable (String, String) -> String
        let address: @Sendable (String) -> String
        let bring: @Sendable (String) -> String
        let manage: @Sendable (String) -> String
        let reminderSubject: @Sendable (String) -> String
        let reminderBody: @Sendable (String, String) -> String
        let reminderManage: String
        let cancelledSubject: @Sendable (String) -> String
        let cancelledBody: @Sendable (String, String) -> String
        let bookAgain: @Sendable (String) -> String
        let calendarSummary: @Sendable (String) -> String
        let activationSubject: String
        let activationBody: @Sendable (String) -> String
        let activationExpiry: @Sendable (String) -> String
        let activationNotYou: String
    }

    struct DeskWords: Sendable {
        let signedInAs: String
        let logout: String
        let menu: String
        let workingAt: @Sendable (String) -> String
        let office: String
        let switchOffice: String
        let findLabel: String
        let find: String
        let agendaTitle: String
        let previousDay: String
        let nextDay: String
        let today: String
        let agendaNone: String
        let time: String
        let name: String
        let document: String
        let status: String
        let statusName: @Sendable (String) -> String
        let registerAction: String
        let open: String
        let findTitle: String
        let resultsFor: @Sendable (String) -> String
        let nobody: String
        let registerNew: String
        let notOfficerTitle: String
        let notOfficerBody: String
        let notAdministratorTitle: String
        let notAdministratorBody: String
        let toOffices: String
    }

    struct RegisterWords: Sendable {
        let title: String
        let fix: String
        let problem: @Sendable (RegistrationForm.Problem) -> String
        let openExisting: String
        let identity: String
        let nrn: String
        let nrnHint: String
        let givenName: String
        let surname: String
        let language: String
        let email: String
        let emailHint: String
        let emailRequired: String
        let organisation: String
        let documentSeen: String
        let documentType: String
        let documentNumber: String
        let documentCountry: String
        let documentExpiry: String
        let choose: String
        let keys: String
        let keysHint: String
        let submit: String
    }

    struct LetterWords: Sendable {
        let title: String
        let printNow: @Sendable (String) -> String
        let dear: @Sendable (String, String) -> String
        let lead: String
        let codeLabel: String
        let validUntil: @Sendable (String) -> String
        /// The steps at home; the argument is the e-mail address the link went to.
        let steps: @Sendable (String) -> [String]
        let keysComing: String
        let keepSecret: String
        let toPerson: String
    }

    struct PersonWords: Sendable {
        let usernameIs: @Sendable (String?) -> String
        let done: @Sendable (String) -> String?
        let contact: String
        let save: String
        let keys: String
        let noKeys: String
        let key: String
        let status: String
        let lastUsed: String
        let remove: String
        let printCard: String
        let printCardHint: String
        let cardPrinted: String
        let unlock: String
        let newActivation: String
        let newActivationHint: String
        let issueActivation: String
        let roles: String
        let role: String
        let grant: String
        let revoke: String
        let documents: String
        let validUntil: @Sendable (String) -> String
        /// Office, then day.
        let seenAt: @Sendable (String, String) -> String
        let activity: String
        let noActivity: String
        let activityHeadings: [String]
    }

    struct SettingsWords: Sendable {
        let title: String
        let done: @Sendable (String) -> String?
        let office: String
        let name: String
        let address: String
        let languages: String
        let hoursHint: String
        let closedDays: String
        let closedDaysHint: String
        let slotMinutes: String
        let capacity: String
        let save: String
        let invalid: String
        let staff: String
        let administrator: String
        let removeOfficer: String
        let officerNRN: String
        let addOfficer: String
        let unknownPerson: String
        let notYourself: String
    }

    struct ActivationWords: Sendable {
        let title: String
        /// Given name, then office.
        let lead: @Sendable (String, String) -> String
        let keysComing: String
        let code: String
        let codeHint: String
        let username: String
        let usernameHint: String
        let password: String
        let passwordHint: String
        let passwordAgain: String
        let activate: String
        let wrongCode: @Sendable (Int) -> String
        let wait: @Sendable (Int) -> String
        let passwordsDiffer: String
        let goneTitle: String
        let gone: @Sendable (Activations.Gone) -> String
        let toOffices: String
        let doneTitle: String
        let doneLead: @Sendable (String) -> String
        let passwordActive: String
        let keyActive: @Sendable (String) -> String
        let cardTitle: String
        let cardHint: String
        let totpHint: String
        let totpQRTitle: String
        let toSelfService: String
    }
}
