// Les mentions du pied de page en français.

extension FederalNoticeTexts {
    static let french = FederalNoticeTexts(
        accessibilityTitle: "Déclaration d’accessibilité",
        accessibilityLead: "Le service public fédéral qui exploite cette installation PersoPoint s’engage à la rendre accessible, conformément à la loi du 19 juillet 2018 relative à l’accessibilité des sites internet et des applications mobiles des organismes du secteur public, qui transpose la directive (UE) 2016/2102. La présente déclaration s’applique au portail d’accès, à la passerelle d’authentification et aux applications de cette installation (PersoSelfService, PersoContact et l’eBox).",
        accessibilitySections: [
            NoticeSection(heading: "État de conformité", paragraphs: [
                "PersoPoint vise le niveau AA des règles pour l’accessibilité des contenus web (WCAG) 2.2. Il est partiellement conforme à ce niveau : la plupart des pages sont conformes, mais les contenus énumérés ci-dessous ne le sont pas encore entièrement.",
                "La référence légale est la norme européenne EN 301 549, qui renvoie au niveau AA des WCAG 2.1 ; nous appliquons en outre les critères ajoutés par les WCAG 2.2.",
            ]),
            NoticeSection(
                heading: "Contenus non accessibles",
                paragraphs: ["Les contenus suivants ne sont pas conformes :"],
                items: [
                    "Le token imprimable. Les 24 codes d’un nouveau token sont présentés dans une grille de six lignes de quatre cases, chacune avec son numéro de position et son code. La grille n’a pas d’en-têtes de lignes ni de colonnes : un lecteur d’écran la lit case par case, et il est malaisé d’y retrouver rapidement le code numéro N. Si cela vous gêne, choisissez plutôt les codes de sécurité par e-mail ou une application d’authentification, ou adressez-vous au service d’assistance.",
                    "Le code QR de l’application d’authentification. Lorsque vous configurez une application d’authentification, le code QR n’est décrit aux lecteurs d’écran que par son rôle (« Code QR à scanner avec votre application d’authentification ») ; l’image elle-même ne peut pas être lue. Le secret qu’elle contient est affiché en texte à côté, pour que vous puissiez le saisir dans l’application au lieu de scanner, mais les autres réglages qu’elle transmet (le nom du compte et l’émetteur « PersoPoint ») ne sont pas donnés en texte.",
                    "Le lecteur de carte eID. Lorsque vous vous connectez avec votre carte d’identité, la fenêtre où vous choisissez le certificat de votre carte et celle où vous tapez votre code PIN sont affichées par votre navigateur et par le logiciel eID, et non par PersoPoint. Leur accessibilité dépend de votre navigateur, de votre système d’exploitation et du logiciel eID ; nous ne pouvons pas la modifier.",
                    "Les documents PDF. Les documents que les applications délivreront, comme les fiches de paie et les décisions déposées dans l’eBox, sont produits par les services qui les envoient. Ils peuvent ne pas être balisés pour les lecteurs d’écran. Si vous avez besoin d’un tel document sous une autre forme, demandez-le au service d’assistance.",
                ]
            ),
            NoticeSection(heading: "Établissement de cette déclaration", paragraphs: [
                "Cette déclaration a été établie le 30 novembre 2026. Elle repose sur une auto-évaluation, par l’équipe qui développe PersoPoint, au regard des critères de succès des WCAG 2.2 ; aucun audit indépendant n’a encore été réalisé. Elle est revue à chaque modification importante des pages, et au moins une fois par an.",
            ]),
            NoticeSection(heading: "Signaler un problème", paragraphs: [
                "Vous rencontrez un problème d’accessibilité sur ces pages, ou vous avez besoin d’un contenu sous une forme accessible ? Contactez le service d’assistance de cette installation. Indiquez sur quelle page le problème se pose et ce que vous cherchiez à faire ; le service d’assistance vous répondra et, si possible, vous fournira l’information par un autre moyen.",
            ], linksToHelpDesk: true),
            NoticeSection(heading: "Procédure de recours", paragraphs: [
                "Si la réponse ne vous satisfait pas, ou si vous n’en recevez pas, vous pouvez introduire une plainte auprès du Médiateur fédéral, qui traite les plaintes relatives à l’accessibilité des sites internet et des applications des services publics fédéraux. L’introduction d’une plainte est gratuite.",
            ]),
        ],
        privacyTitle: "Protection de la vie privée",
        privacyLead: "Cette page explique quelles données à caractère personnel cette installation PersoPoint traite lorsque vous vous connectez et utilisez ses applications, pourquoi, pendant combien de temps, qui les reçoit et quels sont vos droits en vertu du règlement général sur la protection des données (RGPD).",
        privacySections: { idle, max in [
            NoticeSection(heading: "Responsable du traitement", paragraphs: [
                "Le responsable du traitement est le service public fédéral qui exploite cette installation PersoPoint. Vous pouvez le joindre, ainsi que son délégué à la protection des données, par l’intermédiaire du service d’assistance.",
            ]),
            NoticeSection(heading: "Données traitées", items: [
                "Votre identité : numéro de registre national, prénom et nom, langue préférée, ainsi que les organisations et les rôles dans lesquels vous travaillez, tels qu’enregistrés par votre service RH ou par un bureau d’enregistrement.",
                "Votre adresse e-mail de contact, pour vous envoyer des codes de sécurité et des avis.",
                "Vos clés numériques : votre nom d’utilisateur ; votre mot de passe, conservé uniquement sous forme d’empreinte (Argon2id), qui ne permet pas de le retrouver ; les codes de votre token et les codes envoyés par e-mail, conservés uniquement sous forme d’empreinte ; le secret de votre application d’authentification, que la norme nous impose de conserver pour vérifier ses codes. Lorsque vous vous connectez avec votre eID, le certificat de votre carte est lu et sa validité est vérifiée auprès de l’autorité de certification qui l’a émis.",
                "Les événements de connexion : date et heure, clé et application utilisées, réussite ou échec, votre adresse IP et l’identification de votre navigateur (user agent). Vous pouvez consulter les vôtres dans « Mon activité ».",
                "La protection contre les tentatives de deviner un mot de passe : des compteurs d’échecs par nom d’utilisateur et par adresse IP et, dans un navigateur avec lequel vous vous êtes connecté, une marque aléatoire (un cookie) que nous ne conservons que sous forme d’empreinte.",
                "Votre session : un identifiant aléatoire dans un cookie ; sur le serveur, qui est connecté, comment et à quelles applications.",
                "Dans PersoSelfService : l’adresse, le numéro de téléphone, l’adresse e-mail privée et le numéro de compte bancaire (IBAN) que vous communiquez, avec l’historique de vos modifications.",
                "Les copies des e-mails qui vous sont envoyés (codes de sécurité, confirmations).",
            ]),
            NoticeSection(heading: "Finalités et base légale", paragraphs: [
                "Nous traitons ces données pour vous donner un accès sécurisé à vos applications RH et pour en assurer la sécurité : établir qui vous êtes, protéger votre compte contre les abus et vous permettre de vérifier, dans « Mon activité », qui s’est connecté avec vos clés. Les bases légales sont l’article 6, paragraphe 1, point c), du RGPD (obligation légale, notamment la sécurité des systèmes d’information des services publics fédéraux) et l’article 6, paragraphe 1, point e), du RGPD (mission d’intérêt public : la gestion du personnel de la fonction publique fédérale).",
                "Le numéro de registre national est utilisé dans les limites de la loi du 8 août 1983 organisant un registre national des personnes physiques.",
            ]),
            NoticeSection(heading: "Durée de conservation", items: [
                "Événements de connexion : 6 mois (183 jours), après quoi ils sont effacés.",
                "Sessions : \(max) au maximum ; une session prend fin également après \(idle) sans activité.",
                "Codes envoyés par e-mail : valables 10 minutes ; copies des e-mails : 30 jours après leur envoi.",
                "Marques de navigateur : 180 jours après votre dernière connexion dans ce navigateur.",
                "Compteurs d’échecs : un jour après le dernier échec ou, s’ils ont bloqué une clé, jusqu’à son déblocage.",
                "Identité, adresse de contact et clés : tant que vous avez accès à PersoPoint.",
                "Données de PersoSelfService : aussi longtemps que votre dossier du personnel est conservé selon les règles qui lui sont applicables.",
            ]),
            NoticeSection(heading: "Destinataires", paragraphs: [
                "Les applications auxquelles vous vous connectez ne reçoivent que les données que leur enregistrement autorise (par exemple vos nom et prénom, votre adresse e-mail, votre numéro de registre national et vos rôles), et uniquement lorsque vous vous y connectez. Les prestataires techniques, comme le serveur de messagerie qui achemine nos e-mails, ne les traitent que sur instruction du service qui exploite cette installation. Vos données ne sont ni vendues ni utilisées à des fins de publicité ou de profilage.",
            ]),
            NoticeSection(heading: "Vos droits", paragraphs: [
                "Vous pouvez demander l’accès à vos données, leur rectification, leur effacement lorsque la loi le permet (les données que nous devons conserver en vertu d’une obligation légale ou d’une mission d’intérêt public ne peuvent pas être effacées avant leur terme) et la limitation de leur traitement, et vous pouvez vous opposer à ce traitement. Vous voyez déjà vos connexions dans « Mon activité » et vos données personnelles dans PersoSelfService. Pour exercer vos droits, contactez le service d’assistance.",
                "Si vous estimez que vos données ne sont pas traitées conformément à la loi, vous pouvez introduire une plainte auprès de l’Autorité de protection des données, rue de la Presse 35, 1000 Bruxelles.",
            ], linksToHelpDesk: true),
        ] },
        cookiesTitle: "Cookies",
        cookiesLead: "PersoPoint n’utilise que des cookies strictement nécessaires au service que vous demandez : vous garder connecté, retenir la langue que vous avez choisie et protéger votre compte. Il n’utilise aucun cookie de statistiques, de publicité ou de traçage, ni aucun cookie tiers. Les cookies strictement nécessaires ne requièrent pas votre consentement ; c’est pourquoi PersoPoint ne vous demande pas d’accepter des cookies.",
        cookieTableCaption: "Les cookies placés par PersoPoint",
        cookieNameHeader: "Nom",
        cookiePurposeHeader: "Finalité",
        cookieLifetimeHeader: "Durée",
        sessionCookiePurpose: "Vous garde connecté. Il ne contient qu’un identifiant aléatoire ; ce qu’il désigne (qui est connecté, comment et à quelles applications) reste sur le serveur. La passerelle d’authentification et les applications de cette installation le partagent.",
        sessionCookieLifetime: { idle, max in "Jusqu’à la fermeture de votre navigateur ou votre déconnexion. Le serveur met fin à la session après \(idle) sans activité, et en tout cas après \(max)." },
        preLoginCookiePurpose: "Avant que vous vous connectiez, garde ce dont un formulaire ou une connexion en cours a besoin (la protection du formulaire contre la falsification, l’application qui vous a envoyé). Son contenu est chiffré et scellé par le serveur : il ne peut être ni lu ni modifié, et ne contient rien sur vous. Il est remplacé par le cookie de session dès que vous vous connectez.",
        preLoginCookieLifetime: { idle in "Jusqu’à la fermeture de votre navigateur ou votre connexion ; le serveur ne l’accepte plus après \(idle) sans activité." },
        languageCookiePurpose: "Retient la langue que vous avez choisie (français, néerlandais, allemand ou anglais).",
        languageCookieLifetime: "1 an",
        deviceCookiePurpose: "Marque un navigateur dans lequel vous vous êtes connecté, afin que les mots de passe erronés qui y sont tapés pour votre nom d’utilisateur soient comptés à part des essais d’inconnus : quelqu’un qui tente de deviner votre mot de passe ne peut pas vous bloquer dans votre propre navigateur. Il contient une valeur aléatoire, que le serveur ne conserve que sous forme d’empreinte.",
        deviceCookieLifetime: "180 jours après votre dernière connexion dans ce navigateur",
        employerCookiePurpose: "Dans PersoContact, retient si vous travaillez pour le BOSA ou pour un autre service public fédéral, pour que la question ne vous soit pas posée à chaque visite.",
        employerCookieLifetime: "1 an, ou jusqu’à ce que vous changiez votre réponse",
        cookiesSections: [
            NoticeSection(heading: "Protection des cookies", paragraphs: [
                "Chaque cookie n’est envoyé qu’à ce site, ne peut pas être lu par les scripts des pages (HttpOnly) et, lorsque le site est servi en HTTPS, ne circule que par une connexion chiffrée.",
            ]),
            NoticeSection(heading: "Conservé dans votre navigateur sans cookie", paragraphs: [
                "Pendant que vous remplissez un formulaire dans une application, ce que vous tapez est conservé dans le stockage local de votre navigateur, sur votre appareil uniquement, afin de ne pas être perdu si vous devez vous reconnecter. Il est effacé dès l’envoi du formulaire, à votre déconnexion, et au plus tard après 12 heures.",
            ]),
            NoticeSection(heading: "Refuser ou supprimer les cookies", paragraphs: [
                "Vous pouvez supprimer ces cookies à tout moment dans les paramètres de votre navigateur. Sans le cookie de session, vous ne pouvez pas vous connecter ; sans le cookie de langue, les pages s’affichent dans la langue de votre navigateur ; sans la marque de navigateur, vos essais de mot de passe sont comptés avec ceux de tout le monde.",
            ]),
        ],
        helpDeskTitle: "Contacter le service d’assistance",
        helpDeskLead: "Le service d’assistance de cette installation vous aide à vous connecter, à activer ou remplacer vos clés numériques et à utiliser les applications PersoPoint. Contactez-le aussi pour signaler un problème d’accessibilité ou pour exercer vos droits en matière de protection des données.",
        helpDeskPhoneLabel: "Téléphone",
        helpDeskEmailLabel: "E-mail",
        helpDeskHoursLabel: "Heures d’ouverture",
        helpDeskNotPublished: "Le service d’assistance de cette installation n’a pas encore publié ses coordonnées. En attendant, veuillez contacter le service RH de votre organisation.",
        helpDeskAdvice: [
            "Pour une question sur votre dossier du personnel (rémunération, congés, carrière), utilisez PersoContact ou contactez votre service RH.",
            "Si une page d’erreur vous a indiqué un numéro de demande, communiquez-le au service d’assistance : il aide à retrouver ce qui s’est passé.",
            "Le service d’assistance ne vous demandera jamais votre mot de passe, le code PIN de votre carte d’identité ni vos codes de sécurité.",
        ],
        helpDeskLink: "Contacter le service d’assistance",
        minutes: { $0 == 1 ? "1 minute" : "\($0) minutes" },
        hours: { $0 == 1 ? "1 heure" : "\($0) heures" }
    )
}
