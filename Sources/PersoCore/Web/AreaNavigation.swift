import Plot

/// The pages of one area of a part (the gateway's "my account": my digital keys, my activity, my password) and the
/// way back to where the person came from, drawn above the page's content so that nobody is stranded there.
public struct AreaNavigation: Sendable {
    public struct Link: Sendable {
        public var title: String
        public var href: String

        public init(title: String, href: String) {
            self.title = title
            self.href = href
        }
    }

    /// Names the navigation for screen readers ("My account").
    public var label: String
    public var links: [Link]
    /// Back to the application the person came from, or the portal.
    public var back: Link

    public init(label: String, links: [Link], back: Link) {
        self.label = label
        self.links = links
        self.back = back
    }

    /// The navigation, with the link of the page shown (its path) marked as the current one.
    func node(currentPath: String?) -> Node<HTML.BodyContext> {
        .nav(
            .class("area-navigation"),
            .attribute(named: "aria-label", value: label),
            .a(.id("area-back"), .class("area-back"), .href(back.href), .text("← " + back.title)),
            .ul(.forEach(links) { link in
                .li(.a(
                    .href(link.href),
                    .if(currentPath == link.href, .attribute(named: "aria-current", value: "page")),
                    .text(link.title)
                ))
            })
        )
    }
}
