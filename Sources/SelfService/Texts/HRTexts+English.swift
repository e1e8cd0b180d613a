import PersoCore

extension HRTexts {
    static let english = HRTexts(
        payslipsTitle: "My pay slips",
        payslipsLead: "Your pay slips are delivered into your eBox, where you can open, download and keep them. Here is the list.",
        noPayslips: "No pay slip has been published for you yet.",
        periodColumn: "Month",
        kindColumn: "Kind",
        grossColumn: "Gross",
        netColumn: "Net",
        whereColumn: "Where",
        kindName: { kind in
            switch kind {
            case .salary: "Salary"
            case .recalculation: "Recalculation"
            case .holidayPay: "Holiday pay"
            case .yearEndBonus: "End-of-year bonus"
            case .competenceBonus: "Competence bonus"
            }
        },
        inEBox: "In your eBox",
        waitingForEBox: "Waiting: activate your eBox to receive it",
        beingPublished: "Being published",
        activateEBox: "Activate my eBox",
        payslipTitle: { kind, month in "\(kind) – \(month)" },
        payslipPeriod: "Period",
        payslipPerson: "Staff member",
        payslipNationalNumber: "National register number",
        payslipOrganisation: "Employer",
        payslipService: "Service",
        payslipGross: "Gross amount",
        payslipNet: "Net amount paid",
        payslipNote: "This document summarises the amounts the payroll service paid into your account. Keep it: it may be asked for by other administrations.",
        payslipSubject: { kind, month in "Pay slip: \(kind), \(month)" },
        publishTitle: "Publish a month's pay slips",
        publishLead: "Upload the payroll system's export (CSV: national_number;kind;gross;net, one line per pay slip). Every line is checked first; nothing is published unless the whole file is right. Each pay slip is then made as a PDF in the person's language and delivered into their eBox.",
        organisationLabel: "Organisation",
        periodLabel: "Month",
        periodHint: "As 2026-11.",
        csvLabel: "Payroll export (CSV)",
        csvHint: "UTF-8, separated by semicolons or commas, at most 20,000 lines. Kinds: salary, recalculation, holiday_pay, year_end_bonus, competence_bonus. Amounts in euros, such as 3456.78 or 3456,78.",
        publishButton: "Check and publish",
        csvMissing: "Choose the CSV file to publish.",
        csvUnreadable: "The file could not be read as CSV text (UTF-8): nothing was published.",
        periodUnreadable: "Give the month as 2026-11.",
        lineProblem: { line, problem in "Line \(line): \(problem)" },
        problemColumns: "expected 4 columns: national_number;kind;gross;net",
        problemNationalNumber: "not a valid national register number",
        problemKind: "unknown kind",
        problemAmount: "amounts must be euros with at most 2 decimals, the net not above the gross",
        problemTwice: "the same person and kind appear twice in the file",
        problemNotInRegister: "this person is not in your organisation's HR register",
        problemAlreadyPublished: "a pay slip of this kind was already published for this person and month",
        problemTooMany: "more than 20,000 lines",
        nothingPublished: "Nothing was published. Correct the file and upload it again.",
        runTitle: { "Pay slips of \($0)" },
        runProgress: { done, total in "\(done) of \(total) handled" },
        runFinished: "Finished.",
        runPublished: { "\($0) delivered into an eBox" },
        runWaiting: { "\($0) waiting: the person has no eBox yet" },
        noEBoxTitle: "People without an eBox",
        noEBoxLead: "Their pay slip waits and is delivered as soon as they activate their eBox. Ask them to do so.",
        previousRuns: "Earlier publications",
        startedBy: { name, when in "by \(name), \(when)" },
        interruptionTitle: "Career interruption",
        interruptionLead: "Apply for a career interruption (full time, half time or one fifth). HR decides; the decision is delivered into your eBox as a registered document.",
        interruptionKindLabel: "Kind of interruption",
        interruptionKindName: { kind in
            switch kind {
            case .parental: "Parental leave"
            case .medicalAssistance: "Medical assistance to a relative"
            case .palliative: "Palliative care"
            case .general: "Career interruption without a particular reason"
            }
        },
        interruptionRegimeLabel: "Share of working time interrupted",
        interruptionRegimeName: { regime in
            switch regime {
            case .full: "Full time"
            case .half: "Half time"
            case .fifth: "One fifth"
            }
        },
        applyButton: "Apply",
        applied: "Your application was sent to HR. You will be told by e-mail when the decision is in your eBox.",
        myInterruptions: "My applications",
        noInterruptions: "No application yet.",
        interruptionStatusName: { status in
            switch status {
            case .requested: "Waiting for HR's decision"
            case .approved: "Approved"
            case .refused: "Refused"
            }
        },
        deliveryName: { delivery in
            switch delivery {
            case .none: ""
            case .pending: "The decision is being delivered into your eBox"
            case .delivered: "The decision is in your eBox"
            case .waitingForEBox: "The decision waits for you: activate your eBox to receive it"
            }
        },
        eBoxNeeded: "The decision is delivered into your eBox only. Activate your eBox now so that it reaches you.",
        interruptionProblemDays: "Give the first and last day as dates, the last after the first.",
        interruptionProblemStart: "An interruption starts at the earliest in a month, on the first of a month.",
        interruptionProblemLength: "An interruption lasts at least one month and at most 60 months per application.",
        hrTitle: "HR management",
        hrLead: "Decide on career interruptions and publish pay slips for the organisations you are HR officer of.",
        hrInterruptionsTitle: "Career interruptions waiting for a decision",
        hrNoneWaiting: "No application is waiting.",
        decideTitle: "Decide on a career interruption",
        approveInterruption: "Approve",
        refuseInterruption: "Refuse",
        decisionReasonLabel: "Reason (needed to refuse)",
        decisionReasonHint: "It is written in the decision the person receives.",
        reasonNeeded: "Say why you refuse: it is written in the decision.",
        decisionRecorded: { delivery in
            switch delivery {
            case .delivered: "The decision is recorded and delivered into the person's eBox."
            case .waitingForEBox: "The decision is recorded. The person has no eBox yet: the document waits and they were asked by e-mail to activate it."
            case .pending, .none: "The decision is recorded; the document will be delivered into the person's eBox shortly."
            }
        },
        decisionDocumentTitle: "Decision on a career interruption",
        decisionApproved: { name, kind, regime, period in "The application of \(name) for \(kind.lowercased()) (\(regime.lowercased())) is approved for the period \(period)." },
        decisionRefused: { name, kind in "The application of \(name) for \(kind.lowercased()) is refused." },
        decisionReasonLine: { "Reason: \($0)" },
        decisionAllowance: "To receive the interruption allowance, send this decision with your application to the National Employment Office (ONEM/RVA) within two months.",
        decisionSignature: { place, day in "\(place), \(day) – the HR service" },
        decisionSubject: "Decision on your career interruption",
        decisionMailSubject: "Decision on your career interruption – PersoSelfService",
        decisionMailInEBox: "HR has decided on your application for a career interruption. The decision is in your eBox, as a registered document:",
        decisionMailActivate: "HR has decided on your application for a career interruption. The decision is delivered into your eBox only, and you have not activated one yet. Activate it here; the decision will then reach you:",
        fileTitle: "My personnel file",
        fileLead: "What the HR register holds about you. To correct it, contact your HR service.",
        identityTitle: "Identity",
        nameLabel: "Name",
        nationalNumberLabel: "National register number",
        birthDateLabel: "Date of birth",
        emailLabel: "Work e-mail",
        languageLabel: "Language",
        careerTitle: "Career",
        serviceLabel: "Service",
        gradeLabel: "Grade",
        entryDateLabel: "In service since",
        managerLabel: "Manager",
        regimeTitle: "Working regime",
        regimeShare: { "Share of full time: \($0)" },
        weekdayName: { ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][$0] },
        trainingTitle: "Training",
        noTraining: "No training recorded.",
        trainingColumn: "Training",
        dateColumn: "Date",
        hoursColumn: "Hours",
        documentsTitle: "Documents",
        noDocuments: "No document yet.",
        staffTitle: "Personnel files",
        staffLead: "The staff of the organisations you are HR officer of.",
        notInRegisterFile: "You are not in the HR register of your organisation yet. Please contact your HR service.",
        notHROfficer: "This page is for HR officers only.",
        teleworkTitle: "Telework",
        teleworkLead: { cap, approval in "Your organisation allows up to \(cap) days of telework a week" + (approval ? "; your manager approves your weekly pattern and extra days." : ".") },
        patternLegend: "My usual telework days",
        savePattern: "Save my pattern",
        patternOverCap: { "At most \($0) days a week." },
        patternSaved: { $0 ? "Your pattern was sent to your manager for approval." : "Your pattern is saved." },
        patternStatus: { status in
            switch status {
            case .approved: "In force"
            case .requested: "Waiting for your manager's approval"
            case .refused: "Refused by your manager"
            }
        },
        occasionalLegend: "A day other than usual",
        occasionalDay: "Day",
        occasionalAdd: "Telework that day",
        occasionalRemove: "Work at the office that day",
        occasionalSave: "Save this day",
        occasionalProblem: "Choose a working day to come, and for an extra day stay within the week's maximum.",
        occasionalSaved: "The day is saved.",
        occasionalList: "Days other than usual",
        teleworkApprovalTitle: "Telework waiting for your approval",
        teleworkDecided: "Your decision on the telework pattern is recorded; the person sees it on their telework page.",
        approvePattern: "Approve",
        refusePattern: "Refuse"
    )
}
