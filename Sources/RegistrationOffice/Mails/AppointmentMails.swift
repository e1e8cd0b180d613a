import Foundation
import Gateway
import Messaging
import PersoCore

/// The e-mails about an appointment, in the language the person booked in: confirmation (with the calendar file and
/// the link to move or cancel), the reminder the day before, and the cancellation.
struct AppointmentMails: Sendable {
    /// The public URL without trailing slash, for the links.
    let base: String

    func confirmation(_ appointment: Appointment, office: Office, token: String, moved: Bool) -> EmailMessage {
        let texts = OfficeTexts.texts(for: appointment.language)
        let words = texts.mail
        let when = OfficeDates.moment(appointment.startsAt, appointment.language)
        let link = base + OfficePath.appointment(token)
        let body = [words.hello(appointment.givenName), moved ? words.movedBody(office.name, when) : words.bookedBody(office.name, when),
                    words.address(office.address), words.bring(texts.documentName(appointment.documentType)), words.manage(link), words.signature]
        return message(appointment, subject: moved ? words.movedSubject(office.name) : words.bookedSubject(office.name), body: body,
                       attachments: [EmailAttachment(filename: "appointment.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH",
                                                     content: invitation(appointment, office: office, texts: texts, link: link).data)])
    }

    func reminder(_ appointment: Appointment, office: Office) -> EmailMessage {
        let texts = OfficeTexts.texts(for: appointment.language)
        let words = texts.mail
        let when = OfficeDates.moment(appointment.startsAt, appointment.language)
        return message(appointment, subject: words.reminderSubject(office.name),
                       body: [words.hello(appointment.givenName), words.reminderBody(office.name, when), words.address(office.address),
                              words.bring(texts.documentName(appointment.documentType)), words.reminderManage, words.signature])
    }

    func cancellation(_ appointment: Appointment, office: Office) -> EmailMessage {
        let words = OfficeTexts.texts(for: appointment.language).mail
        let when = OfficeDates.moment(appointment.startsAt, appointment.language)
        // The calendar file cancels the entry the confirmation's file made (same UID, next sequence, METHOD:CANCEL).
        return message(appointment, subject: words.cancelledSubject(office.name),
                       body: [words.hello(appointment.givenName), words.cancelledBody(office.name, when), words.bookAgain(base + OfficePath.root), words.signature],
                       attachments: [EmailAttachment(filename: "appointment.ics", contentType: "text/calendar; charset=utf-8; method=CANCEL",
                                                     content: invitation(appointment, office: office, texts: OfficeTexts.texts(for: appointment.language)).data)])
    }

    /// The calendar entry; the same UID for every version of one booking's file.
    func invitation(_ appointment: Appointment, office: Office, texts: OfficeTexts, link: String? = nil) -> CalendarInvitation {
        CalendarInvitation(
            uid: appointment.calendarUID,
            start: appointment.startsAt, end: appointment.startsAt.addingTimeInterval(TimeInterval(office.slotMinutes * 60)),
            summary: texts.mail.calendarSummary(office.name), location: office.address,
            description: [texts.mail.bring(texts.documentName(appointment.documentType)), link.map(texts.mail.manage)].compactMap { $0 }.joined(separator: "\n"),
            sequence: appointment.calendarSequence + (appointment.status == .cancelled ? 1 : 0), cancelled: appointment.status == .cancelled,
            stamp: appointment.createdAt
        )
    }

    private func message(_ appointment: Appointment, subject: String, body: [String], attachments: [EmailAttachment] = []) -> EmailMessage {
        EmailMessage(to: MailAddress(name: "\(appointment.givenName) \(appointment.surname)", address: appointment.email), subject: subject,
                     text: body.joined(separator: "\n\n"), html: nil, language: appointment.language, attachments: attachments)
    }
}

/// The e-mail with the activation link: the other half of the paper letter.
struct ActivationMails: Sendable {
    let base: String

    func activation(_ person: Person, link: String, office: Office, expiresAt: Date) -> EmailMessage {
        let words = OfficeTexts.texts(for: person.preferredLanguage).mail
        let body = [words.hello(person.givenName), words.activationBody(office.name), base + OfficePath.activate(link),
                    words.activationExpiry(OfficeDates.moment(expiresAt, person.preferredLanguage)), words.activationNotYou, words.signature]
        return EmailMessage(to: MailAddress(name: "\(person.givenName) \(person.surname)", address: person.email ?? ""), subject: words.activationSubject,
                            text: body.joined(separator: "\n\n"), html: nil, language: person.preferredLanguage)
    }
}
