import PersoCore
// Help articles of the access portal in French, made from the sections of the user guide.

extension HelpArticle {
    static func french(_ topic: HelpTopic) -> HelpArticle {
        switch topic {
        case .eid:
            return HelpArticle(
                title: "Se connecter avec un lecteur de carte eID",
                summary: "Identifiez-vous avec votre carte d’identité électronique, votre code PIN et un lecteur de cartes.",
                sections: [
                    HelpSection(paragraphs: [
                        "Pour vous connecter, vous avez besoin d’un ordinateur raccordé à internet, de votre carte d’identité électronique (eID), de votre code PIN, d’un lecteur de cartes et du logiciel eID installé sur votre ordinateur.",
                    ]),
                    HelpSection(
                        heading: "Comment procéder ?",
                        paragraphs: [
                            "Sur la page de choix de la clé numérique de ce portail, suivez les étapes ci-dessous.",
                        ],
                        steps: [
                            "Cliquez sur « IDENTIFICATION avec un lecteur de cartes eID ».",
                            "Insérez votre carte d’identité dans le lecteur de cartes, puis cliquez sur le bouton « s’identifier ».",
                            "Votre navigateur vous demande de sélectionner un certificat : confirmez le certificat de votre carte en cliquant sur « OK ».",
                            "Entrez les 4 chiffres qui composent votre code PIN et cliquez sur « OK ».",
                        ]
                    ),
                    HelpSection(
                        heading: "Et ensuite ?",
                        paragraphs: [
                            "Vous êtes à présent connecté à l’application PersoPoint de votre choix.",
                            "Si votre navigateur ne propose aucun certificat, vérifiez que le lecteur de cartes est bien branché, que la carte est correctement insérée et que le logiciel eID est installé, puis réessayez.",
                        ]
                    ),
                ]
            )
        case .itsme:
            return HelpArticle(
                title: "Se connecter avec itsme",
                summary: "Identifiez-vous avec l’application itsme sur votre smartphone, ou créez votre compte itsme en 8 étapes.",
                sections: [
                    HelpSection(paragraphs: [
                        "Pour vous connecter avec itsme, l’application itsme doit être installée et activée sur votre smartphone. Si vous ne disposez pas encore d’un compte itsme, consultez la rubrique « Créer un compte itsme » ci-dessous.",
                    ]),
                    HelpSection(
                        heading: "Se connecter",
                        paragraphs: [],
                        steps: [
                            "Sur la page de choix de la clé numérique de ce portail, cliquez sur « IDENTIFICATION via itsme ».",
                            "Introduisez votre numéro de téléphone et cliquez sur « envoyer ».",
                            "Sur votre smartphone, ouvrez l’application itsme et confirmez la connexion en cliquant sur « se connecter ».",
                        ]
                    ),
                    HelpSection(
                        heading: "Créer un compte itsme",
                        paragraphs: [
                            "Pour créer un compte, vous avez besoin d’un smartphone, d’un ordinateur raccordé à internet, de votre carte d’identité électronique (eID), de votre code PIN, d’un lecteur de cartes et du logiciel eID.",
                            "Comment procéder en 8 étapes :",
                        ],
                        steps: [
                            "Installez l’application itsme sur votre smartphone.",
                            "Sur votre ordinateur, rendez-vous sur la page d’inscription itsme de ce portail. Saisissez votre numéro de téléphone et votre adresse e-mail. Assurez-vous de choisir le bon indicatif de pays dans la liste déroulante.",
                            "Connectez votre lecteur de cartes et insérez votre carte eID. Lisez et signez le contrat itsme en saisissant le code PIN de votre eID.",
                            "Vous recevez votre token d’identification, que vous devrez saisir dans l’application itsme sur votre smartphone.",
                            "Prenez votre smartphone, ouvrez l’application itsme et saisissez votre numéro de téléphone.",
                            "Saisissez ensuite le token d’identification reçu à l’étape 4. Respectez les majuscules et la ponctuation.",
                            "Vous recevez un code de vérification par SMS. Saisissez ces 5 chiffres dans l’application itsme.",
                            "Choisissez votre code itsme à 5 chiffres et confirmez-le. Si vous le souhaitez, activez la reconnaissance d’empreintes digitales de votre smartphone.",
                        ]
                    ),
                    HelpSection(
                        heading: "Et ensuite ?",
                        paragraphs: [
                            "Votre identité numérique itsme est créée : vous pouvez à présent vous connecter aux applications PersoPoint via l’application itsme.",
                        ]
                    ),
                ]
            )
        case .securityCode:
            return HelpArticle(
                title: "Se connecter avec un code de sécurité",
                summary: "Identifiez-vous avec votre nom d’utilisateur, votre mot de passe et un code de sécurité reçu par e-mail, via une application mobile ou via un token.",
                sections: [
                    HelpSection(paragraphs: [
                        "Si vous n’avez pas de carte d’identité électronique ou d’itsme, vous pouvez vous identifier avec un code de sécurité. Vous saisissez toujours d’abord votre nom d’utilisateur et votre mot de passe, puis un code de sécurité.",
                    ]),
                    HelpSection(
                        heading: "Les trois clés numériques avec code de sécurité",
                        paragraphs: [
                            "Code de sécurité envoyé par e-mail : après votre nom d’utilisateur et votre mot de passe, un code à usage unique est envoyé à votre adresse e-mail ; saisissez-le sur la page.",
                            "Code de sécurité via une application mobile : après votre nom d’utilisateur et votre mot de passe, ouvrez l’application d’authentification de votre smartphone et saisissez le code qu’elle affiche.",
                            "Code de sécurité via token : après votre nom d’utilisateur et votre mot de passe, la page vous indique quel code de votre carte token saisir ; cherchez le code portant ce numéro sur votre carte et saisissez-le.",
                        ],
                        steps: [
                            "Sur la page de choix de la clé numérique de ce portail, cliquez sur le bouton de votre clé, par exemple « IDENTIFICATION avec code de sécurité via token ».",
                            "Saisissez votre nom d’utilisateur et votre mot de passe.",
                            "Saisissez le code de sécurité demandé et confirmez.",
                        ]
                    ),
                    HelpSection(
                        heading: "Vous n’avez pas d’eID ni d’itsme ?",
                        paragraphs: [
                            "Vous souhaitez demander et activer vos clés numériques afin d’accéder aux services en ligne de l’administration ? Prenez rendez-vous avec le bureau local d’enregistrement de votre choix ou avec le SPF BOSA. Ils vous aideront à créer des clés numériques alternatives.",
                            "Lors de ce rendez-vous, votre identité est contrôlée sur la base de votre carte d’identité ou de votre passeport. Vous devez disposer d’une adresse e-mail personnelle.",
                        ],
                        steps: [
                            "Au bureau d’enregistrement, vous recevez un code d’activation sur papier.",
                            "Vous recevez en outre un lien par e-mail, valable 14 jours.",
                            "Ouvrez ce lien dans les 14 jours et saisissez le code d’activation pour activer votre clé numérique.",
                        ]
                    ),
                ]
            )
        case .session:
            return HelpArticle(
                title: "Interruption de la connexion",
                summary: "Par sécurité, vous êtes déconnecté après 20 minutes d’inactivité ; voici comment prolonger votre session ou vous reconnecter.",
                sections: [
                    HelpSection(paragraphs: [
                        "Par mesure de sécurité, vous êtes automatiquement déconnecté après 20 minutes d’inactivité.",
                    ]),
                    HelpSection(
                        heading: "Prolonger la session",
                        paragraphs: [
                            "Peu avant l’expiration des 20 minutes, une fenêtre d’avertissement s’affiche.",
                        ],
                        steps: [
                            "Cliquez sur « OK » dans la fenêtre d’avertissement.",
                            "Votre session en cours est prolongée et vous pouvez continuer votre travail.",
                        ]
                    ),
                    HelpSection(
                        heading: "La session n’a pas pu être prolongée",
                        paragraphs: [
                            "Si la session n’a pas pu être prolongée, la page vous l’indique et vous propose un lien « Vous reconnecter ». Cliquez sur ce lien et identifiez-vous à nouveau avec votre clé numérique.",
                            "Ce que vous étiez en train de saisir n’est pas perdu : après votre reconnexion, votre saisie vous est proposée à nouveau.",
                        ]
                    ),
                ]
            )
        case .ebox:
            return HelpArticle(
                title: "Activer l’eBox",
                summary: "Activez votre eBox pour recevoir vos documents officiels et être averti par e-mail de chaque nouveau document.",
                sections: [
                    HelpSection(paragraphs: [
                        "L’eBox est une boîte aux lettres électronique grâce à laquelle vous recevez les documents officiels émis par les pouvoirs publics, par exemple une décision concernant une interruption de carrière ou vos fiches de paie. Vous devez activer l’eBox pour recevoir ces documents.",
                    ]),
                    HelpSection(
                        heading: "Comment activer votre eBox ?",
                        paragraphs: [],
                        steps: [
                            "Connectez-vous à la page eBox de ce portail avec votre carte eID, via itsme ou avec un token.",
                            "Communiquez votre adresse e-mail.",
                            "Vous recevez un e-mail de vérification : confirmez votre adresse comme indiqué dans cet e-mail.",
                            "Votre eBox est activée : vous êtes désormais averti par e-mail dès qu’un nouveau document est disponible.",
                        ]
                    ),
                    HelpSection(
                        heading: "Consulter vos documents",
                        paragraphs: [
                            "Pour consulter vos documents en toute sécurité, connectez-vous avec votre carte eID, via itsme ou avec un token. Un nom d’utilisateur et un mot de passe seuls ne suffisent jamais pour ouvrir votre eBox.",
                        ]
                    ),
                ]
            )
        }
    }
}
