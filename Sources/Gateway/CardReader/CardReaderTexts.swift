import PersoCore

/// Words of the eID card reader’s pages, one value per language, checked complete by the compiler.
struct CardReaderTexts: Sendable {
    let insertTitle: String
    let insertSteps: [String]
    let identify: String
    let refusedTitle: String
    let tryAgain: String
    let otherKey: String
    /// What went wrong and what to do, per refusal.
    let refusal: @Sendable (CardRefusal) -> String
    /// The activity page’s name for a refusal event.
    let eventName: @Sendable (CardRefusal) -> String

    static func texts(for language: Language) -> CardReaderTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }

    static let english = CardReaderTexts(
        insertTitle: "Log in with your eID card",
        insertSteps: [
            "Connect your card reader and insert your eID card.",
            "Click “Identify”. Your browser asks which certificate to use: choose the one with your name and “(Authentication)”.",
            "Enter your card’s PIN code when asked. Your PIN never leaves your computer.",
        ],
        identify: "Identify",
        refusedTitle: "Your eID card could not be used",
        tryAgain: "Try again",
        otherKey: "Choose another digital key",
        refusal: { reason in
            switch reason {
            case .noCertificate: "No certificate was received from your card. Check that the card reader is connected and your card is inserted, then try again. If your browser asks you to choose a certificate, choose the one marked “Authentication”."
            case .unreadableCertificate: "The certificate of your card could not be read. Try again; if this keeps happening, contact the helpdesk."
            case .expired: "Your eID card has expired. Renew it at your municipality, or log in with another digital key."
            case .notYetValid: "Your eID card is not valid yet. Its certificates are activated when you collect the card at your municipality."
            case .revoked: "The certificates of this eID card have been revoked, for example after a loss or theft. Contact your municipality, or log in with another digital key."
            case .unknownIssuer: "This certificate was not issued by an authority the gateway recognises. Use your Belgian eID card."
            case .selfSigned: "This certificate is self-signed: it does not come from an eID card. Use your Belgian eID card."
            case .wrongKeyUsage: "This certificate cannot be used to log in: it is not an authentication certificate. Choose the certificate marked “Authentication”."
            case .revocationUnavailable: "The validity of your card could not be checked right now, so for your security the login was refused. Try again in a few minutes, or log in with another digital key."
            case .unknownPerson: "Your eID card is valid, but you are not registered in PersoPoint. Contact your HR department or your registration office."
            case .invalidNumber: "This certificate does not contain a valid national register number. Use your Belgian eID card."
            case .handoffInvalid: "This login link has already been used, has expired or belongs to another browser. Start the login again."
            }
        },
        eventName: { reason in
            switch reason {
            case .noCertificate: "eID: no certificate presented"
            case .unreadableCertificate: "eID: unreadable certificate"
            case .expired: "eID: expired card refused"
            case .notYetValid: "eID: card not yet valid refused"
            case .revoked: "eID: revoked card refused"
            case .unknownIssuer: "eID: unknown issuer refused"
            case .selfSigned: "eID: self-signed certificate refused"
            case .wrongKeyUsage: "eID: not an authentication certificate"
            case .revocationUnavailable: "eID: validity could not be checked"
            case .unknownPerson: "eID: person not registered"
            case .invalidNumber: "eID: invalid national register number"
            case .handoffInvalid: "eID: invalid or reused login result"
            }
        }
    )

    static let french = CardReaderTexts(
        insertTitle: "Identification avec votre carte eID",
        insertSteps: [
            "Branchez votre lecteur de cartes et insérez votre carte eID.",
            "Cliquez sur « Identifier ». Votre navigateur vous demande quel certificat utiliser : choisissez celui à votre nom suivi de « (Authentication) ».",
            "Introduisez le code PIN de votre carte lorsqu’il vous est demandé. Votre code PIN ne quitte jamais votre ordinateur.",
        ],
        identify: "Identifier",
        refusedTitle: "Votre carte eID n’a pas pu être utilisée",
        tryAgain: "Réessayer",
        otherKey: "Choisir une autre clé numérique",
        refusal: { reason in
            switch reason {
            case .noCertificate: "Aucun certificat n’a été reçu de votre carte. Vérifiez que le lecteur est branché et que votre carte est insérée, puis réessayez. Si votre navigateur vous demande de choisir un certificat, choisissez celui marqué « Authentication »."
            case .unreadableCertificate: "Le certificat de votre carte n’a pas pu être lu. Réessayez ; si le problème persiste, contactez le helpdesk."
            case .expired: "Votre carte eID est expirée. Renouvelez-la auprès de votre commune, ou identifiez-vous avec une autre clé numérique."
            case .notYetValid: "Votre carte eID n’est pas encore valable. Ses certificats sont activés lorsque vous retirez la carte auprès de votre commune."
            case .revoked: "Les certificats de cette carte eID ont été révoqués, par exemple après une perte ou un vol. Contactez votre commune, ou identifiez-vous avec une autre clé numérique."
            case .unknownIssuer: "Ce certificat n’a pas été émis par une autorité reconnue par la passerelle. Utilisez votre carte eID belge."
            case .selfSigned: "Ce certificat est auto-signé : il ne provient pas d’une carte eID. Utilisez votre carte eID belge."
            case .wrongKeyUsage: "Ce certificat ne permet pas de s’identifier : ce n’est pas un certificat d’authentification. Choisissez le certificat marqué « Authentication »."
            case .revocationUnavailable: "La validité de votre carte n’a pas pu être vérifiée pour l’instant ; pour votre sécurité, l’identification a été refusée. Réessayez dans quelques minutes, ou identifiez-vous avec une autre clé numérique."
            case .unknownPerson: "Votre carte eID est valable, mais vous n’êtes pas enregistré(e) dans PersoPoint. Contactez votre service RH ou votre bureau d’enregistrement."
            case .invalidNumber: "Ce certificat ne contient pas de numéro de registre national valable. Utilisez votre carte eID belge."
            case .handoffInvalid: "Ce lien d’identification a déjà été utilisé, a expiré ou appartient à un autre navigateur. Recommencez l’identification."
            }
        },
        eventName: { reason in
            switch reason {
            case .noCertificate: "eID : aucun certificat présenté"
            case .unreadableCertificate: "eID : certificat illisible"
            case .expired: "eID : carte expirée refusée"
            case .notYetValid: "eID : carte pas encore valable refusée"
            case .revoked: "eID : carte révoquée refusée"
            case .unknownIssuer: "eID : émetteur inconnu refusé"
            case .selfSigned: "eID : certificat auto-signé refusé"
            case .wrongKeyUsage: "eID : pas un certificat d’authentification"
            case .revocationUnavailable: "eID : validité non vérifiable"
            case .unknownPerson: "eID : personne non enregistrée"
            case .invalidNumber: "eID : numéro de registre national non valable"
            case .handoffInvalid: "eID : résultat d’identification non valable ou réutilisé"
            }
        }
    )

    static let dutch = CardReaderTexts(
        insertTitle: "Aanmelden met uw eID-kaart",
        insertSteps: [
            "Sluit uw kaartlezer aan en steek uw eID-kaart erin.",
            "Klik op ‘Identificeren’. Uw browser vraagt welk certificaat u wilt gebruiken: kies het certificaat met uw naam en ‘(Authentication)’.",
            "Geef de pincode van uw kaart in wanneer daarom gevraagd wordt. Uw pincode verlaat uw computer nooit.",
        ],
        identify: "Identificeren",
        refusedTitle: "Uw eID-kaart kon niet gebruikt worden",
        tryAgain: "Opnieuw proberen",
        otherKey: "Een andere digitale sleutel kiezen",
        refusal: { reason in
            switch reason {
            case .noCertificate: "Er werd geen certificaat van uw kaart ontvangen. Controleer of de kaartlezer aangesloten is en uw kaart erin zit, en probeer opnieuw. Vraagt uw browser een certificaat te kiezen, kies dan het certificaat met ‘Authentication’."
            case .unreadableCertificate: "Het certificaat van uw kaart kon niet gelezen worden. Probeer opnieuw; blijft het probleem, contacteer dan de helpdesk."
            case .expired: "Uw eID-kaart is vervallen. Vernieuw ze bij uw gemeente, of meld u aan met een andere digitale sleutel."
            case .notYetValid: "Uw eID-kaart is nog niet geldig. De certificaten worden geactiveerd wanneer u de kaart afhaalt bij uw gemeente."
            case .revoked: "De certificaten van deze eID-kaart zijn ingetrokken, bijvoorbeeld na verlies of diefstal. Contacteer uw gemeente, of meld u aan met een andere digitale sleutel."
            case .unknownIssuer: "Dit certificaat werd niet uitgegeven door een instantie die de gateway erkent. Gebruik uw Belgische eID-kaart."
            case .selfSigned: "Dit certificaat is door zichzelf ondertekend: het komt niet van een eID-kaart. Gebruik uw Belgische eID-kaart."
            case .wrongKeyUsage: "Met dit certificaat kunt u zich niet aanmelden: het is geen authenticatiecertificaat. Kies het certificaat met ‘Authentication’."
            case .revocationUnavailable: "De geldigheid van uw kaart kon nu niet gecontroleerd worden; voor uw veiligheid werd de aanmelding geweigerd. Probeer het over enkele minuten opnieuw, of meld u aan met een andere digitale sleutel."
            case .unknownPerson: "Uw eID-kaart is geldig, maar u bent niet geregistreerd in PersoPoint. Contacteer uw HR-dienst of uw registratiekantoor."
            case .invalidNumber: "Dit certificaat bevat geen geldig rijksregisternummer. Gebruik uw Belgische eID-kaart."
            case .handoffInvalid: "Deze aanmeldlink werd al gebruikt, is vervallen of hoort bij een andere browser. Begin de aanmelding opnieuw."
            }
        },
        eventName: { reason in
            switch reason {
            case .noCertificate: "eID: geen certificaat voorgelegd"
            case .unreadableCertificate: "eID: onleesbaar certificaat"
            case .expired: "eID: vervallen kaart geweigerd"
            case .notYetValid: "eID: nog niet geldige kaart geweigerd"
            case .revoked: "eID: ingetrokken kaart geweigerd"
            case .unknownIssuer: "eID: onbekende uitgever geweigerd"
            case .selfSigned: "eID: zelfondertekend certificaat geweigerd"
            case .wrongKeyUsage: "eID: geen authenticatiecertificaat"
            case .revocationUnavailable: "eID: geldigheid niet controleerbaar"
            case .unknownPerson: "eID: persoon niet geregistreerd"
            case .invalidNumber: "eID: ongeldig rijksregisternummer"
            case .handoffInvalid: "eID: ongeldig of hergebruikt aanmeldresultaat"
            }
        }
    )

    static let german = CardReaderTexts(
        insertTitle: "Anmelden mit Ihrer eID-Karte",
        insertSteps: [
            "Schließen Sie Ihr Kartenlesegerät an und stecken Sie Ihre eID-Karte ein.",
            "Klicken Sie auf „Identifizieren“. Ihr Browser fragt, welches Zertifikat verwendet werden soll: Wählen Sie das mit Ihrem Namen und „(Authentication)“.",
            "Geben Sie den PIN-Code Ihrer Karte ein, wenn Sie dazu aufgefordert werden. Ihr PIN-Code verlässt Ihren Computer nie.",
        ],
        identify: "Identifizieren",
        refusedTitle: "Ihre eID-Karte konnte nicht verwendet werden",
        tryAgain: "Erneut versuchen",
        otherKey: "Einen anderen digitalen Schlüssel wählen",
        refusal: { reason in
            switch reason {
            case .noCertificate: "Von Ihrer Karte wurde kein Zertifikat empfangen. Prüfen Sie, ob das Lesegerät angeschlossen und Ihre Karte eingesteckt ist, und versuchen Sie es erneut. Fragt Ihr Browser nach einem Zertifikat, wählen Sie das mit „Authentication“."
            case .unreadableCertificate: "Das Zertifikat Ihrer Karte konnte nicht gelesen werden. Versuchen Sie es erneut; besteht das Problem weiter, wenden Sie sich an den Helpdesk."
            case .expired: "Ihre eID-Karte ist abgelaufen. Erneuern Sie sie bei Ihrer Gemeinde, oder melden Sie sich mit einem anderen digitalen Schlüssel an."
            case .notYetValid: "Ihre eID-Karte ist noch nicht gültig. Ihre Zertifikate werden aktiviert, wenn Sie die Karte bei Ihrer Gemeinde abholen."
            case .revoked: "Die Zertifikate dieser eID-Karte wurden widerrufen, zum Beispiel nach Verlust oder Diebstahl. Wenden Sie sich an Ihre Gemeinde, oder melden Sie sich mit einem anderen digitalen Schlüssel an."
            case .unknownIssuer: "Dieses Zertifikat wurde nicht von einer Stelle ausgestellt, die das Gateway anerkennt. Verwenden Sie Ihre belgische eID-Karte."
            case .selfSigned: "Dieses Zertifikat ist selbst signiert: Es stammt nicht von einer eID-Karte. Verwenden Sie Ihre belgische eID-Karte."
            case .wrongKeyUsage: "Mit diesem Zertifikat können Sie sich nicht anmelden: Es ist kein Authentifizierungszertifikat. Wählen Sie das Zertifikat mit „Authentication“."
            case .revocationUnavailable: "Die Gültigkeit Ihrer Karte konnte gerade nicht geprüft werden; zu Ihrer Sicherheit wurde die Anmeldung abgelehnt. Versuchen Sie es in einigen Minuten erneut, oder melden Sie sich mit einem anderen digitalen Schlüssel an."
            case .unknownPerson: "Ihre eID-Karte ist gültig, aber Sie sind in PersoPoint nicht registriert. Wenden Sie sich an Ihre Personalabteilung oder Ihr Registrierungsbüro."
            case .invalidNumber: "Dieses Zertifikat enthält keine gültige Nationalregisternummer. Verwenden Sie Ihre belgische eID-Karte."
            case .handoffInvalid: "Dieser Anmeldelink wurde bereits verwendet, ist abgelaufen oder gehört zu einem anderen Browser. Beginnen Sie die Anmeldung erneut."
            }
        },
        eventName: { reason in
            switch reason {
            case .noCertificate: "eID: kein Zertifikat vorgelegt"
            case .unreadableCertificate: "eID: unlesbares Zertifikat"
            case .expired: "eID: abgelaufene Karte abgelehnt"
            case .notYetValid: "eID: noch nicht gültige Karte abgelehnt"
            case .revoked: "eID: widerrufene Karte abgelehnt"
            case .unknownIssuer: "eID: unbekannter Aussteller abgelehnt"
            case .selfSigned: "eID: selbst signiertes Zertifikat abgelehnt"
            case .wrongKeyUsage: "eID: kein Authentifizierungszertifikat"
            case .revocationUnavailable: "eID: Gültigkeit nicht prüfbar"
            case .unknownPerson: "eID: Person nicht registriert"
            case .invalidNumber: "eID: ungültige Nationalregisternummer"
            case .handoffInvalid: "eID: ungültiges oder wiederverwendetes Anmeldeergebnis"
            }
        }
    )
}
