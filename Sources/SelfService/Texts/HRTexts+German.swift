import PersoCore

extension HRTexts {
    static let german = HRTexts(
        payslipsTitle: "Meine Lohnabrechnungen",
        payslipsLead: "Ihre Lohnabrechnungen werden in Ihre eBox zugestellt, wo Sie sie öffnen, herunterladen und aufbewahren können. Hier ist die Liste.",
        noPayslips: "Für Sie wurde noch keine Lohnabrechnung veröffentlicht.",
        periodColumn: "Monat",
        kindColumn: "Art",
        grossColumn: "Brutto",
        netColumn: "Netto",
        whereColumn: "Wo",
        kindName: { kind in
            switch kind {
            case .salary: "Gehalt"
            case .recalculation: "Neuberechnung"
            case .holidayPay: "Urlaubsgeld"
            case .yearEndBonus: "Jahresendprämie"
            case .competenceBonus: "Kompetenzprämie"
            }
        },
        inEBox: "In Ihrer eBox",
        waitingForEBox: "Wartet: Aktivieren Sie Ihre eBox, um sie zu erhalten",
        beingPublished: "Wird veröffentlicht",
        activateEBox: "Meine eBox aktivieren",
        payslipTitle: { kind, month in "\(kind) – \(month)" },
        payslipPeriod: "Zeitraum",
        payslipPerson: "Personalmitglied",
        payslipNationalNumber: "Nationalregisternummer",
        payslipOrganisation: "Arbeitgeber",
        payslipService: "Dienst",
        payslipGross: "Bruttobetrag",
        payslipNet: "Ausgezahlter Nettobetrag",
        payslipNote: "Dieses Dokument fasst die Beträge zusammen, die der Gehaltsdienst auf Ihr Konto überwiesen hat. Bewahren Sie es auf: Andere Verwaltungen können es anfordern.",
        payslipSubject: { kind, month in "Lohnabrechnung: \(kind), \(month)" },
        publishTitle: "Die Lohnabrechnungen eines Monats veröffentlichen",
        publishLead: "Laden Sie den Export des Gehaltssystems hoch (CSV: national_number;kind;gross;net, eine Zeile pro Lohnabrechnung). Jede Zeile wird zuerst geprüft; es wird nichts veröffentlicht, solange nicht die ganze Datei korrekt ist. Jede Lohnabrechnung wird dann als PDF in der Sprache der Person erstellt und in ihre eBox zugestellt.",
        organisationLabel: "Organisation",
        periodLabel: "Monat",
        periodHint: "Im Format 2026-11.",
        csvLabel: "Gehaltsexport (CSV)",
        csvHint: "UTF-8, durch Semikolons oder Kommas getrennt, höchstens 20.000 Zeilen. Arten: salary, recalculation, holiday_pay, year_end_bonus, competence_bonus. Beträge in Euro, zum Beispiel 3456.78 oder 3456,78.",
        publishButton: "Prüfen und veröffentlichen",
        csvMissing: "Wählen Sie die zu veröffentlichende CSV-Datei.",
        csvUnreadable: "Die Datei konnte nicht als CSV-Text (UTF-8) gelesen werden: Es wurde nichts veröffentlicht.",
        periodUnreadable: "Geben Sie den Monat im Format 2026-11 an.",
        lineProblem: { line, problem in "Zeile \(line): \(problem)" },
        problemColumns: "4 Spalten erwartet: national_number;kind;gross;net",
        problemNationalNumber: "keine gültige Nationalregisternummer",
        problemKind: "unbekannte Art",
        problemAmount: "Beträge müssen in Euro mit höchstens 2 Nachkommastellen angegeben sein, der Nettobetrag nicht über dem Bruttobetrag",
        problemTwice: "dieselbe Person und Art kommen zweimal in der Datei vor",
        problemNotInRegister: "diese Person ist nicht im Personalregister Ihrer Organisation erfasst",
        problemAlreadyPublished: "für diese Person und diesen Monat wurde bereits eine Lohnabrechnung dieser Art veröffentlicht",
        problemTooMany: "mehr als 20.000 Zeilen",
        nothingPublished: "Es wurde nichts veröffentlicht. Korrigieren Sie die Datei und laden Sie sie erneut hoch.",
        runTitle: { "Lohnabrechnungen für \($0)" },
        runProgress: { done, total in "\(done) von \(total) verarbeitet" },
        runFinished: "Abgeschlossen.",
        runPublished: { "\($0) in eine eBox zugestellt" },
        runWaiting: { "\($0) ausstehend: Die Person hat noch keine eBox" },
        noEBoxTitle: "Personen ohne eBox",
        noEBoxLead: "Ihre Lohnabrechnung wartet und wird zugestellt, sobald sie ihre eBox aktivieren. Bitten Sie sie darum.",
        previousRuns: "Frühere Veröffentlichungen",
        startedBy: { name, when in "von \(name), \(when)" },
        interruptionTitle: "Laufbahnunterbrechung",
        interruptionLead: "Beantragen Sie eine Laufbahnunterbrechung (Vollzeit, Halbzeit oder ein Fünftel). Der Personaldienst entscheidet; die Entscheidung wird als Einschreiben in Ihre eBox zugestellt.",
        interruptionKindLabel: "Art der Unterbrechung",
        interruptionKindName: { kind in
            switch kind {
            case .parental: "Elternurlaub"
            case .medicalAssistance: "Medizinischer Beistand für einen Angehörigen"
            case .palliative: "Palliativpflege"
            case .general: "Laufbahnunterbrechung ohne besonderen Grund"
            }
        },
        interruptionRegimeLabel: "Unterbrochener Anteil der Arbeitszeit",
        interruptionRegimeName: { regime in
            switch regime {
            case .full: "Vollzeit"
            case .half: "Halbzeit"
            case .fifth: "Ein Fünftel"
            }
        },
        applyButton: "Beantragen",
        applied: "Ihr Antrag wurde an den Personaldienst gesendet. Sie erhalten eine E-Mail, sobald die Entscheidung in Ihrer eBox liegt.",
        myInterruptions: "Meine Anträge",
        noInterruptions: "Noch kein Antrag.",
        interruptionStatusName: { status in
            switch status {
            case .requested: "Wartet auf die Entscheidung des Personaldienstes"
            case .approved: "Genehmigt"
            case .refused: "Abgelehnt"
            }
        },
        deliveryName: { delivery in
            switch delivery {
            case .none: ""
            case .pending: "Die Entscheidung wird in Ihre eBox zugestellt"
            case .delivered: "Die Entscheidung liegt in Ihrer eBox"
            case .waitingForEBox: "Die Entscheidung wartet auf Sie: Aktivieren Sie Ihre eBox, um sie zu erhalten"
            }
        },
        eBoxNeeded: "Die Entscheidung wird ausschließlich in Ihre eBox zugestellt. Aktivieren Sie Ihre eBox jetzt, damit sie Sie erreicht.",
        interruptionProblemDays: "Geben Sie den ersten und den letzten Tag als Datum an, den letzten nach dem ersten.",
        interruptionProblemStart: "Eine Unterbrechung beginnt frühestens in einem Monat, am Ersten eines Monats.",
        interruptionProblemLength: "Eine Unterbrechung dauert mindestens einen Monat und höchstens 60 Monate pro Antrag.",
        hrTitle: "Personalverwaltung",
        hrLead: "Entscheiden Sie über Laufbahnunterbrechungen und veröffentlichen Sie Lohnabrechnungen für die Organisationen, für die Sie Personalsachbearbeiter(in) sind.",
        hrInterruptionsTitle: "Laufbahnunterbrechungen, die auf eine Entscheidung warten",
        hrNoneWaiting: "Kein Antrag wartet.",
        decideTitle: "Über eine Laufbahnunterbrechung entscheiden",
        approveInterruption: "Genehmigen",
        refuseInterruption: "Ablehnen",
        decisionReasonLabel: "Begründung (für eine Ablehnung erforderlich)",
        decisionReasonHint: "Sie steht in der Entscheidung, die die Person erhält.",
        reasonNeeded: "Geben Sie an, warum Sie ablehnen: Die Begründung steht in der Entscheidung.",
        decisionRecorded: { delivery in
            switch delivery {
            case .delivered: "Die Entscheidung ist registriert und in die eBox der Person zugestellt."
            case .waitingForEBox: "Die Entscheidung ist registriert. Die Person hat noch keine eBox: Das Dokument wartet, und die Person wurde per E-Mail gebeten, sie zu aktivieren."
            case .pending, .none: "Die Entscheidung ist registriert; das Dokument wird in Kürze in die eBox der Person zugestellt."
            }
        },
        decisionDocumentTitle: "Entscheidung über eine Laufbahnunterbrechung",
        decisionApproved: { name, kind, regime, period in "Der Antrag auf Laufbahnunterbrechung von \(name) (\(kind), \(regime)) wird für den Zeitraum \(period) genehmigt." },
        decisionRefused: { name, kind in "Der Antrag auf Laufbahnunterbrechung von \(name) (\(kind)) wird abgelehnt." },
        decisionReasonLine: { "Begründung: \($0)" },
        decisionAllowance: "Um die Unterbrechungszulage zu erhalten, senden Sie diese Entscheidung innerhalb von zwei Monaten mit Ihrem Antrag an das Landesamt für Arbeitsbeschaffung (LfA).",
        decisionSignature: { place, day in "\(place), \(day) – der Personaldienst" },
        decisionSubject: "Entscheidung über Ihre Laufbahnunterbrechung",
        decisionMailSubject: "Entscheidung über Ihre Laufbahnunterbrechung – PersoSelfService",
        decisionMailInEBox: "Der Personaldienst hat über Ihren Antrag auf Laufbahnunterbrechung entschieden. Die Entscheidung liegt als Einschreiben in Ihrer eBox:",
        decisionMailActivate: "Der Personaldienst hat über Ihren Antrag auf Laufbahnunterbrechung entschieden. Die Entscheidung wird ausschließlich in Ihre eBox zugestellt, und Sie haben noch keine aktiviert. Aktivieren Sie sie hier; die Entscheidung erreicht Sie dann:",
        fileTitle: "Meine Personalakte",
        fileLead: "Was das Personalregister über Sie enthält. Für eine Korrektur wenden Sie sich an Ihren Personaldienst.",
        identityTitle: "Identität",
        nameLabel: "Name",
        nationalNumberLabel: "Nationalregisternummer",
        birthDateLabel: "Geburtsdatum",
        emailLabel: "Dienstliche E-Mail-Adresse",
        languageLabel: "Sprache",
        careerTitle: "Laufbahn",
        serviceLabel: "Dienst",
        gradeLabel: "Dienstgrad",
        entryDateLabel: "Im Dienst seit",
        managerLabel: "Vorgesetzte(r)",
        regimeTitle: "Arbeitsregelung",
        regimeShare: { "Anteil einer Vollzeitstelle: \($0)" },
        weekdayName: { ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"][$0] },
        trainingTitle: "Weiterbildungen",
        noTraining: "Keine Weiterbildung registriert.",
        trainingColumn: "Weiterbildung",
        dateColumn: "Datum",
        hoursColumn: "Stunden",
        documentsTitle: "Dokumente",
        noDocuments: "Noch kein Dokument.",
        staffTitle: "Personalakten",
        staffLead: "Das Personal der Organisationen, für die Sie Personalsachbearbeiter(in) sind.",
        notInRegisterFile: "Sie sind noch nicht im Personalregister Ihrer Organisation erfasst. Bitte wenden Sie sich an Ihren Personaldienst.",
        notHROfficer: "Diese Seite ist nur für Personalsachbearbeiter(innen) bestimmt.",
        teleworkTitle: "Telearbeit",
        teleworkLead: { cap, approval in "Ihre Organisation erlaubt bis zu \(cap) Tage Telearbeit pro Woche" + (approval ? "; Ihr(e) Vorgesetzte(r) genehmigt Ihr Wochenmuster und zusätzliche Tage." : ".") },
        patternLegend: "Meine üblichen Telearbeitstage",
        savePattern: "Mein Muster speichern",
        patternOverCap: { "Höchstens \($0) Tage pro Woche." },
        patternSaved: { $0 ? "Ihr Muster wurde Ihrer/Ihrem Vorgesetzten zur Genehmigung übermittelt." : "Ihr Muster ist gespeichert." },
        patternStatus: { status in
            switch status {
            case .approved: "In Kraft"
            case .requested: "Wartet auf die Genehmigung Ihrer/Ihres Vorgesetzten"
            case .refused: "Von Ihrer/Ihrem Vorgesetzten abgelehnt"
            }
        },
        occasionalLegend: "Ein vom Üblichen abweichender Tag",
        occasionalDay: "Tag",
        occasionalAdd: "An diesem Tag Telearbeit",
        occasionalRemove: "An diesem Tag im Büro arbeiten",
        occasionalSave: "Diesen Tag speichern",
        occasionalProblem: "Wählen Sie einen kommenden Arbeitstag und bleiben Sie bei einem zusätzlichen Tag innerhalb des Wochenhöchstwerts.",
        occasionalSaved: "Der Tag ist gespeichert.",
        occasionalList: "Vom Üblichen abweichende Tage",
        teleworkApprovalTitle: "Telearbeit, die auf Ihre Genehmigung wartet",
        teleworkDecided: "Ihre Entscheidung über die Telearbeitsregelung ist gespeichert; die Person sieht sie auf ihrer Seite Telearbeit.",
        approvePattern: "Genehmigen",
        refusePattern: "Ablehnen"
    )
}
