import Crypto
import Foundation

/// The contract the person reads and signs with the eID at step 3. What is recorded is its version and the SHA-256
/// of the exact text shown (in the person's language), so that what was signed can be proven later. A change of
/// wording is a new version.
enum Contract {
    static let version = "2026-12"

    static func paragraphs(_ language: Language) -> [String] {
        switch language {
        case .fr:
            [
                "Le présent contrat lie le titulaire de l'identité mobile au service d'identité mobile de PersoPoint.",
                "1. L'identité mobile permet au titulaire de s'identifier auprès des applications de l'administration et d'y confirmer ses connexions sur son smartphone, au niveau d'assurance élevé.",
                "2. Le titulaire garde secret son code à 5 chiffres et ne le communique à personne, pas même au service. Il refuse toute demande qu'il n'a pas lui-même initiée.",
                "3. Le titulaire signale sans délai la perte ou le vol de son smartphone en retirant l'appareil depuis l'application ou en s'enrôlant à nouveau avec sa carte eID.",
                "4. Après cinq codes erronés, l'application est bloquée ; un nouvel enrôlement avec la carte eID la débloque.",
                "5. Le service traite le numéro de registre national, les nom et prénom, le numéro de téléphone et l'adresse e-mail du titulaire pour l'identifier et le protéger, conformément au RGPD. Les demandes et leurs réponses sont conservées un an.",
                "6. Le titulaire peut mettre fin au contrat à tout moment en retirant tous ses appareils.",
            ]
        case .nl:
            [
                "Deze overeenkomst verbindt de houder van de mobiele identiteit met de mobiele-identiteitsdienst van PersoPoint.",
                "1. Met de mobiele identiteit identificeert de houder zich bij de toepassingen van de overheid en bevestigt hij zijn aanmeldingen op zijn smartphone, op het hoge betrouwbaarheidsniveau.",
                "2. De houder houdt zijn 5-cijferige code geheim en deelt hem met niemand, ook niet met de dienst. Hij weigert elke aanvraag die hij niet zelf heeft gestart.",
                "3. De houder meldt verlies of diefstal van zijn smartphone onmiddellijk door het toestel in de app te verwijderen of zich opnieuw te registreren met zijn eID-kaart.",
                "4. Na vijf foute codes wordt de app geblokkeerd; een nieuwe registratie met de eID-kaart deblokkeert hem.",
                "5. De dienst verwerkt het rijksregisternummer, de naam en voornaam, het telefoonnummer en het e-mailadres van de houder om hem te identificeren en te beschermen, volgens de AVG. Aanvragen en hun antwoorden worden een jaar bewaard.",
                "6. De houder kan de overeenkomst op elk moment beëindigen door al zijn toestellen te verwijderen.",
            ]
        case .de:
            [
                "Dieser Vertrag verbindet den Inhaber der mobilen Identität mit dem Dienst für mobile Identität von PersoPoint.",
                "1. Mit der mobilen Identität identifiziert sich der Inhaber bei den Anwendungen der Verwaltung und bestätigt seine Anmeldungen auf seinem Smartphone, auf dem hohen Vertrauensniveau.",
                "2. Der Inhaber hält seinen 5-stelligen Code geheim und gibt ihn niemandem weiter, auch nicht dem Dienst. Er lehnt jede Anfrage ab, die er nicht selbst gestartet hat.",
                "3. Der Inhaber meldet Verlust oder Diebstahl seines Smartphones unverzüglich, indem er das Gerät in der App entfernt oder sich mit seiner eID-Karte neu registriert.",
                "4. Nach fünf falschen Codes wird die App gesperrt; eine neue Registrierung mit der eID-Karte entsperrt sie.",
                "5. Der Dienst verarbeitet die Nationalregisternummer, Name und Vorname, die Telefonnummer und die E-Mail-Adresse des Inhabers, um ihn zu identifizieren und zu schützen, gemäß der DSGVO. Anfragen und ihre Antworten werden ein Jahr aufbewahrt.",
                "6. Der Inhaber kann den Vertrag jederzeit beenden, indem er alle seine Geräte entfernt.",
            ]
        case .en:
            [
                "This contract binds the holder of the mobile identity to PersoPoint's mobile identity service.",
                "1. The mobile identity lets the holder identify themselves to the administration's applications and confirm their logins on their smartphone, at the high level of assurance.",
                "2. The holder keeps their 5-digit code secret and gives it to nobody, not even to the service. They refuse any request they did not start themselves.",
                "3. The holder reports the loss or theft of their smartphone at once, by removing the device in the app or by enrolling again with their eID card.",
                "4. After five wrong codes the app is locked; enrolling again with the eID card unlocks it.",
                "5. The service processes the holder's national register number, names, phone number and e-mail address to identify and protect them, under the GDPR. Requests and their answers are kept for a year.",
                "6. The holder may end the contract at any time by removing all their devices.",
            ]
        }
    }

    /// The SHA-256 (hex) of the text as shown: its version line and paragraphs, one per line.
    static func sha256(_ language: Language) -> String {
        let text = ([version] + paragraphs(language)).joined(separator: "\n")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
