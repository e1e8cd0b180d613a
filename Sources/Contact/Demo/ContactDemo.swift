import FluentKit
import Foundation
import PersoCore

/// A few cases for the demo people, a queue for the demo case handler at each desk he serves, and saved answers in
/// the four languages. Seeding twice changes nothing: a person who already has cases gets no more.
public enum ContactDemo {
    public struct Person: Sendable {
        public let nationalNumber: String
        public let name: String
        public let email: String
        public let language: PersoCore.Language
        /// The desk their cases go to (their organisation's code; BOSA's staff go to BOSA's).
        public let desk: String

        public init(nationalNumber: String, name: String, email: String, language: PersoCore.Language, desk: String) {
            self.nationalNumber = nationalNumber
            self.name = name
            self.email = email
            self.language = language
            self.desk = desk
        }
    }

    struct Story {
        let topic: Topic
        let subject: String
        let fields: [String: String]
        let question: String
        let answer: String?
        let status: CaseStatus
        /// For a closed case: how long ago it closed.
        var closedDaysAgo: Int = 0
    }

    static let stories: [Language: [Story]] = [
        .fr: [
            Story(topic: .pay, subject: "Prime de fin d’année", fields: ["month": "2026-10"],
                  question: "Bonjour, ma prime de fin d’année semble plus basse que l’an dernier. Pourriez-vous vérifier le calcul ?",
                  answer: nil, status: .inProgress),
            Story(topic: .personalData, subject: "Changement d’adresse", fields: ["data": "address"],
                  question: "J’ai déménagé le 1er septembre. Mon adresse est-elle à jour dans mon dossier ?",
                  answer: "Votre nouvelle adresse est enregistrée depuis le 3 septembre. Bonne journée.", status: .closed, closedDaysAgo: 20),
        ],
        .nl: [
            Story(topic: .pecuniaryCareer, subject: "Anciënniteit na overplaatsing", fields: ["since": "2025-03-01"],
                  question: "Wordt mijn anciënniteit uit mijn vorige dienst meegeteld voor mijn weddeschaal?",
                  answer: "Ja, uw anciënniteit wordt volledig meegeteld. De correctie staat op uw volgende loonfiche.", status: .answered),
        ],
        .de: [
            Story(topic: .absences, subject: "Krankmeldung während des Urlaubs", fields: ["from": "2026-08-10", "to": "2026-08-14"],
                  question: "Ich war während meines Urlaubs krank. Werden diese Tage wieder gutgeschrieben?",
                  answer: nil, status: .new),
        ],
    ]

    static let templates: [(title: String, topic: Topic?, fr: String, nl: String, de: String, en: String)] = [
        ("Fiche de paie expliquée / Pay slip explained", .pay,
         "Bonjour,\n\nVoici l’explication de votre fiche de paie : ",
         "Goedendag,\n\nHier vindt u de uitleg bij uw loonfiche: ",
         "Guten Tag,\n\nhier die Erläuterung Ihrer Gehaltsabrechnung: ",
         "Hello,\n\nHere is the explanation of your pay slip: "),
        ("Attestation dans votre eBox / Certificate in your eBox", nil,
         "Bonjour,\n\nVous trouverez l’attestation demandée dans votre eBox.",
         "Goedendag,\n\nU vindt het gevraagde attest in uw eBox.",
         "Guten Tag,\n\nSie finden die angeforderte Bescheinigung in Ihrer eBox.",
         "Hello,\n\nYou will find the certificate you asked for in your eBox."),
    ]

    /// Seeds the demo: `handlers` are on duty for every topic at each of their desks.
    static func seed(people: [Person], handlers: [(Actor, [String])], cases: Cases, duties: Duties, templates: AnswerTemplates,
                     database: PersoDatabase, clock: @Sendable () -> Date) async throws {
        for (handler, desks) in handlers {
            try await duties.arrive(handler, desks: desks)
        }
        for desk in Set(people.map(\.desk)) where try await templates.list(desk: desk).isEmpty {
            for template in Self.templates {
                try await templates.add(.init(title: template.title, topic: template.topic,
                                              bodies: [.fr: template.fr, .nl: template.nl, .de: template.de, .en: template.en]),
                                        desk: desk, by: "PersoContact")
            }
        }
        let handlerNames = Dictionary(handlers.map { ($0.0.nationalNumber, $0.0) }, uniquingKeysWith: { first, _ in first })
        for person in people where try await cases.cases(of: person.nationalNumber).isEmpty {
            for story in stories[person.language] ?? [] {
                let asker = Actor(nationalNumber: person.nationalNumber, name: person.name)
                let item = try await cases.open(Cases.Question(
                    desk: person.desk, topic: story.topic, requester: asker, email: nil, language: person.language,
                    subject: story.subject, fields: story.fields, body: story.question, files: []
                ))
                let handler = item.assigneeNRN.flatMap { handlerNames[$0] } ?? handlers.first?.0 ?? Actor(nationalNumber: "", name: "PersoContact")
                let link = cases.mails.caseLink(item)
                if let answer = story.answer {
                    try await cases.answer(item, by: handler, body: answer, files: [], eBoxDocumentID: nil, status: .answered, caseURL: link)
                }
                try await cases.setStatus(item, story.status, by: handler, caseURL: link)
                if story.closedDaysAgo > 0 {
                    let closedAt = clock().addingTimeInterval(-Double(story.closedDaysAgo) * 86_400)
                    try await database.write { db in
                        try await ContactCase.query(on: db).filter(\.$id == item.requireID()).set(\.$closedAt, to: closedAt).set(\.$updatedAt, to: closedAt).update()
                    }
                }
            }
        }
    }
}

extension ContactPart {
    /// The demo's cases, duties and saved answers (see `ContactDemo`).
    public func seedDemo(people: [ContactDemo.Person], handlers: [(nationalNumber: String, name: String, desks: [String])]) async throws {
        try await ContactDemo.seed(people: people, handlers: handlers.map { (Actor(nationalNumber: $0.nationalNumber, name: $0.name), $0.desks) },
                                   cases: cases, duties: duties, templates: templates, database: cases.database, clock: cases.clock)
    }
}
