import PersoCore

extension AbsenceTexts {
    static let french = AbsenceTexts(
        absencesTitle: "Congés et absences",
        absencesLead: "Vos soldes, une nouvelle demande et la suite donnée à vos demandes.",
        teamTitle: "Mon équipe",
        teamLead: "Qui est absent et quand, et les demandes qui attendent votre décision. Les motifs d’absence n’apparaissent jamais ici.",
        sickTitle: "Déclarer un congé de maladie",
        sickLead: "Indiquez les jours où vous êtes malade et joignez votre certificat médical. Personne d’autre que vous et le service de contrôle médical ne voit le certificat ; votre chef et vos collègues voient seulement que vous êtes absent.",
        requestTitle: "Demande à traiter",
        absenceTitle: "Absence",
        typeName: { type in
            switch type {
            case .annual: "Congé annuel de vacances"
            case .compensatory: "Congé compensatoire"
            case .marriage: "Congé de circonstances : mariage ou cohabitation légale"
            case .birth: "Congé de circonstances : naissance d’un enfant"
            case .deathClose: "Congé de circonstances : décès du conjoint, du partenaire, d’un enfant ou d’un parent"
            case .deathRelative: "Congé de circonstances : décès d’un grand-parent, d’un petit-enfant, d’un frère ou d’une sœur"
            case .exceptional: "Congé pour motifs impérieux d’ordre familial"
            case .sick: "Congé de maladie"
            }
        },
        statusName: { status in
            switch status {
            case .requested: "En attente d’approbation"
            case .approved: "Approuvé"
            case .refused: "Refusé"
            case .withdrawn: "Retiré"
            case .cancellationRequested: "Annulation demandée"
            case .cancelled: "Annulé"
            case .recorded: "Enregistré"
            }
        },
        partName: { part in
            switch part {
            case .full: "Jours entiers"
            case .morning: "Matin"
            case .afternoon: "Après-midi"
            case .hours: "Heures"
            }
        },
        balancesTitle: "Mes soldes",
        balanceYear: { "Année \($0)" },
        balanceType: "Congé",
        entitled: "Droit",
        taken: "Pris",
        planned: "Planifié",
        left: "Restant",
        perEvent: { "\($0) jours ouvrables par événement" },
        hoursNote: "En heures et minutes de votre régime de travail.",
        carriedOver: { amount, deadline in "Dont \(amount) reporté de l’année précédente, à prendre au plus tard le \(deadline)." },
        lapsed: { "Le report de l’année précédente (\($0)) n’a pas été pris à temps et est perdu." },
        requestLegend: "Demander un congé",
        typeLabel: "Type de congé",
        fromLabel: "Du",
        toLabel: "Au (inclus)",
        toHint: "Laissez vide pour un seul jour. Les demi-jours et les heures se demandent un jour à la fois.",
        partLabel: "Quelle partie de la journée",
        startLabel: "De (heure)",
        endLabel: "Jusqu’à (heure)",
        requestButton: "Envoyer la demande",
        notInRegister: "Vous ne figurez pas encore dans le registre RH de votre organisation : PersoSelfService ne peut donc pas calculer vos congés. Veuillez contacter votre service RH.",
        fixErrors: "La demande n’a pas été envoyée. Veuillez corriger ce qui est indiqué ci-dessous.",
        unreadableDay: "Indiquez les jours sous forme de dates.",
        endBeforeStart: "Le dernier jour précède le premier.",
        tooFar: "Un congé peut être demandé au plus un an à l’avance.",
        severalDaysForPart: "Les demi-jours et les heures se demandent un jour à la fois : laissez le dernier jour vide.",
        weekend: { "Le \($0) est un jour de week-end : commencez et terminez votre congé un jour ouvrable." },
        holiday: { day, name in "Le \(day) est un jour férié (\(name)) : vous n’avez pas besoin de congé pour ce jour-là." },
        freeDay: { "Le \($0) n’est pas un jour de travail dans votre régime." },
        badHours: "Indiquez une heure de début et une heure de fin (par exemple 13:00 et 16:30), la fin après le début, sans dépasser votre journée de travail.",
        inThePast: "Un congé se demande avant qu’il ne commence. Pour un jour déjà passé, contactez votre chef.",
        acrossYears: "Les soldes sont annuels : demandez les jours de chaque année dans une demande distincte.",
        overBalance: { "Solde insuffisant pour cette demande : il reste \($0) pour ces jours." },
        overlaps: { "Vous êtes déjà absent ou avez déjà demandé un congé le \($0)." },
        holidayName: { holiday in
            switch holiday {
            case .newYear: "Jour de l’an"
            case .secondOfJanuary: "2 janvier"
            case .easterMonday: "Lundi de Pâques"
            case .labourDay: "Fête du Travail"
            case .ascension: "Ascension"
            case .whitMonday: "Lundi de Pentecôte"
            case .nationalDay: "Fête nationale"
            case .assumption: "Assomption"
            case .allSaints: "Toussaint"
            case .armistice: "Armistice"
            case .kingsFeast: "Fête du Roi"
            case .christmas: "Noël"
            case .boxingDay: "26 décembre"
            }
        },
        myAbsencesTitle: "Mes demandes et absences",
        noAbsences: "Aucune absence pour l’instant.",
        whenColumn: "Quand",
        typeColumn: "Type",
        lengthColumn: "Heures",
        statusColumn: "Statut",
        actionsColumn: "Actions",
        withdraw: "Retirer",
        askCancellation: "Demander l’annulation",
        details: "Détails",
        requested: "Votre demande a été envoyée à votre chef. Vous recevrez un e-mail dès qu’une décision sera prise.",
        withdrawn: "Votre demande a été retirée.",
        cancellationAsked: "Votre chef a été invité à annuler ce congé. Celui-ci reste planifié jusqu’à son accord.",
        sickRecorded: "Votre congé de maladie est enregistré. Votre chef a été informé de votre absence, sans le motif.",
        notPossibleAnyMore: "Ce n’est plus possible : la demande a changé entre-temps.",
        sickLink: "Déclarer un congé de maladie",
        certificateLabel: "Certificat médical",
        certificateHint: "PDF, JPEG ou PNG, 10 Mo maximum.",
        sickButton: "Enregistrer mon congé de maladie",
        certificateMissing: "Joignez votre certificat médical.",
        certificateRefused: "Le certificat n’a pas pu être accepté : envoyez un fichier PDF, JPEG ou PNG de 10 Mo maximum.",
        sickPrivacy: "Ici, vous seul voyez le certificat.",
        certificateLink: "Mon certificat",
        historyTitle: "Historique",
        historyLine: { action, actor, capacity, onBehalfOf in
            let who = capacity == .substitute ? "\(actor), remplaçant \(onBehalfOf.map { "de \($0)" } ?? "du chef")" : actor
            return switch action {
            case .requested: "Demandé par \(who)"
            case .approved: capacity == .register ? "Approuvé : aucun chef dans le registre RH" : "Approuvé par \(who)"
            case .refused: "Refusé par \(who)"
            case .withdrawn: "Retiré par \(who)"
            case .cancellationRequested: "Annulation demandée par \(who)"
            case .cancelled: capacity == .register ? "Annulé" : "Annulé avec l’accord de \(who)"
            case .cancellationRefused: "Annulation refusée par \(who) : le congé est maintenu"
            case .recorded: "Enregistré par \(who)"
            }
        },
        reasonLabel: "Motif",
        waitingTitle: "En attente de votre décision",
        noneWaiting: "Aucune demande n’attend votre décision.",
        personColumn: "Personne",
        open: "Ouvrir",
        approve: "Approuver",
        refuse: "Refuser",
        agreeCancellation: "Accepter l’annulation",
        keepLeave: "Maintenir le congé",
        refusalReasonLabel: "Motif (obligatoire en cas de refus)",
        refusalReasonHint: "La personne le lit dans l’e-mail et dans l’historique de la demande.",
        reasonMissing: "Indiquez pourquoi vous refusez : la personne le lira.",
        decided: "Votre décision est enregistrée et la personne en a été informée par e-mail.",
        alreadyDecided: "Cette demande a déjà été traitée ou retirée : rien n’a été modifié.",
        notYours: "Vous ne pouvez pas décider de cette demande : vous n’êtes ni le chef de cette personne, ni le remplaçant de son chef aujourd’hui.",
        asksCancellation: "Demande l’annulation d’un congé déjà approuvé.",
        balanceAfter: { "Solde après cette demande : \($0)" },
        calendarTitle: { "Qui est absent en \($0)" },
        previousMonth: "Mois précédent",
        nextMonth: "Mois suivant",
        away: "Absent",
        awayHalf: "Absent une partie de la journée",
        teleworking: "Télétravail",
        asked: "Demandé",
        legend: "Absent : en congé ou absent pour une autre raison (aucun motif n’est indiqué). Demandé : une demande pas encore traitée. Télétravail (⌂) : travail à domicile ce jour-là.",
        noTeam: "Personne dans le registre RH ne vous a comme chef.",
        standingIn: { "Vous remplacez \($0) aujourd’hui : les demandes de son équipe figurent aussi dans la liste." },
        substitutesTitle: "Mon absence et mon remplaçant",
        substitutesLead: "Pendant votre absence, la personne que vous désignez ici décide à votre place des demandes de votre équipe. Chaque décision indique qu’elle a été prise en tant que votre remplaçant.",
        awayFrom: "Absent du",
        awayTo: "Absent jusqu’au (inclus)",
        substituteLabel: "Remplaçant",
        saveSubstitute: "Désigner mon remplaçant",
        substituteSaved: "Votre remplaçant est désigné pour ces jours.",
        substituteRemoved: "Le remplacement a été supprimé.",
        removeSubstitute: "Supprimer",
        substitutionLine: { name, first, last in "\(name) vous remplace du \(first) au \(last)." },
        substituteProblem: "Choisissez un remplaçant et indiquez les jours sous forme de dates, le dernier ni avant le premier ni dans le passé.",
        mailGreeting: { "Bonjour \($0)," },
        mailRequestedSubject: { "Demande de congé de \($0) – PersoSelfService" },
        mailRequested: { person, type, when in "\(person) demande un \(type.lowercased()) : \(when)." },
        mailDecide: "Approuvez ou refusez la demande dans PersoSelfService :",
        mailApprovedSubject: "Votre congé est approuvé – PersoSelfService",
        mailRefusedSubject: "Votre demande de congé est refusée – PersoSelfService",
        mailDecided: { approved, type, when in approved ? "Votre demande de \(type.lowercased()) (\(when)) est approuvée." : "Votre demande de \(type.lowercased()) (\(when)) est refusée." },
        mailBySubstitute: { "Décision prise par \($0) en tant que remplaçant de votre chef." },
        mailReason: { "Motif : \($0)" },
        mailCancellationAskedSubject: { "\($0) demande l’annulation d’un congé approuvé – PersoSelfService" },
        mailCancellationAsked: { person, when in "\(person) demande l’annulation d’un congé approuvé : \(when)." },
        mailCancellationDecidedSubject: { $0 ? "Votre congé est annulé – PersoSelfService" : "Votre congé est maintenu – PersoSelfService" },
        mailCancellationDecided: { agreed, type, when in agreed ? "Votre \(type.lowercased()) (\(when)) est annulé, comme vous l’avez demandé." : "Votre chef a maintenu votre \(type.lowercased()) (\(when)) : il n’est pas annulé." },
        mailAbsentSubject: { "\($0) est absent – PersoSelfService" },
        mailAbsent: { person, when in "\(person) est absent : \(when)." },
        mailSee: "À consulter dans PersoSelfService :",
        mailSignature: "PersoSelfService"
    )
}
