import PersoCore

/// The guide's sections, each a help page of the portal.
enum HelpTopic: String, CaseIterable, Sendable {
    case eid
    case itsme
    case securityCode = "security-code"
    case session
    case ebox
}

struct HelpArticle: Sendable {
    let title: String
    let summary: String
    let sections: [HelpSection]
}

struct HelpSection: Sendable {
    let heading: String?
    let paragraphs: [String]
    let steps: [String]

    init(heading: String? = nil, paragraphs: [String] = [], steps: [String] = []) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.steps = steps
    }
}

extension HelpArticle {
    /// The article for a topic in a language; each language file answers every topic (exhaustive switch).
    static func article(_ topic: HelpTopic, in language: Language) -> HelpArticle {
        switch language {
        case .fr: return french(topic)
        case .nl: return dutch(topic)
        case .de: return german(topic)
        case .en: return english(topic)
        }
    }
}
