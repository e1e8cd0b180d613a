import Foundation

/// Every address of PersoContact in one place: the pattern a route is registered with, and the link to one page.
enum ContactPath {
    static let home = ContactPart.path
    static let employer = home + "/employer"
    static let ask = home + "/ask"
    static let askTopicRoute = ask + "/:topic"
    static func ask(_ topic: Topic) -> String { ask + "/" + topic.rawValue }
    /// Where the question's form is sent (a path of its own: it streams files, the page does not).
    static let sendRoute = askTopicRoute + "/send"
    static func send(_ topic: Topic) -> String { ask(topic) + "/send" }

    static let cases = home + "/cases"
    static let caseRoute = cases + "/:id"
    static func item(_ id: String) -> String { cases + "/" + id }
    static func reply(_ id: String) -> String { item(id) + "/reply" }
    static func rating(_ id: String) -> String { item(id) + "/rating" }
    static func file(_ id: String, _ file: UUID) -> String { item(id) + "/files/" + file.uuidString.lowercased() }

    static let queue = home + "/queue"
    static let duties = queue + "/duties"
    static let templates = queue + "/templates"
    static let queueCaseRoute = queue + "/cases/:id"
    static func handling(_ id: String) -> String { queue + "/cases/" + id }
    static func answer(_ id: String) -> String { handling(id) + "/answer" }
    static func note(_ id: String) -> String { handling(id) + "/note" }
    static func assign(_ id: String) -> String { handling(id) + "/assign" }
    static func status(_ id: String) -> String { handling(id) + "/status" }
    static func handlerFile(_ id: String, _ file: UUID) -> String { handling(id) + "/files/" + file.uuidString.lowercased() }
    /// A document the desk published into the employee's eBox (the eBox's own page for it).
    static func eBoxDocument(_ id: String) -> String { "/ebox/documents/" + id }

    static func deleteTemplate(_ id: UUID) -> String { templates + "/" + id.uuidString.lowercased() + "/delete" }
}
