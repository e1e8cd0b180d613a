import PersoCore

/// The access portal as a part: the landing page, the help made from the guide, the notices the footer links to.
/// It stays open through maintenance: that is where people read when the applications will be back.
public struct PortalPart: Part {
    public let name = "portal"
    public let policy = RoutePolicy.alwaysOpenPages
    let controller: PortalController

    public init(helpDesk: HelpDeskContact, sessions: SessionPolicy) {
        controller = PortalController(helpDesk: helpDesk, sessions: sessions)
    }

    public func register(on routes: Routes) {
        controller.register(on: routes)
    }
}
