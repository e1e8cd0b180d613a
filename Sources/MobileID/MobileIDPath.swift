/// Where the mobile identity service answers: the provider under its issuer, the app on the phone.
enum MobileIDPath {
    static let base = "/mobileid"
    static let discovery = base + "/.well-known/openid-configuration"
    static let jwks = base + "/jwks"
    static let backchannel = base + "/bc-authorize"
    static let token = base + "/token"
    static let userinfo = base + "/userinfo"
    static let app = base + "/app"
    static let appScript = base + "/app.js"
    static let manifest = base + "/app.webmanifest"
    /// The phone's own calls, each signed with its device key.
    static let appState = base + "/app/state"
    static let appEvents = base + "/app/events"
    static let appAnswer = base + "/app/answer"
    static let appRemoveDevice = base + "/app/devices/remove"
    /// Development only: sets up this browser as a demo person's phone.
    static let devPair = base + "/app/dev-pair"
}
