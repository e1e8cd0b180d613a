import PersoCore

extension AbsenceTexts {
    static let dutch = AbsenceTexts(
        absencesTitle: "Verlof en afwezigheden",
        absencesLead: "Uw saldi, een nieuwe aanvraag en wat er met uw aanvragen is gebeurd.",
        teamTitle: "Mijn team",
        teamLead: "Wie wanneer afwezig is, en de aanvragen die op uw beslissing wachten. De reden van een afwezigheid wordt hier nooit getoond.",
        sickTitle: "Ziekteverlof melden",
        sickLead: "Geef de dagen op waarop u ziek bent en voeg uw medisch attest toe. Niemand behalve u en de medische controledienst ziet het attest; uw chef en uw collega’s zien alleen dat u afwezig bent.",
        requestTitle: "Te beslissen aanvraag",
        absenceTitle: "Afwezigheid",
        typeName: { type in
            switch type {
            case .annual: "Jaarlijks vakantieverlof"
            case .compensatory: "Compensatieverlof"
            case .marriage: "Omstandigheidsverlof: huwelijk of wettelijke samenwoning"
            case .birth: "Omstandigheidsverlof: geboorte van een kind"
            case .deathClose: "Omstandigheidsverlof: overlijden van de echtgenoot, partner, een kind of een ouder"
            case .deathRelative: "Omstandigheidsverlof: overlijden van een grootouder, kleinkind, broer of zus"
            case .exceptional: "Verlof om dwingende redenen van familiaal belang"
            case .sick: "Ziekteverlof"
            }
        },
        statusName: { status in
            switch status {
            case .requested: "Wacht op goedkeuring"
            case .approved: "Goedgekeurd"
            case .refused: "Geweigerd"
            case .withdrawn: "Ingetrokken"
            case .cancellationRequested: "Annulering gevraagd"
            case .cancelled: "Geannuleerd"
            case .recorded: "Geregistreerd"
            }
        },
        partName: { part in
            switch part {
            case .full: "Hele dagen"
            case .morning: "Voormiddag"
            case .afternoon: "Namiddag"
            case .hours: "Uren"
            }
        },
        balancesTitle: "Mijn saldi",
        balanceYear: { "Jaar \($0)" },
        balanceType: "Verlof",
        entitled: "Recht",
        taken: "Opgenomen",
        planned: "Gepland",
        left: "Resterend",
        perEvent: { "\($0) werkdagen per gebeurtenis" },
        hoursNote: "In uren en minuten van uw arbeidsregeling.",
        carriedOver: { amount, deadline in "Inclusief \(amount) overgedragen van vorig jaar, op te nemen uiterlijk op \(deadline)." },
        lapsed: { "Het overgedragen saldo van vorig jaar (\($0)) werd niet op tijd opgenomen en is vervallen." },
        requestLegend: "Verlof aanvragen",
        typeLabel: "Soort verlof",
        fromLabel: "Van",
        toLabel: "Tot en met",
        toHint: "Laat leeg voor één dag. Halve dagen en uren vraagt u per dag aan.",
        partLabel: "Welk deel van de dag",
        startLabel: "Van (uur)",
        endLabel: "Tot (uur)",
        requestButton: "Aanvraag versturen",
        notInRegister: "U staat nog niet in het HR-register van uw organisatie, dus PersoSelfService kan uw verlof niet berekenen. Neem contact op met uw HR-dienst.",
        fixErrors: "De aanvraag werd niet verstuurd. Verbeter wat hieronder is aangeduid.",
        unreadableDay: "Geef de dagen op als datums.",
        endBeforeStart: "De laatste dag valt vóór de eerste.",
        tooFar: "Verlof kan ten hoogste een jaar vooraf worden aangevraagd.",
        severalDaysForPart: "Halve dagen en uren vraagt u per dag aan: laat de laatste dag leeg.",
        weekend: { "Op \($0) is het weekend: laat uw verlof op een werkdag beginnen en eindigen." },
        holiday: { day, name in "Op \(day) is het een feestdag (\(name)): daarvoor hebt u geen verlof nodig." },
        freeDay: { "Op \($0) werkt u niet volgens uw arbeidsregeling." },
        badHours: "Geef een begin- en een einduur op (bijvoorbeeld 13:00 en 16:30), het einde na het begin, niet langer dan uw werkdag.",
        inThePast: "Verlof vraagt u aan voordat het begint. Neem voor een dag die al voorbij is contact op met uw chef.",
        acrossYears: "Saldi gelden per jaar: vraag de dagen van elk jaar in een afzonderlijke aanvraag aan.",
        overBalance: { "Onvoldoende saldo voor deze aanvraag: voor deze dagen blijft er \($0) over." },
        overlaps: { "U bent al afwezig of hebt al verlof aangevraagd op \($0)." },
        holidayName: { holiday in
            switch holiday {
            case .newYear: "Nieuwjaar"
            case .secondOfJanuary: "2 januari"
            case .easterMonday: "Paasmaandag"
            case .labourDay: "Feest van de Arbeid"
            case .ascension: "Hemelvaart"
            case .whitMonday: "Pinkstermaandag"
            case .nationalDay: "Nationale feestdag"
            case .assumption: "Onze-Lieve-Vrouw-Hemelvaart"
            case .allSaints: "Allerheiligen"
            case .armistice: "Wapenstilstand"
            case .kingsFeast: "Koningsdag"
            case .christmas: "Kerstmis"
            case .boxingDay: "26 december"
            }
        },
        myAbsencesTitle: "Mijn aanvragen en afwezigheden",
        noAbsences: "Nog geen afwezigheden.",
        whenColumn: "Wanneer",
        typeColumn: "Soort",
        lengthColumn: "Uren",
        statusColumn: "Status",
        actionsColumn: "Acties",
        withdraw: "Intrekken",
        askCancellation: "Annulering vragen",
        details: "Details",
        requested: "Uw aanvraag werd naar uw chef gestuurd. U krijgt een e-mail zodra er een beslissing is.",
        withdrawn: "Uw aanvraag werd ingetrokken.",
        cancellationAsked: "Uw chef werd gevraagd dit verlof te annuleren. Het blijft gepland tot uw chef akkoord gaat.",
        sickRecorded: "Uw ziekteverlof is geregistreerd. Uw chef werd op de hoogte gebracht van uw afwezigheid, zonder de reden.",
        notPossibleAnyMore: "Dit is niet meer mogelijk: de aanvraag is intussen gewijzigd.",
        sickLink: "Ziekteverlof melden",
        certificateLabel: "Medisch attest",
        certificateHint: "PDF, JPEG of PNG, maximaal 10 MB.",
        sickButton: "Mijn ziekteverlof registreren",
        certificateMissing: "Voeg uw medisch attest toe.",
        certificateRefused: "Het attest kon niet worden aanvaard: stuur een PDF-, JPEG- of PNG-bestand van maximaal 10 MB.",
        sickPrivacy: "Alleen u ziet het attest hier.",
        certificateLink: "Mijn attest",
        historyTitle: "Geschiedenis",
        historyLine: { action, actor, capacity, onBehalfOf in
            let who = capacity == .substitute ? "\(actor), vervanger van \(onBehalfOf ?? "de chef")" : actor
            return switch action {
            case .requested: "Aangevraagd door \(who)"
            case .approved: capacity == .register ? "Goedgekeurd: geen chef in het HR-register" : "Goedgekeurd door \(who)"
            case .refused: "Geweigerd door \(who)"
            case .withdrawn: "Ingetrokken door \(who)"
            case .cancellationRequested: "Annulering gevraagd door \(who)"
            case .cancelled: capacity == .register ? "Geannuleerd" : "Geannuleerd met akkoord van \(who)"
            case .cancellationRefused: "Annulering geweigerd door \(who): het verlof blijft behouden"
            case .recorded: "Geregistreerd door \(who)"
            }
        },
        reasonLabel: "Reden",
        waitingTitle: "Wacht op uw beslissing",
        noneWaiting: "Er wacht geen enkele aanvraag op u.",
        personColumn: "Persoon",
        open: "Openen",
        approve: "Goedkeuren",
        refuse: "Weigeren",
        agreeCancellation: "Annulering aanvaarden",
        keepLeave: "Verlof behouden",
        refusalReasonLabel: "Reden (verplicht bij weigering)",
        refusalReasonHint: "De persoon leest ze in de e-mail en in de geschiedenis van de aanvraag.",
        reasonMissing: "Zeg waarom u weigert: de persoon zal het lezen.",
        decided: "Uw beslissing is geregistreerd en de persoon werd per e-mail op de hoogte gebracht.",
        alreadyDecided: "Over deze aanvraag werd al beslist of ze werd ingetrokken: er is niets gewijzigd.",
        notYours: "U mag niet over deze aanvraag beslissen: u bent niet de chef van deze persoon en vandaag ook niet de vervanger van diens chef.",
        asksCancellation: "Vraagt de annulering van al goedgekeurd verlof.",
        balanceAfter: { "Saldo na deze aanvraag: \($0)" },
        calendarTitle: { "Wie is er afwezig in \($0)" },
        previousMonth: "Vorige maand",
        nextMonth: "Volgende maand",
        away: "Afwezig",
        awayHalf: "Een deel van de dag afwezig",
        teleworking: "Telewerk",
        asked: "Aangevraagd",
        legend: "Afwezig: met verlof of om een andere reden afwezig (er wordt geen reden vermeld). Aangevraagd: een aanvraag waarover nog niet is beslist. Telewerk (⌂): die dag thuiswerk.",
        noTeam: "Niemand in het HR-register heeft u als chef.",
        standingIn: { "U vervangt vandaag \($0): de aanvragen van diens team staan ook in de lijst." },
        substitutesTitle: "Mijn afwezigheid en mijn vervanger",
        substitutesLead: "Terwijl u afwezig bent, beslist de persoon die u hier aanwijst in uw plaats over de aanvragen van uw team. Bij elke beslissing staat dat ze als uw vervanger werd genomen.",
        awayFrom: "Afwezig van",
        awayTo: "Afwezig tot en met",
        substituteLabel: "Vervanger",
        saveSubstitute: "Mijn vervanger aanwijzen",
        substituteSaved: "Uw vervanger is voor die dagen aangewezen.",
        substituteRemoved: "De vervanging werd verwijderd.",
        removeSubstitute: "Verwijderen",
        substitutionLine: { name, first, last in "\(name) vervangt u van \(first) tot en met \(last)." },
        substituteProblem: "Kies een vervanger en geef de dagen op als datums, de laatste niet vóór de eerste en niet in het verleden.",
        mailGreeting: { "Beste \($0)," },
        mailRequestedSubject: { "Verlofaanvraag van \($0) – PersoSelfService" },
        mailRequested: { person, type, when in "\(person) heeft een aanvraag ingediend voor \(type.lowercased()): \(when)." },
        mailDecide: "Keur de aanvraag goed of weiger ze in PersoSelfService:",
        mailApprovedSubject: "Uw verlof is goedgekeurd – PersoSelfService",
        mailRefusedSubject: "Uw verlofaanvraag is geweigerd – PersoSelfService",
        mailDecided: { approved, type, when in approved ? "Uw aanvraag voor \(type.lowercased()) (\(when)) is goedgekeurd." : "Uw aanvraag voor \(type.lowercased()) (\(when)) is geweigerd." },
        mailBySubstitute: { "Beslist door \($0) als vervanger van uw chef." },
        mailReason: { "Reden: \($0)" },
        mailCancellationAskedSubject: { "\($0) vraagt de annulering van goedgekeurd verlof – PersoSelfService" },
        mailCancellationAsked: { person, when in "\(person) vraagt de annulering van goedgekeurd verlof: \(when)." },
        mailCancellationDecidedSubject: { $0 ? "Uw verlof is geannuleerd – PersoSelfService" : "Uw verlof blijft behouden – PersoSelfService" },
        mailCancellationDecided: { agreed, type, when in agreed ? "Uw \(type.lowercased()) (\(when)) is geannuleerd, zoals u hebt gevraagd." : "Uw chef heeft uw \(type.lowercased()) (\(when)) behouden: het is niet geannuleerd." },
        mailAbsentSubject: { "\($0) is afwezig – PersoSelfService" },
        mailAbsent: { person, when in "\(person) is afwezig: \(when)." },
        mailSee: "Bekijk het in PersoSelfService:",
        mailSignature: "PersoSelfService"
    )
}
