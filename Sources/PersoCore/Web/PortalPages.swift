/// The portal's addresses, which every page links to (the footer, the key chooser's help, the activity log's help
/// desk): written once here for the portal to route and the shell and the other parts to link.
public enum PortalPages {
    public static let home = "/"
    public static let help = "/help"
    public static let accessibility = "/accessibility"
    public static let privacy = "/privacy"
    public static let cookies = "/cookies"
    /// Not `/contact`: that is PersoContact's, and maintenance closes it, which is when people need the help desk most.
    public static let helpDesk = "/helpdesk"
    /// The registration offices' list, where people without a key book an appointment (the key chooser links to it).
    public static let registrationOffices = "/office"

    /// One help article, by its topic's name.
    public static func help(_ topic: String) -> String { "\(help)/\(topic)" }
}
