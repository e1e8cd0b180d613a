import PersoCore

/// The words of pay slips, career interruption, the personnel file, telework and the HR officers' area; one value per
/// language, checked complete by the compiler.
struct HRTexts: Sendable {
    // Pay slips: the person's list.
    let payslipsTitle: String
    let payslipsLead: String
    let noPayslips: String
    let periodColumn: String
    let kindColumn: String
    let grossColumn: String
    let netColumn: String
    let whereColumn: String
    let kindName: @Sendable (PaySlip.Kind) -> String
    let inEBox: String
    let waitingForEBox: String
    let beingPublished: String
    let activateEBox: String

    // Pay slips: the document.
    let payslipTitle: @Sendable (String, String) -> String
    let payslipPeriod: String
    let payslipPerson: String
    let payslipNationalNumber: String
    let payslipOrganisation: String
    let payslipService: String
    let payslipGross: String
    let payslipNet: String
    let payslipNote: String
    let payslipSubject: @Sendable (String, String) -> String

    // Pay slips: publishing (HR officers).
    let publishTitle: String
    let publishLead: String
    let organisationLabel: String
    let periodLabel: String
    let periodHint: String
    let csvLabel: String
    let csvHint: String
    let publishButton: String
    let csvMissing: String
    let csvUnreadable: String
    let periodUnreadable: String
    let lineProblem: @Sendable (Int, String) -> String
    let problemColumns: String
    let problemNationalNumber: String
    let problemKind: String
    let problemAmount: String
    let problemTwice: String
    let problemNotInRegister: String
    let problemAlreadyPublished: String
    let problemTooMany: String
    let nothingPublished: String
    let runTitle: @Sendable (String) -> String
    let runProgress: @Sendable (Int, Int) -> String
    let runFinished: String
    let runPublished: @Sendable (Int) -> String
    let runWaiting: @Sendable (Int) -> String
    let noEBoxTitle: String
    let noEBoxLead: String
    let previousRuns: String
    let startedBy: @Sendable (String, String) -> String

    // Career interruption.
    let interruptionTitle: String
    let interruptionLead: String
    let interruptionKindLabel: String
    let interruptionKindName: @Sendable (CareerInterruption.Kind) -> String
    let interruptionRegimeLabel: String
    let interruptionRegimeName: @Sendable (CareerInterruption.Regime) -> String
    let applyButton: String
    let applied: String
    let myInterruptions: String
    let noInterruptions: String
    let interruptionStatusName: @Sendable (CareerInterruption.Status) -> String
    let deliveryName: @Sendable (CareerInterruption.Delivery) -> String
    let eBoxNeeded: String
    let interruptionProblemDays: String
    let interruptionProblemStart: String
    let interruptionProblemLength: String

    // Career interruption: the decision (HR officers) and its document.
    let hrTitle: String
    let hrLead: String
    let hrInterruptionsTitle: String
    let hrNoneWaiting: String
    let decideTitle: String
    let approveInterruption: String
    let refuseInterruption: String
    let decisionReasonLabel: String
    let decisionReasonHint: String
    let reasonNeeded: String
    let decisionRecorded: @Sendable (CareerInterruption.Delivery) -> String
    let decisionDocumentTitle: String
    let decisionApproved: @Sendable (String, String, String, String) -> String
    let decisionRefused: @Sendable (String, String) -> String
    let decisionReasonLine: @Sendable (String) -> String
    let decisionAllowance: String
    let decisionSignature: @Sendable (String, String) -> String
    let decisionSubject: String
    let decisionMailSubject: String
    let decisionMailInEBox: String
    let decisionMailActivate: String

    // The personnel file.
    let fileTitle: String
    let fileLead: String
    let identityTitle: String
    let nameLabel: String
    let nationalNumberLabel: String
    let birthDateLabel: String
    let emailLabel: String
    let languageLabel: String
    let careerTitle: String
    let serviceLabel: String
    let gradeLabel: String
    let entryDateLabel: String
    let managerLabel: String
    let regimeTitle: String
    let regimeShare: @Sendable (String) -> String
    let weekdayName: @Sendable (Int) -> String
    let trainingTitle: String
    let noTraining: String
    let trainingColumn: String
    let dateColumn: String
    let hoursColumn: String
    let documentsTitle: String
    let noDocuments: String
    let staffTitle: String
    let staffLead: String
    let notInRegisterFile: String
    let notHROfficer: String

    // Telework.
    let teleworkTitle: String
    let teleworkLead: @Sendable (Int, Bool) -> String
    let patternLegend: String
    let savePattern: String
    let patternOverCap: @Sendable (Int) -> String
    let patternSaved: @Sendable (Bool) -> String
    let patternStatus: @Sendable (TeleworkPattern.Status) -> String
    let occasionalLegend: String
    let occasionalDay: String
    let occasionalAdd: String
    let occasionalRemove: String
    let occasionalSave: String
    let occasionalProblem: String
    let occasionalSaved: String
    let occasionalList: String
    let teleworkApprovalTitle: String
    let teleworkDecided: String
    let approvePattern: String
    let refusePattern: String

    static func texts(for language: Language) -> HRTexts {
        switch language {
        case .en: english
        case .fr: french
        case .nl: dutch
        case .de: german
        }
    }
}
