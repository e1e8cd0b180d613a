import PersoCore

extension HRTexts {
    static let dutch = HRTexts(
        payslipsTitle: "Mijn loonfiches",
        payslipsLead: "Uw loonfiches worden bezorgd in uw eBox, waar u ze kunt openen, downloaden en bewaren. Hier is de lijst.",
        noPayslips: "Er is nog geen loonfiche voor u gepubliceerd.",
        periodColumn: "Maand",
        kindColumn: "Soort",
        grossColumn: "Bruto",
        netColumn: "Netto",
        whereColumn: "Waar",
        kindName: { kind in
            switch kind {
            case .salary: "Wedde"
            case .recalculation: "Herberekening"
            case .holidayPay: "Vakantiegeld"
            case .yearEndBonus: "Eindejaarstoelage"
            case .competenceBonus: "Competentietoelage"
            }
        },
        inEBox: "In uw eBox",
        waitingForEBox: "Wacht: activeer uw eBox om ze te ontvangen",
        beingPublished: "Wordt gepubliceerd",
        activateEBox: "Mijn eBox activeren",
        payslipTitle: { kind, month in "\(kind) – \(month)" },
        payslipPeriod: "Periode",
        payslipPerson: "Personeelslid",
        payslipNationalNumber: "Rijksregisternummer",
        payslipOrganisation: "Werkgever",
        payslipService: "Dienst",
        payslipGross: "Brutobedrag",
        payslipNet: "Uitbetaald nettobedrag",
        payslipNote: "Dit document vat de bedragen samen die de loondienst op uw rekening heeft gestort. Bewaar het: andere administraties kunnen erom vragen.",
        payslipSubject: { kind, month in "Loonfiche: \(kind), \(month)" },
        publishTitle: "De loonfiches van een maand publiceren",
        publishLead: "Laad de export van het loonsysteem op (CSV: national_number;kind;gross;net, één regel per loonfiche). Elke regel wordt eerst gecontroleerd; er wordt niets gepubliceerd zolang het hele bestand niet juist is. Elke loonfiche wordt daarna als pdf opgemaakt in de taal van de persoon en in zijn of haar eBox bezorgd.",
        organisationLabel: "Organisatie",
        periodLabel: "Maand",
        periodHint: "In de vorm 2026-11.",
        csvLabel: "Export van de lonen (CSV)",
        csvHint: "UTF-8, gescheiden door puntkomma’s of komma’s, hoogstens 20.000 regels. Soorten: salary, recalculation, holiday_pay, year_end_bonus, competence_bonus. Bedragen in euro, zoals 3456.78 of 3456,78.",
        publishButton: "Controleren en publiceren",
        csvMissing: "Kies het CSV-bestand dat u wilt publiceren.",
        csvUnreadable: "Het bestand kon niet als CSV-tekst (UTF-8) worden gelezen: er werd niets gepubliceerd.",
        periodUnreadable: "Geef de maand op in de vorm 2026-11.",
        lineProblem: { line, problem in "Regel \(line): \(problem)" },
        problemColumns: "4 kolommen verwacht: national_number;kind;gross;net",
        problemNationalNumber: "geen geldig rijksregisternummer",
        problemKind: "onbekende soort",
        problemAmount: "bedragen moeten in euro zijn met hoogstens 2 decimalen, het netto niet hoger dan het bruto",
        problemTwice: "dezelfde persoon en soort komen twee keer voor in het bestand",
        problemNotInRegister: "deze persoon staat niet in het HR-register van uw organisatie",
        problemAlreadyPublished: "voor deze persoon en maand werd al een loonfiche van deze soort gepubliceerd",
        problemTooMany: "meer dan 20.000 regels",
        nothingPublished: "Er werd niets gepubliceerd. Verbeter het bestand en laad het opnieuw op.",
        runTitle: { "Loonfiches van \($0)" },
        runProgress: { done, total in "\(done) van \(total) verwerkt" },
        runFinished: "Klaar.",
        runPublished: { "\($0) bezorgd in een eBox" },
        runWaiting: { "\($0) in afwachting: de persoon heeft nog geen eBox" },
        noEBoxTitle: "Personen zonder eBox",
        noEBoxLead: "Hun loonfiche wacht en wordt bezorgd zodra zij hun eBox activeren. Vraag hun dat te doen.",
        previousRuns: "Eerdere publicaties",
        startedBy: { name, when in "door \(name), \(when)" },
        interruptionTitle: "Loopbaanonderbreking",
        interruptionLead: "Vraag een loopbaanonderbreking aan (voltijds, halftijds of één vijfde). De HR-dienst beslist; de beslissing wordt als aangetekend document in uw eBox bezorgd.",
        interruptionKindLabel: "Soort onderbreking",
        interruptionKindName: { kind in
            switch kind {
            case .parental: "Ouderschapsverlof"
            case .medicalAssistance: "Medische bijstand aan een familielid"
            case .palliative: "Palliatieve zorg"
            case .general: "Loopbaanonderbreking zonder bijzondere reden"
            }
        },
        interruptionRegimeLabel: "Deel van de arbeidstijd dat wordt onderbroken",
        interruptionRegimeName: { regime in
            switch regime {
            case .full: "Voltijds"
            case .half: "Halftijds"
            case .fifth: "Eén vijfde"
            }
        },
        applyButton: "Aanvragen",
        applied: "Uw aanvraag werd naar de HR-dienst gestuurd. U krijgt een e-mail zodra de beslissing in uw eBox staat.",
        myInterruptions: "Mijn aanvragen",
        noInterruptions: "Nog geen aanvraag.",
        interruptionStatusName: { status in
            switch status {
            case .requested: "Wacht op de beslissing van de HR-dienst"
            case .approved: "Goedgekeurd"
            case .refused: "Geweigerd"
            }
        },
        deliveryName: { delivery in
            switch delivery {
            case .none: ""
            case .pending: "De beslissing wordt in uw eBox bezorgd"
            case .delivered: "De beslissing staat in uw eBox"
            case .waitingForEBox: "De beslissing wacht op u: activeer uw eBox om ze te ontvangen"
            }
        },
        eBoxNeeded: "De beslissing wordt alleen in uw eBox bezorgd. Activeer uw eBox nu, zodat ze u bereikt.",
        interruptionProblemDays: "Geef de eerste en de laatste dag op als datums, de laatste na de eerste.",
        interruptionProblemStart: "Een onderbreking begint ten vroegste over een maand, op de eerste van een maand.",
        interruptionProblemLength: "Een onderbreking duurt minstens één maand en hoogstens 60 maanden per aanvraag.",
        hrTitle: "HR-beheer",
        hrLead: "Beslis over loopbaanonderbrekingen en publiceer loonfiches voor de organisaties waarvan u HR-beheerder bent.",
        hrInterruptionsTitle: "Loopbaanonderbrekingen die op een beslissing wachten",
        hrNoneWaiting: "Er wacht geen enkele aanvraag.",
        decideTitle: "Beslissen over een loopbaanonderbreking",
        approveInterruption: "Goedkeuren",
        refuseInterruption: "Weigeren",
        decisionReasonLabel: "Reden (verplicht bij weigering)",
        decisionReasonHint: "Ze wordt vermeld in de beslissing die de persoon ontvangt.",
        reasonNeeded: "Zeg waarom u weigert: de reden wordt in de beslissing vermeld.",
        decisionRecorded: { delivery in
            switch delivery {
            case .delivered: "De beslissing is geregistreerd en in de eBox van de persoon bezorgd."
            case .waitingForEBox: "De beslissing is geregistreerd. De persoon heeft nog geen eBox: het document wacht en de persoon werd per e-mail gevraagd de eBox te activeren."
            case .pending, .none: "De beslissing is geregistreerd; het document wordt binnenkort in de eBox van de persoon bezorgd."
            }
        },
        decisionDocumentTitle: "Beslissing over een loopbaanonderbreking",
        decisionApproved: { name, kind, regime, period in "De aanvraag tot loopbaanonderbreking van \(name) (\(kind.lowercased()), \(regime == "Eén vijfde" ? "één vijfde" : regime.lowercased())) wordt goedgekeurd voor de periode \(period)." },
        decisionRefused: { name, kind in "De aanvraag tot loopbaanonderbreking van \(name) (\(kind.lowercased())) wordt geweigerd." },
        decisionReasonLine: { "Reden: \($0)" },
        decisionAllowance: "Om de onderbrekingsuitkering te ontvangen, stuurt u deze beslissing binnen twee maanden samen met uw aanvraag naar de Rijksdienst voor Arbeidsvoorziening (RVA).",
        decisionSignature: { place, day in "\(place), \(day) – de HR-dienst" },
        decisionSubject: "Beslissing over uw loopbaanonderbreking",
        decisionMailSubject: "Beslissing over uw loopbaanonderbreking – PersoSelfService",
        decisionMailInEBox: "De HR-dienst heeft beslist over uw aanvraag tot loopbaanonderbreking. De beslissing staat in uw eBox, als aangetekend document:",
        decisionMailActivate: "De HR-dienst heeft beslist over uw aanvraag tot loopbaanonderbreking. De beslissing wordt alleen in uw eBox bezorgd, en u hebt die nog niet geactiveerd. Activeer ze hier; de beslissing bereikt u dan:",
        fileTitle: "Mijn personeelsdossier",
        fileLead: "Wat het HR-register over u bevat. Neem contact op met uw HR-dienst om iets te laten verbeteren.",
        identityTitle: "Identiteit",
        nameLabel: "Naam",
        nationalNumberLabel: "Rijksregisternummer",
        birthDateLabel: "Geboortedatum",
        emailLabel: "E-mailadres op het werk",
        languageLabel: "Taal",
        careerTitle: "Loopbaan",
        serviceLabel: "Dienst",
        gradeLabel: "Graad",
        entryDateLabel: "In dienst sinds",
        managerLabel: "Chef",
        regimeTitle: "Arbeidsregeling",
        regimeShare: { "Deel van een voltijdse betrekking: \($0)" },
        weekdayName: { ["Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag"][$0] },
        trainingTitle: "Opleidingen",
        noTraining: "Geen opleiding geregistreerd.",
        trainingColumn: "Opleiding",
        dateColumn: "Datum",
        hoursColumn: "Uren",
        documentsTitle: "Documenten",
        noDocuments: "Nog geen document.",
        staffTitle: "Personeelsdossiers",
        staffLead: "Het personeel van de organisaties waarvan u HR-beheerder bent.",
        notInRegisterFile: "U staat nog niet in het HR-register van uw organisatie. Neem contact op met uw HR-dienst.",
        notHROfficer: "Deze pagina is alleen voor HR-beheerders.",
        teleworkTitle: "Telewerk",
        teleworkLead: { cap, approval in "Uw organisatie staat tot \(cap) dagen telewerk per week toe" + (approval ? "; uw chef keurt uw vaste weekpatroon en extra dagen goed." : ".") },
        patternLegend: "Mijn vaste telewerkdagen",
        savePattern: "Mijn patroon opslaan",
        patternOverCap: { "Hoogstens \($0) dagen per week." },
        patternSaved: { $0 ? "Uw patroon werd ter goedkeuring naar uw chef gestuurd." : "Uw patroon is opgeslagen." },
        patternStatus: { status in
            switch status {
            case .approved: "Van kracht"
            case .requested: "Wacht op goedkeuring door uw chef"
            case .refused: "Geweigerd door uw chef"
            }
        },
        occasionalLegend: "Een andere dag dan gewoonlijk",
        occasionalDay: "Dag",
        occasionalAdd: "Die dag telewerken",
        occasionalRemove: "Die dag op kantoor werken",
        occasionalSave: "Deze dag opslaan",
        occasionalProblem: "Kies een komende werkdag en blijf voor een extra dag binnen het maximum van de week.",
        occasionalSaved: "De dag is opgeslagen.",
        occasionalList: "Andere dagen dan gewoonlijk",
        teleworkApprovalTitle: "Telewerk dat op uw goedkeuring wacht",
        teleworkDecided: "Uw beslissing over de telewerkregeling is geregistreerd; de persoon ziet ze op de pagina Telewerk.",
        approvePattern: "Goedkeuren",
        refusePattern: "Weigeren"
    )
}
