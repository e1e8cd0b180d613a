extension OfficeTexts {
    static let french = OfficeTexts(
        offices: OfficeWords(
            title: "Bureaux d’enregistrement",
            lead: "Vous n’avez ni lecteur de carte eID ni itsme ? Prenez rendez-vous auprès du bureau d’enregistrement de votre choix ou du SPF BOSA : on vous y aidera à créer vos clés numériques.",
            bring: [
                "Apportez votre carte d’identité ou votre passeport : votre identité est contrôlée sur cette base.",
                "Vous devez disposer d’une adresse e-mail personnelle : votre lien d’activation y est envoyé.",
            ],
            languages: { "Langues parlées : \($0.joined(separator: ", "))" },
            slotLength: { "Rendez-vous de \($0) minutes" },
            hours: "Heures d’ouverture",
            weekdays: ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"],
            closed: "Fermé",
            book: "Prendre rendez-vous"
        ),
        booking: BookingWords(
            title: { "Prendre rendez-vous — \($0)" },
            moveTitle: "Choisir un autre créneau",
            chooseSlot: "Choisissez un créneau",
            week: { "Du \($0) au \($1)" },
            earlier: "Plus tôt",
            later: "Plus tard",
            noSlots: "Aucun créneau libre ces jours-là. Consultez les jours suivants.",
            yourDetails: "Vos coordonnées",
            givenName: "Prénom",
            surname: "Nom",
            email: "Adresse e-mail personnelle",
            emailHint: "La confirmation y est envoyée dès maintenant, et votre lien d’activation après le rendez-vous.",
            document: "Le document que vous apporterez",
            book: "Réserver ce rendez-vous",
            moveButton: "Déplacer mon rendez-vous",
            back: "Retour",
            slotTaken: "Quelqu’un vient de réserver la dernière place à cette heure-là. Choisissez un autre créneau ; les données que vous avez saisies sont conservées.",
            alreadyBooked: "Cette adresse e-mail a déjà un rendez-vous à venir. Déplacez-le ou annulez-le avec le lien de son e-mail de confirmation.",
            namesMissing: "Indiquez votre prénom et votre nom tels qu’ils figurent sur votre document d’identité.",
            emailInvalid: "Indiquez une adresse e-mail valable, par exemple nom@example.be."
        ),
        appointment: AppointmentWords(
            title: "Votre rendez-vous",
            when: "Quand",
            whereLabel: "Où",
            who: "Pour",
            document: "Document à apporter",
            calendar: "Ajouter à mon agenda (.ics)",
            move: "Choisir un autre créneau",
            cancel: "Annuler le rendez-vous",
            booked: { "Votre rendez-vous est réservé. Une confirmation a été envoyée à \($0)." },
            moved: { "Votre rendez-vous a été déplacé. Une nouvelle confirmation a été envoyée à \($0)." },
            cancelled: "Votre rendez-vous est annulé.",
            isCancelled: "Ce rendez-vous a été annulé.",
            isMoved: "Ce rendez-vous a été remplacé par un autre créneau : utilisez le lien figurant dans le dernier e-mail de confirmation.",
            attended: "Ce rendez-vous a eu lieu.",
            offices: "Tous les bureaux d’enregistrement"
        ),
        mail: MailWords(
            hello: { "Bonjour \($0)," },
            signature: "PersoPoint — les bureaux d’enregistrement du service public fédéral",
            bookedSubject: { "Votre rendez-vous auprès de \($0)" },
            bookedBody: { "Votre rendez-vous auprès de \($0) est fixé au \($1)." },
            movedSubject: { "Votre rendez-vous auprès de \($0) a été déplacé" },
            movedBody: { "Votre rendez-vous auprès de \($0) a désormais lieu le \($1)." },
            address: { "Adresse : \($0)" },
            bring: { "À apporter : \($0). Vous devez également disposer d’une adresse e-mail personnelle." },
            manage: { "Pour consulter, déplacer ou annuler votre rendez-vous : \($0)" },
            reminderSubject: { "Rappel : votre rendez-vous de demain auprès de \($0)" },
            reminderBody: { "Nous vous rappelons votre rendez-vous auprès de \($0) le \($1)." },
            reminderManage: "Pour le déplacer ou l’annuler, utilisez le lien figurant dans votre e-mail de confirmation.",
            cancelledSubject: { "Votre rendez-vous auprès de \($0) est annulé" },
            cancelledBody: { "Votre rendez-vous auprès de \($0) du \($1) est annulé." },
            bookAgain: { "Pour prendre un nouveau rendez-vous : \($0)" },
            calendarSummary: { "Rendez-vous au bureau d’enregistrement \($0)" },
            activationSubject: "Activez vos clés numériques",
            activationBody: { "Le bureau d’enregistrement \($0) a procédé à votre enregistrement. Pour activer vos clés numériques, ouvrez ce lien et saisissez le code d’activation imprimé sur la lettre que le bureau vous a remise :" },
            activationExpiry: { "Le lien et le code sont valables jusqu’au \($0), pour une seule utilisation." },
            activationNotYou: "Si vous ne vous êtes présenté(e) à aucun bureau d’enregistrement, n’utilisez pas ce lien et contactez le helpdesk."
        ),
        desk: DeskWords(
            signedInAs: "Agent d’enregistrement :",
            logout: "Se déconnecter",
            menu: "Back-office",
            workingAt: { "Bureau : \($0)" },
            office: "Bureau",
            switchOffice: "Changer",
            findLabel: "Numéro de registre national, nom ou adresse e-mail",
            find: "Rechercher",
            agendaTitle: "Agenda du jour",
            previousDay: "Jour précédent",
            nextDay: "Jour suivant",
            today: "Aujourd’hui",
            agendaNone: "Aucun rendez-vous ce jour-là.",
            time: "Heure",
            name: "Nom",
            document: "Document annoncé",
            status: "Statut",
            statusName: { ["booked": "Attendu", "attended": "Enregistré", "cancelled": "Annulé", "moved": "Déplacé"][$0] ?? $0 },
            registerAction: "Enregistrer",
            open: "Ouvrir",
            findTitle: "Rechercher une personne",
            resultsFor: { "Résultats pour « \($0) »" },
            nobody: "Aucune personne trouvée. Vérifiez le numéro ou enregistrez la personne.",
            registerNew: "Enregistrer une nouvelle personne",
            notOfficerTitle: "Réservé aux agents d’enregistrement",
            notOfficerBody: "Ce back-office est réservé aux agents d’enregistrement d’un bureau. Votre compte ne dispose pas de ce rôle : si vous devriez l’avoir, adressez-vous à l’administrateur de votre bureau.",
            notAdministratorTitle: "Réservé aux administrateurs du bureau",
            notAdministratorBody: "Les paramètres et le personnel du bureau sont gérés par ses administrateurs. Adressez-vous à l’un d’eux si quelque chose doit changer.",
            toOffices: "Aller aux bureaux d’enregistrement"
        ),
        register: RegisterWords(
            title: "Enregistrer une personne",
            fix: "La personne n’a pas pu être enregistrée :",
            problem: { problem in
                switch problem {
                case .nrn: "Le numéro de registre national n’est pas valable (11 chiffres avec un nombre de contrôle correct)."
                case .names: "Indiquez le prénom et le nom tels qu’ils figurent sur le document."
                case .language: "Choisissez une langue."
                case .email: "Une adresse e-mail personnelle est obligatoire : le lien d’activation y est envoyé."
                case .organisation: "Choisissez une organisation pour laquelle ce bureau effectue les enregistrements."
                case .documentNumber: "Saisissez le numéro du document (5 à 20 lettres et chiffres)."
                case .documentCountry: "Choisissez le pays qui a délivré le document (une eID belge est délivrée par la Belgique)."
                case .documentExpiry: "Indiquez la date de fin de validité du document."
                case .documentExpired: "Ce document est périmé : il ne permet pas de prouver l’identité de la personne. Demandez une carte d’identité ou un passeport en cours de validité."
                case .alreadyRegistered: "Une personne portant ce numéro de registre national est déjà enregistrée."
                }
            },
            openExisting: "Ouvrir la page de cette personne pour délivrer une nouvelle activation",
            identity: "Identité",
            nrn: "Numéro de registre national",
            nrnHint: "11 chiffres, comme sur le document d’identité ou la carte de séjour.",
            givenName: "Prénom",
            surname: "Nom",
            language: "Langue",
            email: "Adresse e-mail personnelle",
            emailHint: "Obligatoire : le lien d’activation y est envoyé.",
            emailRequired: "Une adresse e-mail personnelle valable est obligatoire : le lien d’activation y est envoyé.",
            organisation: "Organisation",
            documentSeen: "Document d’identité contrôlé",
            documentType: "Type",
            documentNumber: "Numéro",
            documentCountry: "Pays de délivrance",
            documentExpiry: "Valable jusqu’au",
            choose: "Choisir…",
            keys: "Clés que la personne activera",
            keysHint: "La personne les active chez elle à l’aide de la lettre et du lien reçu par e-mail. Une carte token peut aussi être imprimée ici, depuis la page de la personne.",
            submit: "Enregistrer et imprimer la lettre d’activation"
        ),
        letter: LetterWords(
            title: "Activation de vos clés numériques",
            printNow: { "Enregistrement effectué. Imprimez cette lettre et remettez-la à la personne ; le lien a été envoyé par e-mail à \($0)." },
            dear: { "À l’attention de \($0) \($1)" },
            lead: "Votre enregistrement a été effectué au bureau d’enregistrement. Pour activer vos clés numériques, il vous faut deux choses : cette lettre et le lien envoyé à votre adresse e-mail personnelle.",
            codeLabel: "Votre code d’activation :",
            validUntil: { "Valable jusqu’au \($0), pour une seule utilisation." },
            steps: { email in [
                "Ouvrez l’e-mail envoyé à \(email) et cliquez sur le lien.",
                "Saisissez le code d’activation ci-dessus (majuscules, chiffres et tirets tels qu’imprimés, ou sans les tirets).",
                "Choisissez votre nom d’utilisateur et votre mot de passe (12 caractères au minimum).",
                "Imprimez ou notez votre carte token si vous en avez choisi une ; connectez-vous ensuite à PersoSelfService.",
            ] },
            keysComing: "Clés qui seront activées :",
            keepSecret: "Gardez cette lettre pour vous : avec l’e-mail, elle donne accès à votre compte.",
            toPerson: "Ouvrir la page de la personne"
        ),
        person: PersonWords(
            usernameIs: { $0.map { "nom d’utilisateur : \($0)" } ?? "pas encore de nom d’utilisateur" },
            done: { what in
                ["contact": "Coordonnées enregistrées.", "key-removed": "La clé a été désactivée.", "unlocked": "Le mot de passe et les codes sont débloqués.",
                 "nothing-locked": "Rien n’était bloqué.", "role-granted": "Le rôle a été attribué.", "role-revoked": "Le rôle a été retiré."][what]
            },
            contact: "Coordonnées",
            save: "Enregistrer",
            keys: "Clés numériques",
            noKeys: "Aucune clé pour l’instant.",
            key: "Clé",
            status: "Statut",
            lastUsed: "Dernière utilisation",
            remove: "Désactiver",
            printCard: "Imprimer maintenant une nouvelle carte token",
            printCardHint: "Pour une personne qui ne peut pas imprimer chez elle : la carte remplace toute carte antérieure.",
            cardPrinted: "Imprimez cette carte et remettez-la à la personne. Elle remplace toute carte antérieure.",
            unlock: "Débloquer le mot de passe et les codes de sécurité",
            newActivation: "Nouvelle activation",
            newActivationHint: "Une nouvelle lettre et un nouvel e-mail : l’activation précédente cesse de fonctionner.",
            issueActivation: "Délivrer une nouvelle lettre d’activation",
            roles: "Rôles",
            role: "Rôle",
            grant: "Attribuer",
            revoke: "Retirer",
            documents: "Documents d’identité contrôlés",
            validUntil: { "valable jusqu’au \($0)" },
            seenAt: { "contrôlé par \($0) le \($1)" },
            activity: "Activité (6 derniers mois)",
            noActivity: "Aucune activité au cours des 6 derniers mois.",
            activityHeadings: ["Quand", "Quoi", "Clé", "Application", "Provenance"]
        ),
        activation: ActivationWords(
            title: "Activer vos clés numériques",
            lead: { "Bonjour \($0). Le bureau d’enregistrement \($1) a préparé vos clés numériques. Saisissez le code d’activation figurant sur la lettre que le bureau vous a remise, puis choisissez votre nom d’utilisateur et votre mot de passe." },
            keysComing: "Ces clés seront activées :",
            code: "Code d’activation",
            codeHint: "12 caractères, tels qu’imprimés sur la lettre (tirets facultatifs).",
            username: "Nom d’utilisateur",
            usernameHint: "3 à 64 lettres, chiffres, points, traits d’union ou tirets bas.",
            password: "Mot de passe",
            passwordHint: "12 caractères au minimum. Une phrase de plusieurs mots est facile à retenir et difficile à deviner. N’utilisez ni votre nom ni un mot courant.",
            passwordAgain: "Confirmer le mot de passe",
            activate: "Activer mes clés",
            wrongCode: { "Ce code d’activation n’est pas correct. Il vous reste \($0) \($0 == 1 ? "essai" : "essais") avant le blocage de l’activation." },
            wait: { "Trop de codes erronés depuis votre connexion. Réessayez dans \($0) \($0 == 1 ? "seconde" : "secondes")." },
            passwordsDiffer: "Les deux mots de passe sont différents.",
            goneTitle: "Ce lien d’activation ne peut plus être utilisé",
            gone: { reason in
                switch reason {
                case .unknown: "Ce lien est inconnu. Vérifiez que vous l’avez copié en entier depuis l’e-mail."
                case .used: "Vos clés ont déjà été activées avec ce lien. Connectez-vous avec votre nom d’utilisateur et votre mot de passe."
                case .replaced: "Une lettre d’activation plus récente a remplacé celle-ci : utilisez le lien du dernier e-mail."
                case .expired: "Le lien et le code étaient valables 14 jours. Demandez une nouvelle activation à votre bureau d’enregistrement."
                case .blocked: "Trop de codes d’activation erronés : cette activation est bloquée. Demandez-en une nouvelle à votre bureau d’enregistrement."
                }
            },
            toOffices: "Les bureaux d’enregistrement",
            doneTitle: "Vos clés numériques sont actives",
            doneLead: { "Vous pouvez désormais vous connecter avec votre nom d’utilisateur « \($0) », votre mot de passe et votre code de sécurité." },
            passwordActive: "Nom d’utilisateur et mot de passe",
            keyActive: { "Active : \($0)" },
            cardTitle: "Votre carte token",
            cardHint: "Imprimez cette carte maintenant ou recopiez les codes : ils ne sont affichés qu’une seule fois. À chaque connexion, le code d’une position donnée vous est demandé.",
            totpHint: "Scannez ce code QR avec votre application d’authentification, ou saisissez le secret ci-dessous.",
            totpQRTitle: "Code QR pour l’application d’authentification",
            toSelfService: "Aller à PersoSelfService"
        ),
        settings: SettingsWords(
            title: "Paramètres du bureau",
            done: { ["saved": "Les paramètres sont enregistrés. Les rendez-vous déjà pris restent : appelez les personnes dont l’heure n’est plus ouverte.", "added": "L’agent a été ajouté.", "removed": "L’agent a été retiré."][$0] },
            office: "Le bureau",
            name: "Nom",
            address: "Adresse",
            languages: "Langues parlées",
            hoursHint: "Pour chaque jour, les plages d’ouverture séparées par des virgules, par exemple 09:00-12:00, 13:00-16:00 ; vide si fermé. Les jours fériés fédéraux sont toujours fermés.",
            closedDays: "Autres jours de fermeture",
            closedDaysHint: "Un jour par ligne, par exemple 2026-12-24.",
            slotMinutes: "Minutes par rendez-vous (5 à 240)",
            capacity: "Personnes reçues en même temps (1 à 50)",
            save: "Enregistrer les paramètres",
            invalid: "Certains paramètres sont illisibles : vérifiez les plages (09:00-12:00), les jours (2026-12-24), les nombres et qu’au moins une langue est choisie.",
            staff: "Agents de ce bureau",
            administrator: "administrateur",
            removeOfficer: "Retirer",
            officerNRN: "Numéro de registre national d’une personne enregistrée",
            addOfficer: "Ajouter comme agent",
            unknownPerson: "Aucune personne enregistrée n’a ce numéro de registre national.",
            notYourself: "Vous ne pouvez pas vous retirer vous-même : demandez-le à un autre administrateur."
        ),
        documentName: { type in
            switch type {
            case .eid: "Carte d’identité électronique belge (eID)"
            case .foreignEID: "Carte d’identité étrangère"
            case .passport: "Passeport"
            case .residenceCard: "Carte de séjour"
            }
        },
        languageName: { ["fr": "français", "nl": "néerlandais", "de": "allemand", "en": "anglais"][$0.rawValue] ?? $0.rawValue },
        roleName: { role in
            switch role {
            case .employee: "Collaborateur"
            case .manager: "Chef"
            case .hrOfficer: "Gestionnaire RH"
            case .caseHandler: "Gestionnaire de dossiers"
            case .registrationOfficer: "Agent d’enregistrement"
            }
        }
    )
}
