import PersoCore

extension AbsenceTexts {
    static let english = AbsenceTexts(
        absencesTitle: "Leave and absences",
        absencesLead: "Your balances, a new request, and what became of your requests.",
        teamTitle: "My team",
        teamLead: "Who is away when, and the requests waiting for your decision. Reasons for absence are never shown here.",
        sickTitle: "Report sick leave",
        sickLead: "Tell us the days you are ill and add your medical certificate. Nobody but you and the medical control service sees the certificate; your manager and colleagues only see that you are absent.",
        requestTitle: "Request to decide",
        absenceTitle: "Absence",
        typeName: { type in
            switch type {
            case .annual: "Annual leave"
            case .compensatory: "Compensatory leave"
            case .marriage: "Circumstance leave: marriage or legal cohabitation"
            case .birth: "Circumstance leave: birth of a child"
            case .deathClose: "Circumstance leave: death of a spouse, partner, child or parent"
            case .deathRelative: "Circumstance leave: death of a grandparent, grandchild, brother or sister"
            case .exceptional: "Leave for compelling family reasons"
            case .sick: "Sick leave"
            }
        },
        statusName: { status in
            switch status {
            case .requested: "Waiting for approval"
            case .approved: "Approved"
            case .refused: "Refused"
            case .withdrawn: "Withdrawn"
            case .cancellationRequested: "Cancellation asked"
            case .cancelled: "Cancelled"
            case .recorded: "Registered"
            }
        },
        partName: { part in
            switch part {
            case .full: "Whole days"
            case .morning: "Morning"
            case .afternoon: "Afternoon"
            case .hours: "Hours"
            }
        },
        balancesTitle: "My balances",
        balanceYear: { "Year \($0)" },
        balanceType: "Leave",
        entitled: "Entitled",
        taken: "Taken",
        planned: "Planned",
        left: "Left",
        perEvent: { "\($0) working days per event" },
        hoursNote: "In hours and minutes of your working regime.",
        carriedOver: { amount, deadline in "Including \(amount) carried over from last year, to be taken by \(deadline)." },
        lapsed: { "\($0) carried over from last year was not taken in time and has lapsed." },
        requestLegend: "Ask for leave",
        typeLabel: "Kind of leave",
        fromLabel: "From",
        toLabel: "To (included)",
        toHint: "Leave empty for one day. Half days and hours are asked one day at a time.",
        partLabel: "How much of the day",
        startLabel: "From (time)",
        endLabel: "Until (time)",
        requestButton: "Send the request",
        notInRegister: "You are not in the HR register of your organisation yet, so PersoSelfService cannot count your leave. Please contact your HR service.",
        fixErrors: "The request was not sent. Please correct what is marked below.",
        unreadableDay: "Give the days as dates.",
        endBeforeStart: "The last day comes before the first.",
        tooFar: "Leave can be asked at most a year ahead.",
        severalDaysForPart: "Half days and hours are asked for one day at a time: leave the last day empty.",
        weekend: { "\($0) is a weekend day: start and end your leave on working days." },
        holiday: { day, name in "\(day) is a public holiday (\(name)): you do not need leave for it." },
        freeDay: { "\($0) is not a working day in your regime." },
        badHours: "Give a start and an end time (for example 13:00 and 16:30), the end after the start, no longer than your working day.",
        inThePast: "Leave is asked before it starts. For a day already past, contact your manager.",
        acrossYears: "Balances are yearly: ask the days of each year in a separate request.",
        overBalance: { "Not enough left for this request: \($0) is left for these days." },
        overlaps: { "You are already absent or have asked leave on \($0)." },
        holidayName: { holiday in
            switch holiday {
            case .newYear: "New Year's Day"
            case .secondOfJanuary: "2 January"
            case .easterMonday: "Easter Monday"
            case .labourDay: "Labour Day"
            case .ascension: "Ascension Day"
            case .whitMonday: "Whit Monday"
            case .nationalDay: "Belgian National Day"
            case .assumption: "Assumption"
            case .allSaints: "All Saints' Day"
            case .armistice: "Armistice Day"
            case .kingsFeast: "King's Feast"
            case .christmas: "Christmas"
            case .boxingDay: "26 December"
            }
        },
        myAbsencesTitle: "My requests and absences",
        noAbsences: "No absences yet.",
        whenColumn: "When",
        typeColumn: "Kind",
        lengthColumn: "Hours",
        statusColumn: "Status",
        actionsColumn: "Actions",
        withdraw: "Withdraw",
        askCancellation: "Ask to cancel",
        details: "Details",
        requested: "Your request was sent to your manager. You will receive an e-mail when it is decided.",
        withdrawn: "Your request was withdrawn.",
        cancellationAsked: "Your manager was asked to cancel this leave. It stays planned until they agree.",
        sickRecorded: "Your sick leave is registered. Your manager was told you are absent, without the reason.",
        notPossibleAnyMore: "This is no longer possible: the request has changed meanwhile.",
        sickLink: "Report sick leave",
        certificateLabel: "Medical certificate",
        certificateHint: "PDF, JPEG or PNG, at most 10 MB.",
        sickButton: "Register my sick leave",
        certificateMissing: "Add your medical certificate.",
        certificateRefused: "The certificate could not be taken: send a PDF, JPEG or PNG file of at most 10 MB.",
        sickPrivacy: "Only you see the certificate here.",
        certificateLink: "My certificate",
        historyTitle: "History",
        historyLine: { action, actor, capacity, onBehalfOf in
            let who = capacity == .substitute ? "\(actor), substitute of \(onBehalfOf ?? "the manager")" : actor
            return switch action {
            case .requested: "Asked by \(who)"
            case .approved: capacity == .register ? "Approved: no manager in the HR register" : "Approved by \(who)"
            case .refused: "Refused by \(who)"
            case .withdrawn: "Withdrawn by \(who)"
            case .cancellationRequested: "Cancellation asked by \(who)"
            case .cancelled: capacity == .register ? "Cancelled" : "Cancelled with the agreement of \(who)"
            case .cancellationRefused: "Cancellation refused by \(who): the leave stays"
            case .recorded: "Registered by \(who)"
            }
        },
        reasonLabel: "Reason",
        waitingTitle: "Waiting for your decision",
        noneWaiting: "No request is waiting for you.",
        personColumn: "Person",
        open: "Open",
        approve: "Approve",
        refuse: "Refuse",
        agreeCancellation: "Agree to cancel",
        keepLeave: "Keep the leave",
        refusalReasonLabel: "Reason (needed to refuse)",
        refusalReasonHint: "The person reads it in the e-mail and in the request's history.",
        reasonMissing: "Say why you refuse: the person will read it.",
        decided: "Your decision is recorded and the person has been told by e-mail.",
        alreadyDecided: "This request was already decided or withdrawn: nothing was changed.",
        notYours: "You may not decide on this request: you are not this person's manager, nor standing in for them today.",
        asksCancellation: "Asks to cancel leave already approved.",
        balanceAfter: { "Left after this request: \($0)" },
        calendarTitle: { "Who is away in \($0)" },
        previousMonth: "Previous month",
        nextMonth: "Next month",
        away: "Absent",
        awayHalf: "Absent part of the day",
        teleworking: "Telework",
        asked: "Asked",
        legend: "Absent: on leave or otherwise away (no reason is given). Asked: a request not yet decided. Telework (⌂): working from home that day.",
        noTeam: "Nobody in the HR register has you as manager.",
        standingIn: { "You stand in for \($0) today: their team's requests are listed too." },
        substitutesTitle: "My absence and my substitute",
        substitutesLead: "While you are away, the person you name here decides on your team's requests in your place. Each decision says it was taken as your substitute.",
        awayFrom: "Away from",
        awayTo: "Away until (included)",
        substituteLabel: "Substitute",
        saveSubstitute: "Name my substitute",
        substituteSaved: "Your substitute is named for those days.",
        substituteRemoved: "The substitution was removed.",
        removeSubstitute: "Remove",
        substitutionLine: { name, first, last in "\(name) stands in for you from \(first) to \(last)." },
        substituteProblem: "Choose a substitute and give the days as dates, the last not before the first nor in the past.",
        mailGreeting: { "Hello \($0)," },
        mailRequestedSubject: { "Leave request from \($0) – PersoSelfService" },
        mailRequested: { person, type, when in "\(person) asks for \(type.lowercased()): \(when)." },
        mailDecide: "Approve or refuse it in PersoSelfService:",
        mailApprovedSubject: "Your leave is approved – PersoSelfService",
        mailRefusedSubject: "Your leave request is refused – PersoSelfService",
        mailDecided: { approved, type, when in approved ? "Your request for \(type.lowercased()) (\(when)) is approved." : "Your request for \(type.lowercased()) (\(when)) is refused." },
        mailBySubstitute: { "Decided by \($0) as substitute of your manager." },
        mailReason: { "Reason: \($0)" },
        mailCancellationAskedSubject: { "\($0) asks to cancel approved leave – PersoSelfService" },
        mailCancellationAsked: { person, when in "\(person) asks to cancel approved leave: \(when)." },
        mailCancellationDecidedSubject: { $0 ? "Your leave is cancelled – PersoSelfService" : "Your leave stays – PersoSelfService" },
        mailCancellationDecided: { agreed, type, when in agreed ? "Your \(type.lowercased()) (\(when)) is cancelled, as you asked." : "Your manager kept your \(type.lowercased()) (\(when)): it is not cancelled." },
        mailAbsentSubject: { "\($0) is absent – PersoSelfService" },
        mailAbsent: { person, when in "\(person) is absent: \(when)." },
        mailSee: "See it in PersoSelfService:",
        mailSignature: "PersoSelfService"
    )
}
