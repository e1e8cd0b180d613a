import Foundation
import PersoCore
import Plot

/// One of the person's absences: its facts and its history, with who decided and why.
struct AbsencePage {
    let absence: Absence
    let history: [AbsenceEvent]
    /// Shown to the owner only: the certificate of a sick leave.
    let certificateName: String?
    let texts: AbsenceTexts
    let appTexts: SelfServiceTexts
    let language: Language
    let session: Session

    var page: Page {
        let id = absence.id?.uuidString.lowercased() ?? ""
        return Page(title: texts.absenceTitle, content: .div(
            ApplicationNavigation.node(current: .absences, texts: appTexts),
            .h1(.text(texts.typeName(absence.type))),
            AbsenceFacts(absence: absence, texts: texts, language: language).node,
            .unwrap(certificateName) { name in
                .p(.text(texts.certificateLink + ": "), .a(.id("certificate-link"), .href(SelfServicePath.certificate(id)), .text(name)),
                   .text(" – " + texts.sickPrivacy))
            },
            AbsenceHistory(history: history, texts: texts).node,
            .p(.a(.class("button secondary"), .href(SelfServicePath.absences), .text(texts.absencesTitle)))
        ))
    }
}

/// The facts of an absence as a definition list: kind, days, hours, status.
struct AbsenceFacts {
    let absence: Absence
    let texts: AbsenceTexts
    let language: Language
    var person: String?

    init(absence: Absence, texts: AbsenceTexts, language: Language, person: String? = nil) {
        self.absence = absence
        self.texts = texts
        self.language = language
        self.person = person
    }

    var node: Node<HTML.BodyContext> {
        .dl(
            .id("absence-facts"), .class("facts"),
            .unwrap(person) { name in .group(.dt(.text(texts.personColumn)), .dd(.class("person"), .text(name))) },
            .dt(.text(texts.typeColumn)), .dd(.class("type"), .text(texts.typeName(absence.type))),
            .dt(.text(texts.whenColumn)), .dd(.class("when"), .text(AbsenceWording.when(absence, texts: texts, language: language))),
            .dt(.text(texts.lengthColumn)), .dd(.class("length"), .text(WorkingTime.text(absence.minutes))),
            .dt(.text(texts.statusColumn)), .dd(.class("status"), .attribute(named: "data-status", value: absence.status.rawValue),
                                                .text(texts.statusName(absence.status)))
        )
    }
}

/// Who did what, in order, with refusals' reasons.
struct AbsenceHistory {
    let history: [AbsenceEvent]
    let texts: AbsenceTexts

    var node: Node<HTML.BodyContext> {
        .section(
            .h2(.text(texts.historyTitle)),
            .ol(.id("history"), .class("history-list"), .forEach(history) { event in
                .li(
                    .attribute(named: "data-action", value: event.action.rawValue),
                    .time(.text(BelgianTime.minute(event.at))), .text(" – "),
                    .text(texts.historyLine(event.action, event.actorName, event.capacity, event.onBehalfOf)),
                    .unwrap(event.reason) { reason in .p(.class("reason"), .text(texts.reasonLabel + ": " + reason)) }
                )
            })
        )
    }
}
