import PersoCore

/// PersoContact as a part: for now its entry page, which routes a person by the organisation they work for.
public struct ContactPart: Part {
    public let name = "contact"
    public let policy = RoutePolicy.applicationPages
    let entry: ContactEntryController

    public static let path = "/contact"
    static let employerPath = path + "/employer"

    public init(secureCookies: Bool) {
        entry = ContactEntryController(secureCookies: secureCookies)
    }

    public func register(on routes: Routes) {
        routes.claim(prefix: Self.path)
        entry.register(on: routes)
    }
}
