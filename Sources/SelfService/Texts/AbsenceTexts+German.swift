import PersoCore

extension AbsenceTexts {
    static let german = AbsenceTexts(
        absencesTitle: "Urlaub und Abwesenheiten",
        absencesLead: "Ihre Salden, ein neuer Antrag und was aus Ihren Anträgen geworden ist.",
        teamTitle: "Mein Team",
        teamLead: "Wer wann abwesend ist, und die Anträge, die auf Ihre Entscheidung warten. Abwesenheitsgründe werden hier nie angezeigt.",
        sickTitle: "Krankheitsurlaub melden",
        sickLead: "Geben Sie die Tage an, an denen Sie krank sind, und fügen Sie Ihr ärztliches Attest bei. Nur Sie und der medizinische Kontrolldienst sehen das Attest; Ihr(e) Vorgesetzte(r) und Ihre Kollegen sehen nur, dass Sie abwesend sind.",
        requestTitle: "Zu entscheidender Antrag",
        absenceTitle: "Abwesenheit",
        typeName: { type in
            switch type {
            case .annual: "Jahresurlaub"
            case .compensatory: "Ausgleichsurlaub"
            case .marriage: "Umstandsurlaub: Heirat oder gesetzliches Zusammenwohnen"
            case .birth: "Umstandsurlaub: Geburt eines Kindes"
            case .deathClose: "Umstandsurlaub: Tod des Ehepartners, Partners, eines Kindes oder eines Elternteils"
            case .deathRelative: "Umstandsurlaub: Tod eines Großelternteils, Enkelkindes, Bruders oder einer Schwester"
            case .exceptional: "Urlaub aus zwingenden familiären Gründen"
            case .sick: "Krankheitsurlaub"
            }
        },
        statusName: { status in
            switch status {
            case .requested: "Wartet auf Genehmigung"
            case .approved: "Genehmigt"
            case .refused: "Abgelehnt"
            case .withdrawn: "Zurückgezogen"
            case .cancellationRequested: "Stornierung beantragt"
            case .cancelled: "Storniert"
            case .recorded: "Registriert"
            }
        },
        partName: { part in
            switch part {
            case .full: "Ganze Tage"
            case .morning: "Vormittag"
            case .afternoon: "Nachmittag"
            case .hours: "Stunden"
            }
        },
        balancesTitle: "Meine Salden",
        balanceYear: { "Jahr \($0)" },
        balanceType: "Urlaub",
        entitled: "Anspruch",
        taken: "Genommen",
        planned: "Geplant",
        left: "Verbleibend",
        perEvent: { "\($0) Arbeitstage pro Ereignis" },
        hoursNote: "In Stunden und Minuten Ihrer Arbeitsregelung.",
        carriedOver: { amount, deadline in "Einschließlich \(amount) aus dem Vorjahr übertragen, zu nehmen bis spätestens \(deadline)." },
        lapsed: { "Der Übertrag aus dem Vorjahr (\($0)) wurde nicht rechtzeitig genommen und ist verfallen." },
        requestLegend: "Urlaub beantragen",
        typeLabel: "Urlaubsart",
        fromLabel: "Von",
        toLabel: "Bis (einschließlich)",
        toHint: "Für einen einzigen Tag leer lassen. Halbe Tage und Stunden werden jeweils für einen Tag beantragt.",
        partLabel: "Welcher Teil des Tages",
        startLabel: "Von (Uhrzeit)",
        endLabel: "Bis (Uhrzeit)",
        requestButton: "Antrag senden",
        notInRegister: "Sie sind noch nicht im Personalregister Ihrer Organisation erfasst, daher kann PersoSelfService Ihren Urlaub nicht berechnen. Bitte wenden Sie sich an Ihren Personaldienst.",
        fixErrors: "Der Antrag wurde nicht gesendet. Bitte korrigieren Sie die unten markierten Angaben.",
        unreadableDay: "Geben Sie die Tage als Datum an.",
        endBeforeStart: "Der letzte Tag liegt vor dem ersten.",
        tooFar: "Urlaub kann höchstens ein Jahr im Voraus beantragt werden.",
        severalDaysForPart: "Halbe Tage und Stunden werden jeweils für einen Tag beantragt: Lassen Sie den letzten Tag leer.",
        weekend: { "\($0) ist ein Wochenendtag: Beginnen und beenden Sie Ihren Urlaub an Arbeitstagen." },
        holiday: { day, name in "\(day) ist ein Feiertag (\(name)): Dafür brauchen Sie keinen Urlaub." },
        freeDay: { "\($0) ist in Ihrer Arbeitsregelung kein Arbeitstag." },
        badHours: "Geben Sie eine Anfangs- und eine Endzeit an (zum Beispiel 13:00 und 16:30), das Ende nach dem Anfang, nicht länger als Ihr Arbeitstag.",
        inThePast: "Urlaub wird beantragt, bevor er beginnt. Für einen bereits vergangenen Tag wenden Sie sich an Ihre(n) Vorgesetzte(n).",
        acrossYears: "Salden gelten pro Jahr: Beantragen Sie die Tage jedes Jahres in einem eigenen Antrag.",
        overBalance: { "Nicht genug Saldo für diesen Antrag: Für diese Tage verbleiben \($0)." },
        overlaps: { "Sie sind am \($0) bereits abwesend oder haben für diesen Tag bereits Urlaub beantragt." },
        holidayName: { holiday in
            switch holiday {
            case .newYear: "Neujahr"
            case .secondOfJanuary: "2. Januar"
            case .easterMonday: "Ostermontag"
            case .labourDay: "Tag der Arbeit"
            case .ascension: "Christi Himmelfahrt"
            case .whitMonday: "Pfingstmontag"
            case .nationalDay: "Nationalfeiertag"
            case .assumption: "Mariä Himmelfahrt"
            case .allSaints: "Allerheiligen"
            case .armistice: "Waffenstillstand"
            case .kingsFeast: "Fest des Königs"
            case .christmas: "Weihnachten"
            case .boxingDay: "26. Dezember"
            }
        },
        myAbsencesTitle: "Meine Anträge und Abwesenheiten",
        noAbsences: "Noch keine Abwesenheiten.",
        whenColumn: "Wann",
        typeColumn: "Art",
        lengthColumn: "Stunden",
        statusColumn: "Status",
        actionsColumn: "Aktionen",
        withdraw: "Zurückziehen",
        askCancellation: "Stornierung beantragen",
        details: "Details",
        requested: "Ihr Antrag wurde an Ihre(n) Vorgesetzte(n) gesendet. Sie erhalten eine E-Mail, sobald darüber entschieden ist.",
        withdrawn: "Ihr Antrag wurde zurückgezogen.",
        cancellationAsked: "Ihr(e) Vorgesetzte(r) wurde gebeten, diesen Urlaub zu stornieren. Er bleibt geplant, bis die Zustimmung vorliegt.",
        sickRecorded: "Ihr Krankheitsurlaub ist registriert. Ihr(e) Vorgesetzte(r) wurde über Ihre Abwesenheit informiert, ohne den Grund.",
        notPossibleAnyMore: "Dies ist nicht mehr möglich: Der Antrag hat sich inzwischen geändert.",
        sickLink: "Krankheitsurlaub melden",
        certificateLabel: "Ärztliches Attest",
        certificateHint: "PDF, JPEG oder PNG, höchstens 10 MB.",
        sickButton: "Meinen Krankheitsurlaub registrieren",
        certificateMissing: "Fügen Sie Ihr ärztliches Attest bei.",
        certificateRefused: "Das Attest konnte nicht angenommen werden: Senden Sie eine PDF-, JPEG- oder PNG-Datei von höchstens 10 MB.",
        sickPrivacy: "Nur Sie sehen das Attest hier.",
        certificateLink: "Mein Attest",
        historyTitle: "Verlauf",
        historyLine: { action, actor, capacity, onBehalfOf in
            let who = capacity == .substitute ? "\(actor), in Vertretung \(onBehalfOf.map { "von \($0)" } ?? "der/des Vorgesetzten")" : actor
            return switch action {
            case .requested: "Beantragt von \(who)"
            case .approved: capacity == .register ? "Genehmigt: kein(e) Vorgesetzte(r) im Personalregister" : "Genehmigt von \(who)"
            case .refused: "Abgelehnt von \(who)"
            case .withdrawn: "Zurückgezogen von \(who)"
            case .cancellationRequested: "Stornierung beantragt von \(who)"
            case .cancelled: capacity == .register ? "Storniert" : "Storniert mit Zustimmung von \(who)"
            case .cancellationRefused: "Stornierung abgelehnt von \(who): Der Urlaub bleibt bestehen"
            case .recorded: "Registriert von \(who)"
            }
        },
        reasonLabel: "Grund",
        waitingTitle: "Wartet auf Ihre Entscheidung",
        noneWaiting: "Kein Antrag wartet auf Ihre Entscheidung.",
        personColumn: "Person",
        open: "Öffnen",
        approve: "Genehmigen",
        refuse: "Ablehnen",
        agreeCancellation: "Stornierung zustimmen",
        keepLeave: "Urlaub beibehalten",
        refusalReasonLabel: "Grund (für eine Ablehnung erforderlich)",
        refusalReasonHint: "Die Person liest ihn in der E-Mail und im Verlauf des Antrags.",
        reasonMissing: "Geben Sie an, warum Sie ablehnen: Die Person wird es lesen.",
        decided: "Ihre Entscheidung ist gespeichert und die Person wurde per E-Mail informiert.",
        alreadyDecided: "Über diesen Antrag wurde bereits entschieden oder er wurde zurückgezogen: Es wurde nichts geändert.",
        notYours: "Sie dürfen über diesen Antrag nicht entscheiden: Sie sind nicht Vorgesetzte(r) dieser Person und vertreten heute auch nicht deren Vorgesetzte(n).",
        asksCancellation: "Beantragt die Stornierung von bereits genehmigtem Urlaub.",
        balanceAfter: { "Verbleibend nach diesem Antrag: \($0)" },
        calendarTitle: { "Wer ist im \($0) abwesend" },
        previousMonth: "Vorheriger Monat",
        nextMonth: "Nächster Monat",
        away: "Abwesend",
        awayHalf: "Einen Teil des Tages abwesend",
        teleworking: "Telearbeit",
        asked: "Beantragt",
        legend: "Abwesend: im Urlaub oder aus einem anderen Grund abwesend (es wird kein Grund angegeben). Beantragt: ein noch nicht entschiedener Antrag. Telearbeit (⌂): an diesem Tag Arbeit von zu Hause.",
        noTeam: "Im Personalregister hat niemand Sie als Vorgesetzte(n).",
        standingIn: { "Sie vertreten heute \($0): Die Anträge des betreffenden Teams werden ebenfalls aufgeführt." },
        substitutesTitle: "Meine Abwesenheit und meine Vertretung",
        substitutesLead: "Während Ihrer Abwesenheit entscheidet die Person, die Sie hier benennen, an Ihrer Stelle über die Anträge Ihres Teams. Bei jeder Entscheidung wird angegeben, dass sie in Ihrer Vertretung getroffen wurde.",
        awayFrom: "Abwesend vom",
        awayTo: "Abwesend bis (einschließlich)",
        substituteLabel: "Vertreter(in)",
        saveSubstitute: "Vertreter(in) benennen",
        substituteSaved: "Ihr(e) Vertreter(in) ist für diese Tage benannt.",
        substituteRemoved: "Die Vertretung wurde entfernt.",
        removeSubstitute: "Entfernen",
        substitutionLine: { name, first, last in "\(name) vertritt Sie vom \(first) bis \(last)." },
        substituteProblem: "Wählen Sie eine Vertreterin oder einen Vertreter und geben Sie die Tage als Datum an, den letzten nicht vor dem ersten und nicht in der Vergangenheit.",
        mailGreeting: { "Guten Tag \($0)," },
        mailRequestedSubject: { "Urlaubsantrag von \($0) – PersoSelfService" },
        mailRequested: { person, type, when in "\(person) beantragt \(type): \(when)." },
        mailDecide: "Sie können den Antrag in PersoSelfService genehmigen oder ablehnen:",
        mailApprovedSubject: "Ihr Urlaub wurde genehmigt – PersoSelfService",
        mailRefusedSubject: "Ihr Urlaubsantrag wurde abgelehnt – PersoSelfService",
        mailDecided: { approved, type, when in approved ? "Ihr Antrag auf \(type) (\(when)) wurde genehmigt." : "Ihr Antrag auf \(type) (\(when)) wurde abgelehnt." },
        mailBySubstitute: { "Entschieden von \($0) in Vertretung Ihrer/Ihres Vorgesetzten." },
        mailReason: { "Grund: \($0)" },
        mailCancellationAskedSubject: { "\($0) beantragt die Stornierung von genehmigtem Urlaub – PersoSelfService" },
        mailCancellationAsked: { person, when in "\(person) beantragt die Stornierung von genehmigtem Urlaub: \(when)." },
        mailCancellationDecidedSubject: { $0 ? "Ihr Urlaub wurde storniert – PersoSelfService" : "Ihr Urlaub bleibt bestehen – PersoSelfService" },
        mailCancellationDecided: { agreed, type, when in agreed ? "Ihr \(type) (\(when)) wurde wie beantragt storniert." : "Ihr(e) Vorgesetzte(r) hat Ihren \(type) (\(when)) beibehalten: Er wird nicht storniert." },
        mailAbsentSubject: { "\($0) ist abwesend – PersoSelfService" },
        mailAbsent: { person, when in "\(person) ist abwesend: \(when)." },
        mailSee: "Details in PersoSelfService:",
        mailSignature: "PersoSelfService"
    )
}
