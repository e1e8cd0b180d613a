import PersoCore

/// Words of the itsme key's pages at the gateway; one value per language, checked complete by the compiler.
struct ItsmeTexts: Sendable {
    let phoneLabel: String
    let phoneHint: String
    let send: String
    let invalidPhone: String
    let unknownPhone: String
    let refused: String
    let unavailable: String
    let waitTitle: String
    let openApp: @Sendable (String) -> String
    let tapNumber: String
    let expiresIn: String
    let checkNow: String
    let cancel: String
    let deniedOnPhone: String
    let expired: String
    let tryAgain: String
    /// The link to the service's enrolment, for people who have no identity yet.
    let createIdentity: String
    /// Broker mode: the provider proved someone the gateway has no account for.
    let noAccount: String
    /// Broker mode: the provider says the login did not happen (refused on the phone, or cancelled on its page).
    let brokerDenied: String

    static func texts(for language: Language) -> ItsmeTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }

    static let french = ItsmeTexts(
        phoneLabel: "Numéro de téléphone mobile", phoneHint: "Par exemple +32 470 12 34 56 ou 0470 12 34 56.",
        send: "Envoyer vers mon téléphone",
        invalidPhone: "Tapez votre numéro de téléphone mobile, par exemple +32 470 12 34 56.",
        unknownPhone: "Aucune identité itsme n’est enregistrée pour ce numéro.",
        refused: "Votre application itsme n’accepte pas de demande pour l’instant (bloquée, ou trop de demandes restées sans réponse). Réessayez plus tard ou choisissez une autre clé.",
        unavailable: "Le service itsme ne répond pas. Réessayez ou choisissez une autre clé.",
        waitTitle: "Confirmez sur votre téléphone",
        openApp: { "Ouvrez l’application sur votre téléphone (\($0)) et touchez le nombre affiché ici :" },
        tapNumber: "Nombre à toucher sur votre téléphone", expiresIn: "Temps restant :",
        checkNow: "J’ai confirmé sur mon téléphone", cancel: "Annuler",
        deniedOnPhone: "La demande a été refusée sur le téléphone.", expired: "La demande a expiré sans réponse.",
        tryAgain: "Réessayer",
        createIdentity: "Pas encore d’identité itsme ? Créez-la avec votre carte eID",
        noAccount: "Votre identité itsme n’est liée à aucun compte ici. Activez d’abord vos clés numériques avec votre carte eID.",
        brokerDenied: "La connexion itsme a été refusée ou annulée."
    )

    static let dutch = ItsmeTexts(
        phoneLabel: "Gsm-nummer", phoneHint: "Bijvoorbeeld +32 470 12 34 56 of 0470 12 34 56.",
        send: "Naar mijn telefoon sturen",
        invalidPhone: "Typ uw gsm-nummer, bijvoorbeeld +32 470 12 34 56.",
        unknownPhone: "Er is geen itsme-identiteit geregistreerd voor dit nummer.",
        refused: "Uw itsme-app aanvaardt nu geen verzoek (geblokkeerd, of te veel onbeantwoorde verzoeken). Probeer later opnieuw of kies een andere sleutel.",
        unavailable: "De itsme-dienst antwoordt niet. Probeer opnieuw of kies een andere sleutel.",
        waitTitle: "Bevestig op uw telefoon",
        openApp: { "Open de app op uw telefoon (\($0)) en tik het getal dat hier staat:" },
        tapNumber: "Getal om op uw telefoon te tikken", expiresIn: "Resterende tijd:",
        checkNow: "Ik heb bevestigd op mijn telefoon", cancel: "Annuleren",
        deniedOnPhone: "Het verzoek werd geweigerd op de telefoon.", expired: "Het verzoek is verlopen zonder antwoord.",
        tryAgain: "Opnieuw proberen",
        createIdentity: "Nog geen itsme-identiteit? Maak ze aan met uw eID-kaart",
        noAccount: "Uw itsme-identiteit is hier aan geen account gekoppeld. Activeer eerst uw digitale sleutels met uw eID-kaart.",
        brokerDenied: "De itsme-aanmelding werd geweigerd of geannuleerd."
    )

    static let german = ItsmeTexts(
        phoneLabel: "Handynummer", phoneHint: "Zum Beispiel +32 470 12 34 56 oder 0470 12 34 56.",
        send: "An mein Telefon senden",
        invalidPhone: "Geben Sie Ihre Handynummer ein, zum Beispiel +32 470 12 34 56.",
        unknownPhone: "Für diese Nummer ist keine itsme-Identität registriert.",
        refused: "Ihre itsme-App nimmt gerade keine Anfrage an (gesperrt, oder zu viele unbeantwortete Anfragen). Versuchen Sie es später erneut oder wählen Sie einen anderen Schlüssel.",
        unavailable: "Der itsme-Dienst antwortet nicht. Versuchen Sie es erneut oder wählen Sie einen anderen Schlüssel.",
        waitTitle: "Bestätigen Sie auf Ihrem Telefon",
        openApp: { "Öffnen Sie die App auf Ihrem Telefon (\($0)) und tippen Sie die hier angezeigte Zahl an:" },
        tapNumber: "Zahl, die Sie auf Ihrem Telefon antippen", expiresIn: "Verbleibende Zeit:",
        checkNow: "Ich habe auf meinem Telefon bestätigt", cancel: "Abbrechen",
        deniedOnPhone: "Die Anfrage wurde auf dem Telefon abgelehnt.", expired: "Die Anfrage ist ohne Antwort abgelaufen.",
        tryAgain: "Erneut versuchen",
        createIdentity: "Noch keine itsme-Identität? Erstellen Sie sie mit Ihrer eID-Karte",
        noAccount: "Ihre itsme-Identität ist hier mit keinem Konto verknüpft. Aktivieren Sie zuerst Ihre digitalen Schlüssel mit Ihrer eID-Karte.",
        brokerDenied: "Die itsme-Anmeldung wurde abgelehnt oder abgebrochen."
    )

    static let english = ItsmeTexts(
        phoneLabel: "Mobile phone number", phoneHint: "For example +32 470 12 34 56 or 0470 12 34 56.",
        send: "Send to my phone",
        invalidPhone: "Type your mobile phone number, for example +32 470 12 34 56.",
        unknownPhone: "No itsme identity is registered for this number.",
        refused: "Your itsme app takes no request for now (locked, or too many requests left unanswered). Try again later or choose another key.",
        unavailable: "The itsme service does not answer. Try again or choose another key.",
        waitTitle: "Confirm on your phone",
        openApp: { "Open the app on your phone (\($0)) and tap the number shown here:" },
        tapNumber: "Number to tap on your phone", expiresIn: "Time left:",
        checkNow: "I have confirmed on my phone", cancel: "Cancel",
        deniedOnPhone: "The request was refused on the phone.", expired: "The request expired without an answer.",
        tryAgain: "Try again",
        createIdentity: "No itsme identity yet? Create one with your eID card",
        noAccount: "Your itsme identity is not linked to an account here. Activate your digital keys with your eID card first.",
        brokerDenied: "The itsme login was refused or cancelled."
    )
}
