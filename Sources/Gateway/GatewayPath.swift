import PersoCore

/// The gateway's own addresses, each written once and used both to route and to link (the idea of
/// SwiftPackageIndex-Server's `SiteURL`). The provider's protocol endpoints are in `ProviderSettings`.
enum GatewayPath {
    /// Everything the gateway serves is under this; an unknown address there is still the gateway's (404, maintenance).
    static let root = "/fas"
    static let chooser = "/fas/login"
    static let cancel = "/fas/login/cancel"
    /// A key's login page and form: `/fas/login/<key id>`.
    static let keyRoute = "/fas/login/:key"
    static let logout = "/fas/logout"
    static let logoutConfirm = "/fas/logout/confirm"
    /// Where applications send people after their logout.
    static let loggedOut = "/fas/logged-out"
    static let cardReaderReturn = "/fas/eid/return"
    static let relyingPartyGuide = "/fas/relying-parties"
    static let passwordScript = "/fas/password.js"

    static let myKeys = AccountPages.myKeys
    /// A key's activation from "my keys": `/fas/keys/<key id>`.
    static let myKeyRoute = myKeys + "/:key"
    static let myKeysStepUp = myKeys + "/step-up"
    static let myKeysRemove = myKeys + "/remove"
    static let myActivity = AccountPages.myActivity
    static let myPassword = AccountPages.myPassword

    static func chooser(_ transaction: LoginTransaction) -> String { "\(chooser)?tx=\(transaction.id)" }
    static func cancel(_ transaction: LoginTransaction) -> String { "\(cancel)?tx=\(transaction.id)" }
    static func key(_ key: KeyIdentifier) -> String { "\(chooser)/\(key.rawValue)" }
    static func key(_ key: KeyIdentifier, _ transaction: LoginTransaction) -> String { "\(Self.key(key))?tx=\(transaction.id)" }
    static func myKey(_ key: KeyIdentifier) -> String { "\(myKeys)/\(key.rawValue)" }
}

extension LoginTransaction {
    /// This login's key chooser, for a key outside the gateway to link back to.
    public var chooserAddress: String { GatewayPath.chooser(self) }

    /// Where a key's form posts, for a key outside the gateway.
    public func formAddress(of key: KeyIdentifier) -> String { GatewayPath.key(key) }
}
