/// Where the mobile identity service answers: the provider under its issuer, the app on the phone.
enum MobileIDPath {
    static let base = "/mobileid"
    static let discovery = base + "/.well-known/openid-configuration"
    static let jwks = base + "/jwks"
    static let backchannel = base + "/bc-authorize"
    static let token = base + "/token"
    static let userinfo = base + "/userinfo"
    /// The authorisation code flow: the person's own login pages at the service.
    static let authorize = base + "/authorize"
    static let authorizeWait = authorize + "/wait"
    static let authorizeStatus = authorize + "/status"
    static let authorizeContinue = authorize + "/continue"
    static let authorizeCancel = authorize + "/cancel"
    static let authorizeScript = base + "/authorize.js"
    static let app = base + "/app"
    static let appScript = base + "/app.js"
    static let manifest = base + "/app.webmanifest"
    /// The phone's own calls, each signed with its device key.
    static let appState = base + "/app/state"
    static let appEvents = base + "/app/events"
    static let appAnswer = base + "/app/answer"
    static let appRemoveDevice = base + "/app/devices/remove"
    static let appBiometricsOptions = base + "/app/biometrics/options"
    static let appBiometricsRegister = base + "/app/biometrics/register"
    /// Enrolment on the computer (steps 1–4); the eID login that signs the contract comes back under `enrol`.
    static let enrol = base + "/enrol"
    static let enrolDetails = enrol + "/details"
    static let enrolContract = enrol + "/contract"
    static let enrolToken = enrol + "/token"
    /// Enrolment on the phone (steps 5–8), JSON calls from the app's script.
    static let appEnrolStart = base + "/app/enrol/start"
    static let appEnrolVerify = base + "/app/enrol/verify"
    static let appEnrolResend = base + "/app/enrol/resend"
    static let appEnrolFinish = base + "/app/enrol/finish"
    /// Development only: sets up this browser as a demo person's phone.
    static let devPair = base + "/app/dev-pair"
    /// Development only: the demo phones, each opening the app ready to pair.
    static let devPhones = "/dev/phones"
}
