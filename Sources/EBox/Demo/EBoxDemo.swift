import Crypto
import FluentKit
import Foundation
import PersoCore

/// The demo's eBoxes: a sender (an HR service with its gateway client) and, for each demo person but one, an active
/// eBox holding a pay slip, a career-interruption decision and a registered letter. Seeding twice adds nothing.
public enum EBoxDemo {
    public static let senderCode = "demo-hr"
    public static let senderClientID = "demo-sender"
    public static let types = ["payslip": 365, "career_interruption_decision": 1095, "registered_letter": 90, "salary_certificate": 365]
    public static let senderNames: [PersoCore.Language: String] = [
        .fr: "SPF BOSA – Service du personnel", .nl: "FOD BOSA – Personeelsdienst",
        .de: "FÖD BOSA – Personaldienst", .en: "FPS BOSA – Human resources",
    ]

    /// A demo person the eBox knows by national number (the gateway's demo data says who they are).
    public struct Recipient: Sendable {
        public let nationalNumber: String
        public let givenName: String
        public let email: String
        public let language: PersoCore.Language

        public init(nationalNumber: String, givenName: String, email: String, language: PersoCore.Language) {
            self.nationalNumber = nationalNumber
            self.givenName = givenName
            self.email = email
            self.language = language
        }
    }
}

extension EBoxPart {
    /// Registers the demo sender and fills the recipients' eBoxes (already active, on their demo address).
    public func seedDemo(recipients: [EBoxDemo.Recipient]) async throws {
        // Registered once: every start in development mode seeds, and must not rewrite what is there.
        if try await senders.sender(clientID: EBoxDemo.senderClientID) == nil {
            try await senders.register(.init(code: EBoxDemo.senderCode, clientID: EBoxDemo.senderClientID, names: EBoxDemo.senderNames,
                                             types: EBoxDemo.types))
        }
        guard let sender = try await senders.sender(clientID: EBoxDemo.senderClientID) else { return }
        for recipient in recipients {
            guard try await mailboxes.mailbox(of: recipient.nationalNumber) == nil else { continue }
            let mailbox = Mailbox()
            mailbox.nationalNumber = recipient.nationalNumber
            mailbox.email = recipient.email
            mailbox.language = recipient.language
            mailbox.format = .html
            mailbox.frequency = .each
            mailbox.consentVersion = Mailbox.consentVersion
            mailbox.activatedAt = clock()
            try await mailbox.create(on: mailboxes.database.db)
            for letter in Self.demoLetters(for: recipient) {
                let data = SimplePDF.make(title: letter.subject, lines: letter.lines)
                let digest = SecureRandom.base64URL(SHA256.hash(data: data))
                let metadata = try MessageMetadata.parse(JSONSerialization.data(withJSONObject: [
                    "recipient": recipient.nationalNumber, "messageId": "demo-\(recipient.nationalNumber)-\(letter.type)",
                    "type": letter.type, "language": recipient.language.rawValue, "subject": letter.subject,
                    "registered": letter.type == "registered_letter", "digests": ["main": digest],
                ]))
                let upload = Documents.Upload(part: MultipartUpload.mainPart, fileName: letter.fileName, mediaType: "application/pdf",
                                              size: data.count, digest: digest, content: .memory(data))
                _ = try await documents.publish(metadata, uploads: [upload], sender: sender, to: mailbox, keptFor: EBoxDemo.types[letter.type] ?? 365,
                                             announced: false)
            }
        }
    }

    private struct DemoLetter {
        let type: String
        let subject: String
        let fileName: String
        let lines: [String]
    }

    private static func demoLetters(for recipient: EBoxDemo.Recipient) -> [DemoLetter] {
        let name = recipient.givenName
        switch recipient.language {
        case .nl:
            return [
                DemoLetter(type: "payslip", subject: "Loonfiche oktober 2026", fileName: "loonfiche-2026-10.pdf",
                           lines: ["Beste \(name),", "Uw loonfiche van oktober 2026.", "Nettobedrag: 2.845,17 EUR"]),
                DemoLetter(type: "career_interruption_decision", subject: "Beslissing loopbaanonderbreking", fileName: "beslissing-loopbaanonderbreking.pdf",
                           lines: ["Beste \(name),", "Uw aanvraag tot loopbaanonderbreking (4/5) wordt toegestaan", "van 1 januari tot 30 juni 2027."]),
                DemoLetter(type: "registered_letter", subject: "Aangetekende brief: nieuwe standplaats", fileName: "aangetekende-brief.pdf",
                           lines: ["Beste \(name),", "Vanaf 1 februari 2027 is uw standplaats Simon Bolivarlaan 30, Brussel."]),
            ]
        case .de:
            return [
                DemoLetter(type: "payslip", subject: "Gehaltsabrechnung Oktober 2026", fileName: "gehaltsabrechnung-2026-10.pdf",
                           lines: ["Liebe(r) \(name),", "Ihre Gehaltsabrechnung für Oktober 2026.", "Nettobetrag: 2.845,17 EUR"]),
                DemoLetter(type: "career_interruption_decision", subject: "Entscheidung zur Laufbahnunterbrechung", fileName: "entscheidung-laufbahnunterbrechung.pdf",
                           lines: ["Liebe(r) \(name),", "Ihr Antrag auf Laufbahnunterbrechung (4/5) wird genehmigt,", "vom 1. Januar bis 30. Juni 2027."]),
                DemoLetter(type: "registered_letter", subject: "Einschreiben: neuer Dienstort", fileName: "einschreiben.pdf",
                           lines: ["Liebe(r) \(name),", "Ab dem 1. Februar 2027 ist Ihr Dienstort Simon-Bolivar-Laan 30, Brüssel."]),
            ]
        case .en:
            return [
                DemoLetter(type: "payslip", subject: "Pay slip October 2026", fileName: "payslip-2026-10.pdf",
                           lines: ["Dear \(name),", "Your pay slip for October 2026.", "Net amount: EUR 2,845.17"]),
                DemoLetter(type: "career_interruption_decision", subject: "Career break decision", fileName: "career-break-decision.pdf",
                           lines: ["Dear \(name),", "Your request for a career break (4/5) is granted", "from 1 January to 30 June 2027."]),
                DemoLetter(type: "registered_letter", subject: "Registered letter: new place of work", fileName: "registered-letter.pdf",
                           lines: ["Dear \(name),", "From 1 February 2027 your place of work is Boulevard Simon Bolivar 30, Brussels."]),
            ]
        case .fr:
            return [
                DemoLetter(type: "payslip", subject: "Fiche de paie octobre 2026", fileName: "fiche-de-paie-2026-10.pdf",
                           lines: ["Chère, cher \(name),", "Votre fiche de paie d'octobre 2026.", "Montant net : 2.845,17 EUR"]),
                DemoLetter(type: "career_interruption_decision", subject: "Décision d'interruption de carrière", fileName: "decision-interruption-carriere.pdf",
                           lines: ["Chère, cher \(name),", "Votre demande d'interruption de carrière (4/5) est accordée", "du 1er janvier au 30 juin 2027."]),
                DemoLetter(type: "registered_letter", subject: "Lettre recommandée : nouveau lieu de travail", fileName: "lettre-recommandee.pdf",
                           lines: ["Chère, cher \(name),", "À partir du 1er février 2027, votre lieu de travail est le boulevard Simon Bolivar 30, Bruxelles."]),
            ]
        }
    }
}
