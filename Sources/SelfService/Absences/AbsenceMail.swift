import Foundation
import Messaging
import PersoCore

/// One e-mail about an absence, in its recipient's language: a request to the manager (and the substitute), a
/// decision to the person. Sick leave tells the manager the days only.
struct AbsenceMail: Sendable {
    enum Kind: String, Sendable {
        case requested, decided, cancellationAsked = "cancellation-asked", cancellationDecided = "cancellation-decided", absent
    }

    let kind: Kind
    let absence: Absence
    let person: StaffMember
    let recipient: StaffMember
    let actor: StaffMember?
    let capacity: AbsenceEvent.Capacity?
    let onBehalfOf: StaffMember?
    let reason: String?
    let link: String

    var message: EmailMessage {
        let language = recipient.language
        let texts = AbsenceTexts.texts(for: language)
        let when = AbsenceWording.when(absence, texts: texts, language: language)
        let type = texts.typeName(absence.type)
        let approved = absence.status == .approved
        var lines: [String]
        let subject: String
        switch kind {
        case .requested:
            subject = texts.mailRequestedSubject(person.fullName)
            lines = [texts.mailRequested(person.fullName, type, when), texts.mailDecide]
        case .decided:
            subject = approved ? texts.mailApprovedSubject : texts.mailRefusedSubject
            lines = [texts.mailDecided(approved, type, when)]
        case .cancellationAsked:
            subject = texts.mailCancellationAskedSubject(person.fullName)
            lines = [texts.mailCancellationAsked(person.fullName, when), texts.mailDecide]
        case .cancellationDecided:
            let cancelled = absence.status == .cancelled
            subject = texts.mailCancellationDecidedSubject(cancelled)
            lines = [texts.mailCancellationDecided(cancelled, type, when)]
        case .absent:
            subject = texts.mailAbsentSubject(person.fullName)
            lines = [texts.mailAbsent(person.fullName, when)]
        }
        if kind == .decided || kind == .cancellationDecided {
            if capacity == .substitute, let actor { lines.append(texts.mailBySubstitute(actor.fullName)) }
            if let reason { lines.append(texts.mailReason(reason)) }
            lines.append(texts.mailSee)
        } else if kind == .absent {
            lines.append(texts.mailSee)
        }
        let greeting = texts.mailGreeting(recipient.givenName)
        let text = ([greeting] + lines + [link, "-- \n" + texts.mailSignature]).joined(separator: "\n\n") + "\n"
        let escape: (String) -> String = \.attributeEscaped
        let html = """
        <!DOCTYPE html><html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(escape(subject))</title></head>
        <body style="font-family: Arial, sans-serif; color: #1a1a1a; line-height: 1.5">
        <p>\(escape(greeting))</p>\(lines.map { "<p>\(escape($0))</p>" }.joined())
        <p><a href="\(escape(link))">\(escape(link))</a></p><p style="color: #555">— \(escape(texts.mailSignature))</p>
        </body></html>
        """
        return EmailMessage(to: MailAddress(name: recipient.fullName, address: recipient.email), subject: subject, text: text, html: html,
                            language: language)
    }
}

/// How an absence's days read: "Monday 7 December 2026", "7 – 11 December 2026", "Monday 7 December 2026, 13:00–16:30".
enum AbsenceWording {
    static func when(_ absence: Absence, texts: AbsenceTexts, language: Language) -> String {
        let first = BelgianTime.longDay(absence.first, language: language)
        switch absence.part {
        case .full:
            return absence.firstDay == absence.lastDay ? first : "\(first) – \(BelgianTime.longDay(absence.last, language: language))"
        case .morning, .afternoon:
            let part = texts.partName(absence.part)
            // German nouns keep their capital.
            return "\(first), \(language == .de ? part : part.lowercased())"
        case .hours:
            return "\(first), \(AbsenceSpan.clock(absence.startMinute ?? 0))–\(AbsenceSpan.clock(absence.endMinute ?? 0))"
        }
    }
}
