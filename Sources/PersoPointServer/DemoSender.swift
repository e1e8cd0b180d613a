import EBox

/// The demo's eBox sender as `persopoint demo credentials` shows it: a gateway client with client credentials and
/// the `ebox:publish` scope, bound to the eBox's demo sender. Like the demo people's passwords, never for production.
public struct DemoSender: Codable, Sendable {
    public let clientID: String
    public let clientSecret: String
    public let code: String
    public let scope: String
    public let types: [String]

    static let secret = "Demo-Sender-Secret-2026!"
    /// The one demo person without an eBox, so that activating one can be tried.
    static let personWithoutEBox = "Emma"

    public static let demo = DemoSender(clientID: EBoxDemo.senderClientID, clientSecret: secret, code: EBoxDemo.senderCode,
                                        scope: "ebox:publish", types: EBoxDemo.types.keys.sorted())
}
