import PersoCore

/// Words of the service's own login pages (the authorisation code flow): the phone number, then "confirm on your
/// phone" with the number to tap. One value per language, checked complete by the compiler.
struct AuthorizeTexts: Sendable {
    let title: String
    let forApplication: @Sendable (String) -> String
    let phoneLabel: String
    let phoneHint: String
    let send: String
    let invalidPhone: String
    let unknownPhone: String
    let refused: String
    let waitTitle: String
    let openApp: @Sendable (String) -> String
    let tapNumber: String
    let expiresIn: String
    let checkNow: String
    let cancel: String
    let expired: String
    let badRequestTitle: String
    let badRequest: String
    let noIdentity: String

    static func texts(for language: Language) -> AuthorizeTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }

    static let french = AuthorizeTexts(
        title: "S'identifier avec itsme", forApplication: { "Pour accéder à : \($0)" },
        phoneLabel: "Numéro de téléphone mobile", phoneHint: "Par exemple +32 470 12 34 56 ou 0470 12 34 56.", send: "Envoyer vers mon téléphone",
        invalidPhone: "Tapez votre numéro de téléphone mobile, par exemple +32 470 12 34 56.",
        unknownPhone: "Aucune identité itsme n'est enregistrée pour ce numéro.",
        refused: "Votre application itsme n'accepte pas de demande pour l'instant (bloquée, ou trop de demandes restées sans réponse). Réessayez plus tard.",
        waitTitle: "Confirmez sur votre téléphone",
        openApp: { "Ouvrez l'application sur votre téléphone (\($0)) et touchez le nombre affiché ici :" },
        tapNumber: "Nombre à toucher sur votre téléphone", expiresIn: "Temps restant :", checkNow: "J'ai confirmé sur mon téléphone",
        cancel: "Annuler", expired: "La demande a expiré sans réponse. Recommencez.",
        badRequestTitle: "Demande d'identification invalide",
        badRequest: "L'application qui vous envoie ici a fait une demande que ce service ne peut pas accepter. Retournez à l'application et réessayez.",
        noIdentity: "Pas encore d'identité itsme ? Créez-la avec votre carte eID"
    )

    static let dutch = AuthorizeTexts(
        title: "Aanmelden met itsme", forApplication: { "Om naar \($0) te gaan" },
        phoneLabel: "Gsm-nummer", phoneHint: "Bijvoorbeeld +32 470 12 34 56 of 0470 12 34 56.", send: "Naar mijn telefoon sturen",
        invalidPhone: "Typ uw gsm-nummer, bijvoorbeeld +32 470 12 34 56.",
        unknownPhone: "Voor dit nummer is geen itsme-identiteit geregistreerd.",
        refused: "Uw itsme-app aanvaardt voorlopig geen aanvragen (geblokkeerd, of te veel onbeantwoorde aanvragen). Probeer later opnieuw.",
        waitTitle: "Bevestig op uw telefoon",
        openApp: { "Open de app op uw telefoon (\($0)) en tik op het nummer dat hier staat:" },
        tapNumber: "Nummer om op uw telefoon aan te tikken", expiresIn: "Resterende tijd:", checkNow: "Ik heb bevestigd op mijn telefoon",
        cancel: "Annuleren", expired: "De aanvraag is zonder antwoord verlopen. Begin opnieuw.",
        badRequestTitle: "Ongeldige aanmeldingsaanvraag",
        badRequest: "De toepassing die u hierheen stuurt, deed een aanvraag die deze dienst niet kan aanvaarden. Ga terug naar de toepassing en probeer opnieuw.",
        noIdentity: "Nog geen itsme-identiteit? Maak ze aan met uw eID-kaart"
    )

    static let german = AuthorizeTexts(
        title: "Mit itsme anmelden", forApplication: { "Für: \($0)" },
        phoneLabel: "Handynummer", phoneHint: "Zum Beispiel +32 470 12 34 56 oder 0470 12 34 56.", send: "An mein Telefon senden",
        invalidPhone: "Geben Sie Ihre Handynummer ein, zum Beispiel +32 470 12 34 56.",
        unknownPhone: "Für diese Nummer ist keine itsme-Identität registriert.",
        refused: "Ihre itsme-App nimmt derzeit keine Anfragen an (gesperrt, oder zu viele unbeantwortete Anfragen). Versuchen Sie es später erneut.",
        waitTitle: "Bestätigen Sie auf Ihrem Telefon",
        openApp: { "Öffnen Sie die App auf Ihrem Telefon (\($0)) und tippen Sie auf die hier angezeigte Zahl:" },
        tapNumber: "Zahl, die Sie auf Ihrem Telefon antippen", expiresIn: "Verbleibende Zeit:", checkNow: "Ich habe auf meinem Telefon bestätigt",
        cancel: "Abbrechen", expired: "Die Anfrage ist ohne Antwort abgelaufen. Beginnen Sie neu.",
        badRequestTitle: "Ungültige Anmeldeanfrage",
        badRequest: "Die Anwendung, die Sie hierher schickt, hat eine Anfrage gestellt, die dieser Dienst nicht annehmen kann. Kehren Sie zur Anwendung zurück und versuchen Sie es erneut.",
        noIdentity: "Noch keine itsme-Identität? Erstellen Sie sie mit Ihrer eID-Karte"
    )

    static let english = AuthorizeTexts(
        title: "Log in with itsme", forApplication: { "To go to: \($0)" },
        phoneLabel: "Mobile phone number", phoneHint: "For example +32 470 12 34 56 or 0470 12 34 56.", send: "Send to my phone",
        invalidPhone: "Type your mobile phone number, for example +32 470 12 34 56.",
        unknownPhone: "No itsme identity is registered for this number.",
        refused: "Your itsme app accepts no request for now (locked, or too many requests left unanswered). Try again later.",
        waitTitle: "Confirm on your phone",
        openApp: { "Open the app on your phone (\($0)) and tap the number shown here:" },
        tapNumber: "Number to tap on your phone", expiresIn: "Time left:", checkNow: "I have confirmed on my phone",
        cancel: "Cancel", expired: "The request expired without an answer. Start again.",
        badRequestTitle: "Invalid login request",
        badRequest: "The application that sent you here made a request this service cannot accept. Go back to the application and try again.",
        noIdentity: "No itsme identity yet? Create one with your eID card"
    )
}
