import PersoCore

extension HRTexts {
    static let french = HRTexts(
        payslipsTitle: "Mes fiches de paie",
        payslipsLead: "Vos fiches de paie sont déposées dans votre eBox, où vous pouvez les ouvrir, les télécharger et les conserver. En voici la liste.",
        noPayslips: "Aucune fiche de paie n’a encore été publiée pour vous.",
        periodColumn: "Mois",
        kindColumn: "Type",
        grossColumn: "Brut",
        netColumn: "Net",
        whereColumn: "Où",
        kindName: { kind in
            switch kind {
            case .salary: "Traitement"
            case .recalculation: "Recalcul"
            case .holidayPay: "Pécule de vacances"
            case .yearEndBonus: "Allocation de fin d’année"
            case .competenceBonus: "Allocation de compétences"
            }
        },
        inEBox: "Dans votre eBox",
        waitingForEBox: "En attente : activez votre eBox pour la recevoir",
        beingPublished: "En cours de publication",
        activateEBox: "Activer mon eBox",
        payslipTitle: { kind, month in "\(kind) – \(month)" },
        payslipPeriod: "Période",
        payslipPerson: "Membre du personnel",
        payslipNationalNumber: "Numéro de registre national",
        payslipOrganisation: "Employeur",
        payslipService: "Service",
        payslipGross: "Montant brut",
        payslipNet: "Montant net payé",
        payslipNote: "Ce document récapitule les montants que le service de paie a versés sur votre compte. Conservez-le : d’autres administrations peuvent vous le demander.",
        payslipSubject: { kind, month in "Fiche de paie : \(kind), \(month)" },
        publishTitle: "Publier les fiches de paie d’un mois",
        publishLead: "Chargez l’export du système de paie (CSV : national_number;kind;gross;net, une ligne par fiche de paie). Chaque ligne est d’abord vérifiée ; rien n’est publié tant que tout le fichier n’est pas correct. Chaque fiche de paie est ensuite établie en PDF dans la langue de la personne et déposée dans son eBox.",
        organisationLabel: "Organisation",
        periodLabel: "Mois",
        periodHint: "Sous la forme 2026-11.",
        csvLabel: "Export de la paie (CSV)",
        csvHint: "UTF-8, séparé par des points-virgules ou des virgules, 20 000 lignes au maximum. Types : salary, recalculation, holiday_pay, year_end_bonus, competence_bonus. Montants en euros, par exemple 3456.78 ou 3456,78.",
        publishButton: "Vérifier et publier",
        csvMissing: "Choisissez le fichier CSV à publier.",
        csvUnreadable: "Le fichier n’a pas pu être lu comme texte CSV (UTF-8) : rien n’a été publié.",
        periodUnreadable: "Indiquez le mois sous la forme 2026-11.",
        lineProblem: { line, problem in "Ligne \(line) : \(problem)" },
        problemColumns: "4 colonnes attendues : national_number;kind;gross;net",
        problemNationalNumber: "numéro de registre national non valable",
        problemKind: "type inconnu",
        problemAmount: "les montants doivent être en euros avec au plus 2 décimales, le net ne dépassant pas le brut",
        problemTwice: "la même personne et le même type figurent deux fois dans le fichier",
        problemNotInRegister: "cette personne ne figure pas dans le registre RH de votre organisation",
        problemAlreadyPublished: "une fiche de paie de ce type a déjà été publiée pour cette personne et ce mois",
        problemTooMany: "plus de 20 000 lignes",
        nothingPublished: "Rien n’a été publié. Corrigez le fichier et chargez-le à nouveau.",
        runTitle: { "Fiches de paie de \($0)" },
        runProgress: { done, total in "\(done) sur \(total) traitées" },
        runFinished: "Terminé.",
        runPublished: { $0 < 2 ? "\($0) fiche déposée dans une eBox" : "\($0) fiches déposées dans une eBox" },
        runWaiting: { "\($0) en attente : la personne n’a pas encore d’eBox" },
        noEBoxTitle: "Personnes sans eBox",
        noEBoxLead: "Leur fiche de paie reste en attente et leur est délivrée dès qu’elles activent leur eBox. Demandez-leur de le faire.",
        previousRuns: "Publications précédentes",
        startedBy: { name, when in "par \(name), \(when)" },
        interruptionTitle: "Interruption de carrière",
        interruptionLead: "Demandez une interruption de carrière (à temps plein, à mi-temps ou d’un cinquième). Le service RH décide ; la décision est déposée dans votre eBox sous forme de document recommandé.",
        interruptionKindLabel: "Type d’interruption",
        interruptionKindName: { kind in
            switch kind {
            case .parental: "Congé parental"
            case .medicalAssistance: "Assistance médicale à un membre de la famille"
            case .palliative: "Soins palliatifs"
            case .general: "Interruption de carrière sans motif particulier"
            }
        },
        interruptionRegimeLabel: "Part du temps de travail interrompue",
        interruptionRegimeName: { regime in
            switch regime {
            case .full: "Temps plein"
            case .half: "Mi-temps"
            case .fifth: "Un cinquième"
            }
        },
        applyButton: "Introduire la demande",
        applied: "Votre demande a été envoyée au service RH. Vous serez averti par e-mail lorsque la décision sera dans votre eBox.",
        myInterruptions: "Mes demandes",
        noInterruptions: "Aucune demande pour l’instant.",
        interruptionStatusName: { status in
            switch status {
            case .requested: "En attente de la décision du service RH"
            case .approved: "Approuvée"
            case .refused: "Refusée"
            }
        },
        deliveryName: { delivery in
            switch delivery {
            case .none: ""
            case .pending: "La décision est en cours de dépôt dans votre eBox"
            case .delivered: "La décision est dans votre eBox"
            case .waitingForEBox: "La décision vous attend : activez votre eBox pour la recevoir"
            }
        },
        eBoxNeeded: "La décision est déposée uniquement dans votre eBox. Activez votre eBox dès maintenant pour qu’elle vous parvienne.",
        interruptionProblemDays: "Indiquez le premier et le dernier jour sous forme de dates, le dernier après le premier.",
        interruptionProblemStart: "Une interruption commence au plus tôt dans un mois, le premier jour d’un mois.",
        interruptionProblemLength: "Une interruption dure au moins un mois et au plus 60 mois par demande.",
        hrTitle: "Gestion RH",
        hrLead: "Décidez des interruptions de carrière et publiez les fiches de paie des organisations dont vous êtes gestionnaire RH.",
        hrInterruptionsTitle: "Interruptions de carrière en attente de décision",
        hrNoneWaiting: "Aucune demande n’est en attente.",
        decideTitle: "Décider d’une interruption de carrière",
        approveInterruption: "Approuver",
        refuseInterruption: "Refuser",
        decisionReasonLabel: "Motif (obligatoire pour refuser)",
        decisionReasonHint: "Il figure dans la décision que reçoit la personne.",
        reasonNeeded: "Indiquez pourquoi vous refusez : le motif figure dans la décision.",
        decisionRecorded: { delivery in
            switch delivery {
            case .delivered: "La décision est enregistrée et déposée dans l’eBox de la personne."
            case .waitingForEBox: "La décision est enregistrée. La personne n’a pas encore d’eBox : le document reste en attente et elle a été invitée par e-mail à l’activer."
            case .pending, .none: "La décision est enregistrée ; le document sera déposé sous peu dans l’eBox de la personne."
            }
        },
        decisionDocumentTitle: "Décision relative à une interruption de carrière",
        decisionApproved: { name, kind, regime, period in "La demande d’interruption de carrière de \(name) (\(kind.lowercased()), \(regime.lowercased())) est approuvée pour la période \(period)." },
        decisionRefused: { name, kind in "La demande d’interruption de carrière de \(name) (\(kind.lowercased())) est refusée." },
        decisionReasonLine: { "Motif : \($0)" },
        decisionAllowance: "Pour percevoir l’allocation d’interruption, envoyez cette décision avec votre demande à l’Office national de l’emploi (ONEM) dans les deux mois.",
        decisionSignature: { place, day in "\(place), le \(day) – le service RH" },
        decisionSubject: "Décision relative à votre interruption de carrière",
        decisionMailSubject: "Décision relative à votre interruption de carrière – PersoSelfService",
        decisionMailInEBox: "Le service RH a statué sur votre demande d’interruption de carrière. La décision se trouve dans votre eBox, sous forme de document recommandé :",
        decisionMailActivate: "Le service RH a statué sur votre demande d’interruption de carrière. La décision est déposée uniquement dans votre eBox, que vous n’avez pas encore activée. Activez-la ici ; la décision vous parviendra alors :",
        fileTitle: "Mon dossier du personnel",
        fileLead: "Ce que le registre RH contient à votre sujet. Pour le faire corriger, contactez votre service RH.",
        identityTitle: "Identité",
        nameLabel: "Nom",
        nationalNumberLabel: "Numéro de registre national",
        birthDateLabel: "Date de naissance",
        emailLabel: "E-mail professionnel",
        languageLabel: "Langue",
        careerTitle: "Carrière",
        serviceLabel: "Service",
        gradeLabel: "Grade",
        entryDateLabel: "En service depuis",
        managerLabel: "Chef",
        regimeTitle: "Régime de travail",
        regimeShare: { "Part d’un temps plein : \($0)" },
        weekdayName: { ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"][$0] },
        trainingTitle: "Formations",
        noTraining: "Aucune formation enregistrée.",
        trainingColumn: "Formation",
        dateColumn: "Date",
        hoursColumn: "Heures",
        documentsTitle: "Documents",
        noDocuments: "Aucun document pour l’instant.",
        staffTitle: "Dossiers du personnel",
        staffLead: "Le personnel des organisations dont vous êtes gestionnaire RH.",
        notInRegisterFile: "Vous ne figurez pas encore dans le registre RH de votre organisation. Veuillez contacter votre service RH.",
        notHROfficer: "Cette page est réservée aux gestionnaires RH.",
        teleworkTitle: "Télétravail",
        teleworkLead: { cap, approval in "Votre organisation autorise jusqu’à \(cap) jours de télétravail par semaine" + (approval ? " ; votre chef approuve vos jours habituels et vos jours supplémentaires." : ".") },
        patternLegend: "Mes jours habituels de télétravail",
        savePattern: "Enregistrer mes jours habituels",
        patternOverCap: { "Au maximum \($0) jours par semaine." },
        patternSaved: { $0 ? "Vos jours habituels ont été envoyés à votre chef pour approbation." : "Vos jours habituels sont enregistrés." },
        patternStatus: { status in
            switch status {
            case .approved: "En vigueur"
            case .requested: "En attente de l’approbation de votre chef"
            case .refused: "Refusé par votre chef"
            }
        },
        occasionalLegend: "Un jour différent de l’habitude",
        occasionalDay: "Jour",
        occasionalAdd: "Télétravail ce jour-là",
        occasionalRemove: "Travail au bureau ce jour-là",
        occasionalSave: "Enregistrer ce jour",
        occasionalProblem: "Choisissez un jour de travail à venir et, pour un jour supplémentaire, restez dans le maximum de la semaine.",
        occasionalSaved: "Le jour est enregistré.",
        occasionalList: "Jours différents de l’habitude",
        teleworkApprovalTitle: "Télétravail en attente de votre approbation",
        teleworkDecided: "Votre décision sur le régime de télétravail est enregistrée ; la personne la voit sur sa page Télétravail.",
        approvePattern: "Approuver",
        refusePattern: "Refuser"
    )
}
