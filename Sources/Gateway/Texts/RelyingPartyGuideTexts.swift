import PersoCore

/// Words of the page for the people who connect an application to the gateway (discovery's
/// `service_documentation` and `op_policy_uri`); one value per language, checked complete by the compiler.
struct RelyingPartyGuideTexts: Sendable {
    let title: String
    let lead: String
    let endpointsHeading: String
    let discoveryLabel: String
    let levelsHeading: String
    let levelsBody: String
    let conditionsHeading: String
    let conditions: [String]

    static func texts(for language: Language) -> RelyingPartyGuideTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }

    static let english = RelyingPartyGuideTexts(
        title: "Connecting an application to the gateway",
        lead: "The gateway is an OpenID Connect provider. Any certified OpenID Connect client works: register the application with the gateway's administrators, then configure it from the discovery document below. Nothing else differs from another provider.",
        endpointsHeading: "Where to start",
        discoveryLabel: "Discovery document",
        levelsHeading: "Levels of assurance",
        levelsBody: "Ask for the level your application needs with acr_values; the ID token's acr says the level actually reached, and is never higher than the digital key used.",
        conditionsHeading: "Conditions of use",
        conditions: [
            "Use the identity data only for the purpose for which the application was registered, and ask only for the scopes it needs.",
            "Use the authorization code flow with PKCE (S256); keep client secrets and private keys on the server.",
            "Check the ID token's signature, issuer, audience, expiry, nonce and acr before you trust it.",
            "Offer a logout that calls the end-session endpoint with the ID token as id_token_hint.",
        ]
    )

    static let french = RelyingPartyGuideTexts(
        title: "Connecter une application à la passerelle",
        lead: "La passerelle est un fournisseur OpenID Connect. Tout client OpenID Connect certifié convient : faites enregistrer l’application par les administrateurs de la passerelle, puis configurez-la à partir du document de découverte ci-dessous. Rien d’autre ne diffère d’un autre fournisseur.",
        endpointsHeading: "Pour commencer",
        discoveryLabel: "Document de découverte",
        levelsHeading: "Niveaux de garantie",
        levelsBody: "Demandez le niveau dont votre application a besoin avec acr_values ; le acr du jeton d’identité indique le niveau réellement atteint, jamais supérieur à la clé numérique utilisée.",
        conditionsHeading: "Conditions d’utilisation",
        conditions: [
            "N’utilisez les données d’identité que pour la finalité pour laquelle l’application a été enregistrée, et ne demandez que les scopes nécessaires.",
            "Utilisez le flux « authorization code » avec PKCE (S256) ; gardez les secrets et clés privées des clients sur le serveur.",
            "Vérifiez la signature, l’émetteur, l’audience, l’expiration, le nonce et le acr du jeton d’identité avant de vous y fier.",
            "Proposez une déconnexion qui appelle le point de fin de session avec le jeton d’identité comme id_token_hint.",
        ]
    )

    static let dutch = RelyingPartyGuideTexts(
        title: "Een toepassing aansluiten op de gateway",
        lead: "De gateway is een OpenID Connect-provider. Elke gecertificeerde OpenID Connect-client werkt: laat de toepassing registreren door de beheerders van de gateway en configureer ze vanuit het discovery-document hieronder. Verder verschilt niets van een andere provider.",
        endpointsHeading: "Om te beginnen",
        discoveryLabel: "Discovery-document",
        levelsHeading: "Betrouwbaarheidsniveaus",
        levelsBody: "Vraag het niveau dat uw toepassing nodig heeft met acr_values; de acr van het ID-token geeft het werkelijk bereikte niveau, nooit hoger dan de gebruikte digitale sleutel.",
        conditionsHeading: "Gebruiksvoorwaarden",
        conditions: [
            "Gebruik de identiteitsgegevens alleen voor het doel waarvoor de toepassing werd geregistreerd, en vraag alleen de scopes die ze nodig heeft.",
            "Gebruik de authorization-code-flow met PKCE (S256); bewaar clientgeheimen en privésleutels op de server.",
            "Controleer handtekening, uitgever, publiek, vervaldatum, nonce en acr van het ID-token voor u het vertrouwt.",
            "Bied een afmelding aan die het end-session-eindpunt aanroept met het ID-token als id_token_hint.",
        ]
    )

    static let german = RelyingPartyGuideTexts(
        title: "Eine Anwendung an das Gateway anbinden",
        lead: "Das Gateway ist ein OpenID-Connect-Anbieter. Jeder zertifizierte OpenID-Connect-Client funktioniert: Lassen Sie die Anwendung von den Administratoren des Gateways registrieren und konfigurieren Sie sie anhand des Discovery-Dokuments unten. Sonst unterscheidet sich nichts von einem anderen Anbieter.",
        endpointsHeading: "Erste Schritte",
        discoveryLabel: "Discovery-Dokument",
        levelsHeading: "Vertrauensniveaus",
        levelsBody: "Fordern Sie das Niveau, das Ihre Anwendung braucht, mit acr_values an; acr im ID-Token nennt das tatsächlich erreichte Niveau, nie höher als der verwendete digitale Schlüssel.",
        conditionsHeading: "Nutzungsbedingungen",
        conditions: [
            "Verwenden Sie die Identitätsdaten nur für den Zweck, für den die Anwendung registriert wurde, und fordern Sie nur die nötigen Scopes an.",
            "Verwenden Sie den Authorization-Code-Flow mit PKCE (S256); bewahren Sie Client-Geheimnisse und private Schlüssel auf dem Server auf.",
            "Prüfen Sie Signatur, Aussteller, Zielgruppe, Ablauf, Nonce und acr des ID-Tokens, bevor Sie ihm vertrauen.",
            "Bieten Sie eine Abmeldung an, die den End-Session-Endpunkt mit dem ID-Token als id_token_hint aufruft.",
        ]
    )
}
