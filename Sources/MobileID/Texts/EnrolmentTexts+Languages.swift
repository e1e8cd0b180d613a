import PersoCore

extension EnrolmentTexts {
    static let french = EnrolmentTexts(
        title: "Créer votre identité itsme",
        lead: "Il vous faut un smartphone, un ordinateur avec un lecteur de cartes, votre carte d'identité (eID) et son code PIN. Comptez dix minutes.",
        stepOf: { "Étape \($0) sur 8" },
        stepNames: ["L'appli", "Téléphone et e-mail", "Contrat signé avec l'eID", "Token d'identification", "Numéro dans l'appli",
                    "Token dans l'appli", "Code reçu par SMS", "Votre code itsme"],
        next: "Suivant",
        getAppTitle: "Installez l'appli sur votre smartphone",
        getAppBody: "Ouvrez cette adresse sur votre smartphone ou scannez le code QR, puis ajoutez la page à votre écran d'accueil. Revenez ensuite ici, sur votre ordinateur.",
        qrTitle: "Code QR qui ouvre l'appli sur votre smartphone",
        detailsTitle: "Votre numéro de téléphone et votre adresse e-mail",
        countryLabel: "Indicatif du pays",
        countries: { country in
            switch country {
            case .be: "Belgique (+32)"
            case .nl: "Pays-Bas (+31)"
            case .fr: "France (+33)"
            case .de: "Allemagne (+49)"
            case .lu: "Luxembourg (+352)"
            }
        },
        phoneLabel: "Numéro de téléphone mobile",
        phoneHint: "Par exemple 0470 12 34 56. Choisissez bien l'indicatif du pays ci-dessus.",
        emailLabel: "Adresse e-mail",
        emailHint: "Nous vous y écrirons quand votre identité sera créée.",
        phoneInvalid: "Ce n'est pas un numéro de téléphone valable pour le pays choisi.",
        emailInvalid: "Saisissez une adresse e-mail valable, par exemple prenom.nom@exemple.be.",
        contractTitle: "Lisez et signez le contrat",
        contractFingerprint: { "Version \($0) — empreinte SHA-256 \($1)" },
        signExplain: "Pour signer, vous vous identifiez avec votre carte eID et son code PIN. La signature enregistre la version du contrat, son empreinte, votre numéro de registre national et l'heure.",
        sign: "Signer avec mon eID",
        notSigned: "Le contrat n'est pas signé : il faut vous identifier avec votre carte eID et son code PIN.",
        tokenTitle: "Votre token d'identification",
        tokenBody: "Vous allez le saisir dans l'appli sur votre smartphone, exactement tel qu'il est affiché : les MAJUSCULES, les minuscules et la ponctuation comptent. Il ne sert qu'une fois.",
        tokenLabel: "Token d'identification",
        tokenValidUntil: { "Valable jusqu'à \($0)." },
        tokenNext: "Prenez maintenant votre smartphone, ouvrez l'appli et saisissez votre numéro de téléphone, puis ce token.",
        tokenTaken: "Votre smartphone a pris le relais : terminez sur le smartphone.",
        tokenExpired: "Ce token n'est plus valable. Recommencez l'enrôlement.",
        sessionLost: "Votre session a pris fin avant la signature. Recommencez à l'étape 2.",
        startAgain: "Recommencer",
        phoneTitle: "Configurer ce téléphone",
        phoneStepNumber: "Étape 5 sur 8 : votre numéro de téléphone",
        phoneStepToken: "Étape 6 sur 8 : le token d'identification",
        tokenHint: "Tel qu'il est affiché sur votre ordinateur : respectez les MAJUSCULES et la ponctuation.",
        phoneStepSMS: "Étape 7 sur 8 : le code de vérification",
        smsLabel: "Code de vérification (5 chiffres)",
        smsHint: "Vous avez reçu un SMS du 8836 au {phone}. Saisissez ses 5 chiffres.",
        resend: "Envoyer un nouveau code",
        phoneStepCode: "Étape 8 sur 8 : choisissez votre code itsme",
        newCodeLabel: "Votre code itsme (5 chiffres)",
        newCodeHint: "Pas cinq fois le même chiffre, ni 12345 ou 54321. Ne le notez nulle part.",
        repeatCodeLabel: "Confirmez votre code itsme",
        continueButton: "Continuer",
        finishButton: "Créer mon identité",
        done: "Votre identité numérique itsme est créée : vous pouvez à présent vous connecter à PersoSelfService via l'application itsme.",
        wrongToken: "Ce numéro et ce token ne vont pas ensemble. Vérifiez les majuscules et la ponctuation.",
        tokenSpent: "Ce token ne peut plus servir (déjà utilisé, expiré ou trop d'essais). Recommencez sur votre ordinateur.",
        wrongSMS: "Code erroné ; encore {remaining} essai(s).",
        smsExpired: "Ce code a expiré : demandez-en un nouveau.",
        tooManyTries: "Trop de codes erronés. Recommencez sur votre ordinateur.",
        tooManyTexts: "Plus aucun code ne peut être envoyé : utilisez le dernier reçu, ou recommencez sur votre ordinateur.",
        codesDiffer: "Les deux codes ne sont pas identiques.",
        weakCode: "Ce code est trop facile à deviner : choisissez-en un autre.",
        codeSent: "Un nouveau code est en route.",
        startOnComputer: "Pas encore d'identité ? Commencez sur votre ordinateur :",
        smsCode: { "PersoPoint ID : votre code de vérification est \($0). Valable 10 minutes. Ne le communiquez à personne." },
        mailSubject: "Votre identité itsme est créée",
        mailBody: { name, phone in
            "Bonjour \(name),\n\nVotre identité numérique itsme est créée pour le numéro \(phone). Vous pouvez à présent vous connecter à PersoSelfService via l'application itsme.\n\nSi vous n'êtes pas à l'origine de cette démarche, contactez immédiatement le service d'assistance."
        }
    )

    static let dutch = EnrolmentTexts(
        title: "Uw itsme-identiteit aanmaken",
        lead: "U hebt een smartphone nodig, een computer met een kaartlezer, uw identiteitskaart (eID) en de pincode ervan. Reken op tien minuten.",
        stepOf: { "Stap \($0) van 8" },
        stepNames: ["De app", "Telefoon en e-mail", "Overeenkomst getekend met de eID", "Identificatietoken", "Nummer in de app",
                    "Token in de app", "Code per sms", "Uw itsme-code"],
        next: "Volgende",
        getAppTitle: "Installeer de app op uw smartphone",
        getAppBody: "Open dit adres op uw smartphone of scan de QR-code, en voeg de pagina toe aan uw startscherm. Kom daarna hier terug, op uw computer.",
        qrTitle: "QR-code die de app op uw smartphone opent",
        detailsTitle: "Uw telefoonnummer en e-mailadres",
        countryLabel: "Landcode",
        countries: { country in
            switch country {
            case .be: "België (+32)"
            case .nl: "Nederland (+31)"
            case .fr: "Frankrijk (+33)"
            case .de: "Duitsland (+49)"
            case .lu: "Luxemburg (+352)"
            }
        },
        phoneLabel: "Gsm-nummer",
        phoneHint: "Bijvoorbeeld 0470 12 34 56. Kies hierboven de juiste landcode.",
        emailLabel: "E-mailadres",
        emailHint: "We laten u daar weten wanneer uw identiteit is aangemaakt.",
        phoneInvalid: "Dit is geen geldig telefoonnummer voor het gekozen land.",
        emailInvalid: "Typ een geldig e-mailadres, bijvoorbeeld voornaam.naam@voorbeeld.be.",
        contractTitle: "Lees en teken de overeenkomst",
        contractFingerprint: { "Versie \($0) — SHA-256-vingerafdruk \($1)" },
        signExplain: "Om te tekenen meldt u zich aan met uw eID-kaart en de pincode. De handtekening legt de versie van de overeenkomst vast, de vingerafdruk ervan, uw rijksregisternummer en het tijdstip.",
        sign: "Tekenen met mijn eID",
        notSigned: "De overeenkomst is niet getekend: u moet zich aanmelden met uw eID-kaart en de pincode.",
        tokenTitle: "Uw identificatietoken",
        tokenBody: "U typt hem in de app op uw smartphone, precies zoals hij hier staat: HOOFDLETTERS, kleine letters en leestekens tellen. Hij werkt maar één keer.",
        tokenLabel: "Identificatietoken",
        tokenValidUntil: { "Geldig tot \($0)." },
        tokenNext: "Neem nu uw smartphone, open de app en typ uw telefoonnummer en daarna deze token.",
        tokenTaken: "Uw smartphone heeft het overgenomen: rond af op de smartphone.",
        tokenExpired: "Deze token is niet meer geldig. Begin opnieuw.",
        sessionLost: "Uw sessie is afgelopen vóór de handtekening. Begin opnieuw bij stap 2.",
        startAgain: "Opnieuw beginnen",
        phoneTitle: "Deze telefoon instellen",
        phoneStepNumber: "Stap 5 van 8: uw telefoonnummer",
        phoneStepToken: "Stap 6 van 8: de identificatietoken",
        tokenHint: "Zoals hij op uw computer staat: let op HOOFDLETTERS en leestekens.",
        phoneStepSMS: "Stap 7 van 8: de verificatiecode",
        smsLabel: "Verificatiecode (5 cijfers)",
        smsHint: "U kreeg een sms van 8836 op {phone}. Typ de 5 cijfers.",
        resend: "Een nieuwe code sturen",
        phoneStepCode: "Stap 8 van 8: kies uw itsme-code",
        newCodeLabel: "Uw itsme-code (5 cijfers)",
        newCodeHint: "Niet vijf keer hetzelfde cijfer, geen 12345 of 54321. Schrijf hem nergens op.",
        repeatCodeLabel: "Bevestig uw itsme-code",
        continueButton: "Doorgaan",
        finishButton: "Mijn identiteit aanmaken",
        done: "Uw digitale itsme-identiteit is aangemaakt: u kunt zich nu met de itsme-app aanmelden bij PersoSelfService.",
        wrongToken: "Dit nummer en deze token horen niet bij elkaar. Controleer hoofdletters en leestekens.",
        tokenSpent: "Deze token kan niet meer dienen (al gebruikt, verlopen of te veel pogingen). Begin opnieuw op uw computer.",
        wrongSMS: "Verkeerde code; nog {remaining} poging(en).",
        smsExpired: "Deze code is verlopen: vraag een nieuwe.",
        tooManyTries: "Te veel verkeerde codes. Begin opnieuw op uw computer.",
        tooManyTexts: "Er kunnen geen codes meer worden verstuurd: gebruik de laatst ontvangen code, of begin opnieuw op uw computer.",
        codesDiffer: "De twee codes zijn niet gelijk.",
        weakCode: "Deze code is te makkelijk te raden: kies een andere.",
        codeSent: "Een nieuwe code is onderweg.",
        startOnComputer: "Nog geen identiteit? Begin op uw computer:",
        smsCode: { "PersoPoint ID: uw verificatiecode is \($0). 10 minuten geldig. Geef hem aan niemand." },
        mailSubject: "Uw itsme-identiteit is aangemaakt",
        mailBody: { name, phone in
            "Beste \(name),\n\nUw digitale itsme-identiteit is aangemaakt voor het nummer \(phone). U kunt zich nu met de itsme-app aanmelden bij PersoSelfService.\n\nHebt u dit niet zelf gedaan, neem dan meteen contact op met de helpdesk."
        }
    )

    static let german = EnrolmentTexts(
        title: "Ihre itsme-Identität erstellen",
        lead: "Sie brauchen ein Smartphone, einen Computer mit Kartenleser, Ihren Personalausweis (eID) und dessen PIN-Code. Rechnen Sie mit zehn Minuten.",
        stepOf: { "Schritt \($0) von 8" },
        stepNames: ["Die App", "Telefon und E-Mail", "Vertrag mit der eID unterschrieben", "Identifikationstoken", "Nummer in der App",
                    "Token in der App", "Code per SMS", "Ihr itsme-Code"],
        next: "Weiter",
        getAppTitle: "Installieren Sie die App auf Ihrem Smartphone",
        getAppBody: "Öffnen Sie diese Adresse auf Ihrem Smartphone oder scannen Sie den QR-Code und fügen Sie die Seite Ihrem Startbildschirm hinzu. Kommen Sie dann hierher, an Ihren Computer, zurück.",
        qrTitle: "QR-Code, der die App auf Ihrem Smartphone öffnet",
        detailsTitle: "Ihre Telefonnummer und E-Mail-Adresse",
        countryLabel: "Ländervorwahl",
        countries: { country in
            switch country {
            case .be: "Belgien (+32)"
            case .nl: "Niederlande (+31)"
            case .fr: "Frankreich (+33)"
            case .de: "Deutschland (+49)"
            case .lu: "Luxemburg (+352)"
            }
        },
        phoneLabel: "Handynummer",
        phoneHint: "Zum Beispiel 0470 12 34 56. Wählen Sie oben die richtige Ländervorwahl.",
        emailLabel: "E-Mail-Adresse",
        emailHint: "Dorthin schreiben wir Ihnen, wenn Ihre Identität erstellt ist.",
        phoneInvalid: "Das ist keine gültige Telefonnummer für das gewählte Land.",
        emailInvalid: "Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel vorname.name@beispiel.be.",
        contractTitle: "Lesen und unterschreiben Sie den Vertrag",
        contractFingerprint: { "Version \($0) — SHA-256-Fingerabdruck \($1)" },
        signExplain: "Zum Unterschreiben melden Sie sich mit Ihrer eID-Karte und deren PIN-Code an. Die Unterschrift hält die Version des Vertrags, seinen Fingerabdruck, Ihre Nationalregisternummer und die Uhrzeit fest.",
        sign: "Mit meiner eID unterschreiben",
        notSigned: "Der Vertrag ist nicht unterschrieben: Sie müssen sich mit Ihrer eID-Karte und deren PIN-Code anmelden.",
        tokenTitle: "Ihr Identifikationstoken",
        tokenBody: "Sie geben ihn in der App auf Ihrem Smartphone ein, genau wie er hier steht: GROSSBUCHSTABEN, Kleinbuchstaben und Satzzeichen zählen. Er gilt nur einmal.",
        tokenLabel: "Identifikationstoken",
        tokenValidUntil: { "Gültig bis \($0)." },
        tokenNext: "Nehmen Sie jetzt Ihr Smartphone, öffnen Sie die App und geben Sie Ihre Telefonnummer und dann diesen Token ein.",
        tokenTaken: "Ihr Smartphone hat übernommen: Schließen Sie auf dem Smartphone ab.",
        tokenExpired: "Dieser Token ist nicht mehr gültig. Beginnen Sie neu.",
        sessionLost: "Ihre Sitzung ist vor der Unterschrift abgelaufen. Beginnen Sie neu bei Schritt 2.",
        startAgain: "Neu beginnen",
        phoneTitle: "Dieses Telefon einrichten",
        phoneStepNumber: "Schritt 5 von 8: Ihre Telefonnummer",
        phoneStepToken: "Schritt 6 von 8: der Identifikationstoken",
        tokenHint: "Wie er auf Ihrem Computer steht: Achten Sie auf GROSSBUCHSTABEN und Satzzeichen.",
        phoneStepSMS: "Schritt 7 von 8: der Bestätigungscode",
        smsLabel: "Bestätigungscode (5 Ziffern)",
        smsHint: "Sie haben eine SMS von 8836 an {phone} erhalten. Geben Sie die 5 Ziffern ein.",
        resend: "Neuen Code senden",
        phoneStepCode: "Schritt 8 von 8: Wählen Sie Ihren itsme-Code",
        newCodeLabel: "Ihr itsme-Code (5 Ziffern)",
        newCodeHint: "Nicht fünfmal dieselbe Ziffer, nicht 12345 oder 54321. Schreiben Sie ihn nirgends auf.",
        repeatCodeLabel: "Bestätigen Sie Ihren itsme-Code",
        continueButton: "Weiter",
        finishButton: "Meine Identität erstellen",
        done: "Ihre digitale itsme-Identität ist erstellt: Sie können sich jetzt mit der itsme-App bei PersoSelfService anmelden.",
        wrongToken: "Diese Nummer und dieser Token gehören nicht zusammen. Prüfen Sie Großbuchstaben und Satzzeichen.",
        tokenSpent: "Dieser Token kann nicht mehr dienen (schon benutzt, abgelaufen oder zu viele Versuche). Beginnen Sie an Ihrem Computer neu.",
        wrongSMS: "Falscher Code; noch {remaining} Versuch(e).",
        smsExpired: "Dieser Code ist abgelaufen: Fordern Sie einen neuen an.",
        tooManyTries: "Zu viele falsche Codes. Beginnen Sie an Ihrem Computer neu.",
        tooManyTexts: "Es können keine Codes mehr gesendet werden: Verwenden Sie den zuletzt erhaltenen oder beginnen Sie an Ihrem Computer neu.",
        codesDiffer: "Die beiden Codes sind nicht gleich.",
        weakCode: "Dieser Code ist zu leicht zu erraten: Wählen Sie einen anderen.",
        codeSent: "Ein neuer Code ist unterwegs.",
        startOnComputer: "Noch keine Identität? Beginnen Sie an Ihrem Computer:",
        smsCode: { "PersoPoint ID: Ihr Bestätigungscode ist \($0). 10 Minuten gültig. Geben Sie ihn niemandem weiter." },
        mailSubject: "Ihre itsme-Identität ist erstellt",
        mailBody: { name, phone in
            "Guten Tag \(name),\n\nIhre digitale itsme-Identität ist für die Nummer \(phone) erstellt. Sie können sich jetzt mit der itsme-App bei PersoSelfService anmelden.\n\nWenn Sie das nicht selbst waren, wenden Sie sich sofort an den Helpdesk."
        }
    )

    static let english = EnrolmentTexts(
        title: "Create your itsme identity",
        lead: "You need a smartphone, a computer with a card reader, your identity card (eID) and its PIN code. It takes about ten minutes.",
        stepOf: { "Step \($0) of 8" },
        stepNames: ["The app", "Phone and e-mail", "Contract signed with the eID", "Identification token", "Number in the app",
                    "Token in the app", "Code by text message", "Your itsme code"],
        next: "Next",
        getAppTitle: "Install the app on your smartphone",
        getAppBody: "Open this address on your smartphone or scan the QR code, then add the page to your home screen. Then come back here, to your computer.",
        qrTitle: "QR code that opens the app on your smartphone",
        detailsTitle: "Your phone number and e-mail address",
        countryLabel: "Country code",
        countries: { country in
            switch country {
            case .be: "Belgium (+32)"
            case .nl: "Netherlands (+31)"
            case .fr: "France (+33)"
            case .de: "Germany (+49)"
            case .lu: "Luxembourg (+352)"
            }
        },
        phoneLabel: "Mobile phone number",
        phoneHint: "For example 0470 12 34 56. Choose the right country code above.",
        emailLabel: "E-mail address",
        emailHint: "We write to you there when your identity is created.",
        phoneInvalid: "This is not a valid phone number for the chosen country.",
        emailInvalid: "Type a valid e-mail address, for example first.last@example.be.",
        contractTitle: "Read and sign the contract",
        contractFingerprint: { "Version \($0) — SHA-256 fingerprint \($1)" },
        signExplain: "To sign, you log in with your eID card and its PIN code. The signature records the contract's version, its fingerprint, your national register number and the time.",
        sign: "Sign with my eID",
        notSigned: "The contract is not signed: you need to log in with your eID card and its PIN code.",
        tokenTitle: "Your identification token",
        tokenBody: "You will type it in the app on your smartphone exactly as shown: CAPITALS, small letters and punctuation matter. It works once.",
        tokenLabel: "Identification token",
        tokenValidUntil: { "Valid until \($0)." },
        tokenNext: "Now take your smartphone, open the app and type your phone number, then this token.",
        tokenTaken: "Your smartphone has taken over: finish on the smartphone.",
        tokenExpired: "This token is no longer valid. Start again.",
        sessionLost: "Your session ended before the signature. Start again at step 2.",
        startAgain: "Start again",
        phoneTitle: "Set up this phone",
        phoneStepNumber: "Step 5 of 8: your phone number",
        phoneStepToken: "Step 6 of 8: the identification token",
        tokenHint: "As shown on your computer: mind the CAPITALS and the punctuation.",
        phoneStepSMS: "Step 7 of 8: the verification code",
        smsLabel: "Verification code (5 digits)",
        smsHint: "We sent a text message from 8836 to {phone}. Type its 5 digits.",
        resend: "Send a new code",
        phoneStepCode: "Step 8 of 8: choose your itsme code",
        newCodeLabel: "Your itsme code (5 digits)",
        newCodeHint: "Not five times the same digit, nor 12345 or 54321. Do not write it down anywhere.",
        repeatCodeLabel: "Confirm your itsme code",
        continueButton: "Continue",
        finishButton: "Create my identity",
        done: "Your itsme identity is created: you can now log in to PersoSelfService with the itsme app.",
        wrongToken: "This number and this token do not go together. Check the capitals and the punctuation.",
        tokenSpent: "This token can no longer be used (used already, expired or too many tries). Start again on your computer.",
        wrongSMS: "Wrong code; {remaining} tries left.",
        smsExpired: "This code has expired: ask for a new one.",
        tooManyTries: "Too many wrong codes. Start again on your computer.",
        tooManyTexts: "No more codes can be sent: use the last one you received, or start again on your computer.",
        codesDiffer: "The two codes are not the same.",
        weakCode: "This code is too easy to guess: choose another one.",
        codeSent: "A new code is on its way.",
        startOnComputer: "No identity yet? Start on your computer:",
        smsCode: { "PersoPoint ID: your verification code is \($0). Valid for 10 minutes. Never give it to anyone." },
        mailSubject: "Your itsme identity is created",
        mailBody: { name, phone in
            "Hello \(name),\n\nYour itsme identity is created for the number \(phone). You can now log in to PersoSelfService with the itsme app.\n\nIf you did not do this yourself, contact the help desk at once."
        }
    )
}
