import PersoCore

/// The words of absences, the team view and their e-mails; one value per language, checked complete by the compiler.
struct AbsenceTexts: Sendable {
    // Navigation and titles.
    let absencesTitle: String
    let absencesLead: String
    let teamTitle: String
    let teamLead: String
    let sickTitle: String
    let sickLead: String
    let requestTitle: String
    let absenceTitle: String

    // Leave types, statuses, parts of a day.
    let typeName: @Sendable (LeaveType) -> String
    let statusName: @Sendable (Absence.Status) -> String
    let partName: @Sendable (Absence.Part) -> String

    // The balances.
    let balancesTitle: String
    let balanceYear: @Sendable (Int) -> String
    let balanceType: String
    let entitled: String
    let taken: String
    let planned: String
    let left: String
    let perEvent: @Sendable (Int) -> String
    /// Hours written h:mm, and what that is in working days of the person's regime.
    let hoursNote: String
    let carriedOver: @Sendable (String, String) -> String
    let lapsed: @Sendable (String) -> String

    // The request form.
    let requestLegend: String
    let typeLabel: String
    let fromLabel: String
    let toLabel: String
    let toHint: String
    let partLabel: String
    let startLabel: String
    let endLabel: String
    let requestButton: String
    let notInRegister: String

    // Problems, beside the form.
    let fixErrors: String
    let unreadableDay: String
    let endBeforeStart: String
    let tooFar: String
    let severalDaysForPart: String
    let weekend: @Sendable (String) -> String
    let holiday: @Sendable (String, String) -> String
    let freeDay: @Sendable (String) -> String
    let badHours: String
    let inThePast: String
    let acrossYears: String
    let overBalance: @Sendable (String) -> String
    let overlaps: @Sendable (String) -> String
    let holidayName: @Sendable (FederalCalendar.Holiday) -> String

    // The person's list.
    let myAbsencesTitle: String
    let noAbsences: String
    let whenColumn: String
    let typeColumn: String
    let lengthColumn: String
    let statusColumn: String
    let actionsColumn: String
    let withdraw: String
    let askCancellation: String
    let details: String
    let requested: String
    let withdrawn: String
    let cancellationAsked: String
    let sickRecorded: String
    let notPossibleAnyMore: String

    // Sick leave.
    let sickLink: String
    let certificateLabel: String
    let certificateHint: String
    let sickButton: String
    let certificateMissing: String
    let certificateRefused: String
    let sickPrivacy: String
    let certificateLink: String

    // The history of one absence.
    let historyTitle: String
    let historyLine: @Sendable (AbsenceEvent.Action, String, AbsenceEvent.Capacity, String?) -> String
    let reasonLabel: String

    // The manager's side.
    let waitingTitle: String
    let noneWaiting: String
    let personColumn: String
    let open: String
    let approve: String
    let refuse: String
    let agreeCancellation: String
    let keepLeave: String
    let refusalReasonLabel: String
    let refusalReasonHint: String
    let reasonMissing: String
    let decided: String
    let alreadyDecided: String
    let notYours: String
    let asksCancellation: String
    let balanceAfter: @Sendable (String) -> String
    let calendarTitle: @Sendable (String) -> String
    let previousMonth: String
    let nextMonth: String
    let away: String
    let awayHalf: String
    let teleworking: String
    let asked: String
    let legend: String
    let noTeam: String
    let standingIn: @Sendable (String) -> String

    // Substitutes.
    let substitutesTitle: String
    let substitutesLead: String
    let awayFrom: String
    let awayTo: String
    let substituteLabel: String
    let saveSubstitute: String
    let substituteSaved: String
    let substituteRemoved: String
    let removeSubstitute: String
    let substitutionLine: @Sendable (String, String, String) -> String
    let substituteProblem: String

    // E-mails.
    let mailGreeting: @Sendable (String) -> String
    let mailRequestedSubject: @Sendable (String) -> String
    let mailRequested: @Sendable (String, String, String) -> String
    let mailDecide: String
    let mailApprovedSubject: String
    let mailRefusedSubject: String
    let mailDecided: @Sendable (Bool, String, String) -> String
    let mailBySubstitute: @Sendable (String) -> String
    let mailReason: @Sendable (String) -> String
    let mailCancellationAskedSubject: @Sendable (String) -> String
    let mailCancellationAsked: @Sendable (String, String) -> String
    let mailCancellationDecidedSubject: @Sendable (Bool) -> String
    let mailCancellationDecided: @Sendable (Bool, String, String) -> String
    let mailAbsentSubject: @Sendable (String) -> String
    let mailAbsent: @Sendable (String, String) -> String
    let mailSee: String
    let mailSignature: String

    static func texts(for language: Language) -> AbsenceTexts {
        switch language {
        case .en: english
        case .fr: french
        case .nl: dutch
        case .de: german
        }
    }
}
