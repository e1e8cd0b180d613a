import Foundation
import PersoCore

/// Every word PersoContact shows or mails, one value per language (`ContactTexts+English.swift` and its three
/// siblings); the memberwise initialisers make the compiler refuse a language with a missing text.
struct ContactTexts: Sendable {
    // The entry page.
    let name: String
    let question: String
    let lead: String
    let bosa: String
    let otherService: String
    let youWorkForBOSA: String
    let youWorkForOtherService: String
    let change: String
    let entryLead: String
    let askHint: String
    let myCasesHint: String
    let queueHint: String
    let noNationalNumber: String
    let noOtherService: String
    /// "FPS BOSA"; other desks are named by their organisation's code.
    let bosaDesk: String
    let otherDesk: @Sendable (String) -> String
    let goesToDesk: @Sendable (String) -> String

    // Asking.
    let askTitle: String
    let chooseTopic: String
    let topics: TopicWords
    let topicHints: TopicWords
    let fields: FieldWords
    let choices: ChoiceWords
    let subjectLabel: String
    let questionLabel: String
    let questionHint: String
    let attachmentsLabel: String
    let attachmentsHint: String
    let optional: String
    let choose: String
    let sendQuestion: String
    let fixErrors: String
    let errorSubject: String
    let errorBody: String
    let errorField: String
    let errorDates: String
    let chooseFilesAgain: String
    let uploads: UploadWords

    // Following.
    let myCasesTitle: String
    let openCases: String
    let closedCases: String
    let noOpenCases: String
    let noClosedCases: String
    let lastActivity: String
    let statuses: StatusWords
    let referenceLabel: String
    let topicLabel: String
    let statusLabel: String
    let askedOnLabel: String
    let dueLabel: String
    let closedOnLabel: String
    let requesterLabel: String
    let assigneeLabel: String
    let nobody: String
    let overdue: String
    let threadTitle: String
    let employeeLabel: String
    let deskLabel: String
    let internalNote: String
    let documentInEBox: String
    let sizeInKB: @Sendable (String) -> String
    let askedNotice: @Sendable (String) -> String
    let repliedNotice: String
    let continuedNotice: @Sendable (String) -> String
    let ratedNotice: String
    let continuesCase: String
    let replyTitle: String
    let newCaseFromReplyTitle: String
    let replyReopens: String
    let replyStartsNewCase: String
    let replyLabel: String
    let sendReply: String

    // Rating.
    let rateAction: String
    let rateTitle: String
    let rateQuestion: @Sendable (String) -> String
    let scoreLegend: String
    /// 1 (very dissatisfied) … 5 (very satisfied).
    let scores: [String]
    let commentLabel: String
    let sendRating: String
    let errorScore: String
    let yourRating: @Sendable (Int) -> String

    // The queue.
    let queueTitle: String
    let notAHandler: String
    let desksLabel: String
    let viewsLabel: String
    let views: ViewWords
    let overdueCount: @Sendable (Int) -> String
    let noCases: String
    let allTopics: String
    let searchLabel: String
    let applyFilters: String
    let previousPage: String
    let nextPage: String
    let page: @Sendable (Int) -> String
    let satisfactionTitle: String
    let average: @Sendable (String, Int) -> String
    let noRatings: String
    let dutiesTitle: String
    let dutiesHint: String
    let onDutyLabel: String
    let myTopicsLegend: String
    let saveDuties: String

    // Handling a case.
    let assignToMe: String
    let assignAction: String
    let changeStatus: String
    let answerTitle: String
    let templateLabel: @Sendable (String) -> String
    let useTemplate: String
    let answerLabel: String
    let answerHint: String
    let eBoxDocumentLabel: String
    let eBoxDocumentHint: String
    let afterAnswerLabel: String
    let sendAnswer: String
    let eBoxUnavailable: String
    let noteTitle: String
    let noteLabel: String
    let noteHint: String
    let addNote: String
    let historyTitle: String
    let events: EventWords
    let notices: HandlingWords
    let eBoxSubject: @Sendable (String) -> String

    // Saved answers.
    let templatesTitle: String
    let noTemplates: String
    let showTexts: String
    let deleteTemplate: String
    let newTemplate: String
    let templateTitleLabel: String
    let templateBodyLabel: @Sendable (String) -> String
    let saveTemplate: String

    let mail: MailTexts

    struct TopicWords: Sendable {
        let pay: String
        let pecuniaryCareer: String
        let personalData: String
        let absences: String
    }

    struct FieldWords: Sendable {
        let month: String
        let since: String
        let data: String
        let from: String
        let to: String
    }

    struct ChoiceWords: Sendable {
        let address: String
        let bankAccount: String
        let family: String
        let other: String
    }

    struct StatusWords: Sendable {
        let new: String
        let inProgress: String
        let waiting: String
        let answered: String
        let closed: String
    }

    struct ViewWords: Sendable {
        let mine: String
        let unassigned: String
        let open: String
        let closed: String
    }

    struct UploadWords: Sendable {
        let tooMany: String
        let tooLarge: @Sendable (String) -> String
        let tooLargeInTotal: String
        let notAllowed: @Sendable (String) -> String
        let refused: String
    }

    struct EventWords: Sendable {
        let created: @Sendable (String) -> String
        let assigned: @Sendable (String) -> String
        let unassigned: String
        let status: @Sendable (String) -> String
        let replied: String
        let answered: String
        let noted: String
        let document: String
        let rated: @Sendable (String) -> String
        let continued: @Sendable (String) -> String
    }

    struct HandlingWords: Sendable {
        let answered: String
        let answeredIntoEBox: String
        let answeredAsDownload: String
        let noted: String
        let assigned: String
        let statusChanged: String
    }

    struct MailTexts: Sendable {
        let greeting: @Sendable (String) -> String
        let summarySubject: @Sendable (String) -> String
        let summaryIntro: String
        let referenceLine: @Sendable (String) -> String
        let topicLine: @Sendable (String) -> String
        let askedLine: @Sendable (String) -> String
        let attachmentsLine: @Sendable (Int) -> String
        let dueLine: @Sendable (String) -> String
        let followLink: String
        let answeredSubject: @Sendable (String) -> String
        let answeredIntro: @Sendable (String) -> String
        let readLink: String
        let closedSubject: @Sendable (String) -> String
        let closedIntro: @Sendable (String) -> String
        let rateLink: String
        let reopenRule: String
        let mayLogIn: String
        let noContent: String
    }

    static func texts(for language: Language) -> ContactTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }
}

extension ContactTexts {
    func choiceSentence(_ employer: Employer) -> String {
        switch employer {
        case .bosa: youWorkForBOSA
        case .other: youWorkForOtherService
        }
    }

    func deskName(_ desk: String) -> String {
        desk == Employer.bosaDesk ? bosaDesk : otherDesk(desk.uppercased())
    }

    func topicName(_ topic: Topic) -> String { topics.word(topic) }
    func topicHint(_ topic: Topic) -> String { topicHints.word(topic) }

    func fieldLabel(_ name: String) -> String {
        switch name {
        case "month": fields.month
        case "since": fields.since
        case "data": fields.data
        case "from": fields.from
        default: fields.to
        }
    }

    func fieldError(_ name: String) -> String { name == "to" ? errorDates : errorField }

    func choiceName(_ value: String) -> String {
        switch value {
        case "address": choices.address
        case "bank_account": choices.bankAccount
        case "family": choices.family
        default: choices.other
        }
    }

    /// A topic field's value as the page shows it: dates day first, choices in words.
    func fieldValue(_ field: TopicField, _ value: String) -> String {
        switch field.kind {
        case .choice: return choiceName(value)
        case .date:
            guard let day = DateField.day(value) else { return value }
            return String(format: "%02d/%02d/%04d", day.day, day.month, day.year)
        case .month:
            let parts = value.split(separator: "-")
            return parts.count == 2 ? "\(parts[1])/\(parts[0])" : value
        }
    }

    func statusName(_ status: CaseStatus) -> String {
        switch status {
        case .new: statuses.new
        case .inProgress: statuses.inProgress
        case .waiting: statuses.waiting
        case .answered: statuses.answered
        case .closed: statuses.closed
        }
    }

    func viewName(_ view: Queue.View) -> String {
        switch view {
        case .mine: views.mine
        case .unassigned: views.unassigned
        case .open: views.open
        case .closed: views.closed
        }
    }

    func scoreName(_ score: Int) -> String { scores[min(max(score, 1), 5) - 1] }

    func size(_ bytes: Int) -> String { sizeInKB(String(max(1, (bytes + 1023) / 1024))) }

    func average(_ value: Double, count: Int) -> String { average(String(format: "%.1f", value), count) }

    func uploadProblem(_ problem: UploadedForm.Problem) -> String {
        switch problem {
        case .tooManyFiles: uploads.tooMany
        case .fileTooLarge(let name): uploads.tooLarge(name)
        case .tooLargeInTotal: uploads.tooLargeInTotal
        case .notAllowed(let name): uploads.notAllowed(name)
        case .malformed, .forgery: uploads.refused
        }
    }

    func eventText(_ event: CaseEvent) -> String {
        switch event.kind {
        case .created: events.created(Topic(rawValue: event.detail).map(topicName) ?? event.detail)
        case .assigned: event.detail.isEmpty ? events.unassigned : events.assigned(event.detail)
        case .statusChanged: events.status(CaseStatus(rawValue: event.detail).map(statusName) ?? event.detail)
        case .replied: events.replied
        case .answered: events.answered
        case .noted: events.noted
        case .documentSent: events.document
        case .rated: events.rated(event.detail)
        case .continued: events.continued(event.detail)
        }
    }

    func handlingNotice(_ notice: HandlingPage.Notice) -> String {
        switch notice {
        case .answered: notices.answered
        case .answeredIntoEBox: notices.answeredIntoEBox
        case .answeredAsDownload: notices.answeredAsDownload
        case .noted: notices.noted
        case .assigned: notices.assigned
        case .statusChanged: notices.statusChanged
        }
    }
}

extension ContactTexts.TopicWords {
    func word(_ topic: Topic) -> String {
        switch topic {
        case .pay: pay
        case .pecuniaryCareer: pecuniaryCareer
        case .personalData: personalData
        case .absences: absences
        }
    }
}
