import Foundation
import PersoCore
import Plot
import Testing

/// Views write attribute values plainly — `.href(url)`, `.value(typed)` — and the view layer escapes them; no call
/// site names an escaping helper (`ViewSourceTests` keeps it that way).
@Suite("A view writing what a person typed into an attribute")
struct EscapedAttributesTests {
    static let hostile = #"x" onmouseover="alert(1)" a='<b>&amp;'"#
    static let escaped = "x&quot; onmouseover=&quot;alert(1)&quot; a=&#39;&lt;b&gt;&amp;amp;&#39;"

    @Test("every attribute helper the views use escapes its value by itself")
    func everyHelperEscapes() {
        let hostile = Self.hostile
        let attributes: [Node<HTML.BodyContext>] = [.id(hostile), .class(hostile), .attribute(named: "data-x", value: hostile)]
        let link: Node<HTML.AnchorContext> = .href(hostile)
        let title: Node<HTML.AnchorContext> = .title(hostile)
        let action: Node<HTML.FormContext> = .action(hostile)
        let fields: [Attribute<HTML.InputContext>] = [.id(hostile + "-input"), .name(hostile), .value(hostile)]
        let source: Node<HTML.ScriptContext> = .src(hostile)
        let body: Node<HTML.BodyContext> = .div(
            .group(attributes),
            .a(link, title, .text(hostile)),
            .form(action, .input(fields[0], fields[1], fields[2]), .label(.text("l"))),
            .script(source)
        )
        let html = body.render()
        for attribute in ["id", "class", "data-x", "href", "title", "action", "name", "value", "src"] {
            #expect(html.contains("\(attribute)=\"\(Self.escaped)\""), "\(attribute) is escaped")
        }
        #expect(html.range(of: #"<[^>]*\sonmouseover=""#, options: .regularExpression) == nil, "nothing leaves its quotes to become an attribute")
    }

    @Test("a page rendered through the layout keeps a hostile value inside its attribute")
    func throughTheLayout() {
        let page = Page(title: "t", content: .input(.name("q"), .value(#""<&"#)))
        let html = Layout.render(page, chrome: PageChrome(language: .en, maintenance: nil, account: nil, address: nil, areaNavigation: nil))
        #expect(html.contains(#"value="&quot;&lt;&amp;""#))
    }
}
