import PersoCore

/// Words of PersoContact's entry page; one value per language, checked complete by the compiler.
struct ContactTexts: Sendable {
    let name: String
    let question: String
    let lead: String
    let bosa: String
    let otherService: String
    let youWorkForBOSA: String
    let youWorkForOtherService: String
    let change: String
    let notYet: String

    static func texts(for language: Language) -> ContactTexts {
        switch language {
        case .fr: .french
        case .nl: .dutch
        case .de: .german
        case .en: .english
        }
    }

    func choiceSentence(_ employer: Employer) -> String {
        switch employer {
        case .bosa: youWorkForBOSA
        case .other: youWorkForOtherService
        }
    }
}

extension ContactTexts {
    static let french = ContactTexts(
        name: "PersoContact",
        question: "Pour quel service public travaillez-vous ?",
        lead: "Plateforme d’accès aux applications du SPF BOSA. Votre choix est retenu pour vos prochaines visites.",
        bosa: "Je travaille pour le SPF BOSA",
        otherService: "Je travaille pour un autre service public fédéral",
        youWorkForBOSA: "Vous travaillez pour le SPF BOSA.",
        youWorkForOtherService: "Vous travaillez pour un autre service public fédéral.",
        change: "Modifier ce choix",
        notYet: "Le guichet PersoContact n’est pas encore disponible sur ce portail. Revenez bientôt."
    )

    static let dutch = ContactTexts(
        name: "PersoContact",
        question: "Voor welke overheidsdienst werkt u?",
        lead: "Toegangsplatform tot de toepassingen van de FOD BOSA. Uw keuze wordt onthouden voor uw volgende bezoeken.",
        bosa: "Ik werk voor de FOD BOSA",
        otherService: "Ik werk voor een andere federale overheidsdienst",
        youWorkForBOSA: "U werkt voor de FOD BOSA.",
        youWorkForOtherService: "U werkt voor een andere federale overheidsdienst.",
        change: "Deze keuze wijzigen",
        notYet: "Het PersoContact-loket is nog niet beschikbaar op dit portaal. Kom binnenkort terug."
    )

    static let german = ContactTexts(
        name: "PersoContact",
        question: "Für welchen öffentlichen Dienst arbeiten Sie?",
        lead: "Zugangsplattform zu den Anwendungen des FÖD BOSA. Ihre Wahl wird für Ihre nächsten Besuche gespeichert.",
        bosa: "Ich arbeite für den FÖD BOSA",
        otherService: "Ich arbeite für einen anderen föderalen öffentlichen Dienst",
        youWorkForBOSA: "Sie arbeiten für den FÖD BOSA.",
        youWorkForOtherService: "Sie arbeiten für einen anderen föderalen öffentlichen Dienst.",
        change: "Diese Wahl ändern",
        notYet: "Der PersoContact-Schalter ist auf diesem Portal noch nicht verfügbar. Schauen Sie bald wieder vorbei."
    )

    static let english = ContactTexts(
        name: "PersoContact",
        question: "Which public service do you work for?",
        lead: "Access platform to the applications of FPS BOSA. Your choice is remembered for your next visits.",
        bosa: "I work for FPS BOSA",
        otherService: "I work for another federal public service",
        youWorkForBOSA: "You work for FPS BOSA.",
        youWorkForOtherService: "You work for another federal public service.",
        change: "Change this choice",
        notYet: "The PersoContact desk is not available on this portal yet. Please come back soon."
    )
}
