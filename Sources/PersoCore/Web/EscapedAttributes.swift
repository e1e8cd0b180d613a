import Plot

// Plot escapes text nodes but writes attribute values as they are. These declarations have the same names and
// parameters as Plot's, on every HTML context marked `EscapingHTMLContext` (all of Plot's): being more constrained,
// Swift picks them over Plot's in every module that imports PersoCore (checked at run time by the tests below). So an attribute value written in a view is
// escaped by the view layer itself, with no helper to remember at the call site. `EscapedAttributesTests` renders
// `"`, `<` and `&` through each of them, and `ViewSourceTests` fails if a view file escapes by hand or imports Plot
// without PersoCore.

/// An HTML context whose attribute helpers escape (every one of Plot's 0.14 contexts is marked below).
public protocol EscapingHTMLContext: HTMLContext {}

// `BodyContext`'s subclasses (anchor, button, data, details, form, label, time) inherit the mark.
extension HTML.DocumentContext: EscapingHTMLContext {}
extension HTML.HeadContext: EscapingHTMLContext {}
extension HTML.BodyContext: EscapingHTMLContext {}
extension HTML.AudioContext: EscapingHTMLContext {}
extension HTML.AudioSourceContext: EscapingHTMLContext {}
extension HTML.DataListContext: EscapingHTMLContext {}
extension HTML.DescriptionListContext: EscapingHTMLContext {}
extension HTML.EmbedContext: EscapingHTMLContext {}
extension HTML.IFrameContext: EscapingHTMLContext {}
extension HTML.ImageContext: EscapingHTMLContext {}
extension HTML.InputContext: EscapingHTMLContext {}
extension HTML.TextAreaContext: EscapingHTMLContext {}
extension HTML.LinkContext: EscapingHTMLContext {}
extension HTML.ListContext: EscapingHTMLContext {}
extension HTML.MetaContext: EscapingHTMLContext {}
extension HTML.ObjectContext: EscapingHTMLContext {}
extension HTML.OptionContext: EscapingHTMLContext {}
extension HTML.PictureContext: EscapingHTMLContext {}
extension HTML.ScriptContext: EscapingHTMLContext {}
extension HTML.SelectContext: EscapingHTMLContext {}
extension HTML.TableContext: EscapingHTMLContext {}
extension HTML.TableRowContext: EscapingHTMLContext {}
extension HTML.VideoContext: EscapingHTMLContext {}
extension HTML.VideoSourceContext: EscapingHTMLContext {}

public extension Node where Context: EscapingHTMLContext {
    static func id(_ id: String) -> Node {
        .attribute(Attribute(name: "id", value: id.attributeEscaped))
    }

    static func `class`(_ className: String) -> Node {
        .attribute(Attribute(name: "class", value: className.attributeEscaped))
    }

    static func title(_ title: String) -> Node {
        .attribute(Attribute(name: "title", value: title.attributeEscaped))
    }
}

public extension Node where Context: EscapingHTMLContext {
    static func attribute(named name: String, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        .attribute(Attribute(name: name.attributeEscaped, value: value?.attributeEscaped, ignoreIfValueIsEmpty: ignoreIfValueIsEmpty))
    }
}

public extension Attribute where Context: EscapingHTMLContext {
    static func attribute(named name: String, value: String?) -> Attribute {
        Attribute(name: name.attributeEscaped, value: value?.attributeEscaped)
    }
}

public extension Node where Context: HTMLNamableContext & EscapingHTMLContext {
    static func name(_ name: String) -> Node {
        .attribute(Attribute(name: "name", value: name.attributeEscaped))
    }
}

public extension Node where Context: HTMLValueContext & EscapingHTMLContext {
    static func value(_ value: String) -> Node {
        .attribute(Attribute(name: "value", value: value.attributeEscaped))
    }
}

public extension Node where Context: HTMLLinkableContext & EscapingHTMLContext {
    static func href(_ url: URLRepresentable) -> Node {
        .attribute(Attribute(name: "href", value: url.description.attributeEscaped))
    }
}

public extension Node where Context: HTMLSourceContext & EscapingHTMLContext {
    static func src(_ url: URLRepresentable) -> Node {
        .attribute(Attribute(name: "src", value: url.description.attributeEscaped))
    }
}

// Plot declares `action` on the form context itself, which nothing can be more constrained than; taking a `String`
// where Plot takes any `URLRepresentable` makes this one the better match for every address the views write.
public extension Node where Context == HTML.FormContext {
    static func action(_ url: String) -> Node {
        .attribute(Attribute(name: "action", value: url.attributeEscaped))
    }
}

// Not covered, for the same reason and with no better-matching type to take: a label's `for` and a meta tag's
// `content`. The views give them element ids and constants from the code only, never what a person typed.

// Elements that take attributes rather than nodes (`.input(.name(…), .value(…))`) use these.
public extension Attribute where Context: EscapingHTMLContext {
    static func id(_ id: String) -> Attribute {
        Attribute(name: "id", value: id.attributeEscaped)
    }

    static func `class`(_ className: String) -> Attribute {
        Attribute(name: "class", value: className.attributeEscaped)
    }

    static func title(_ title: String) -> Attribute {
        Attribute(name: "title", value: title.attributeEscaped)
    }
}

public extension Attribute where Context: HTMLNamableContext & EscapingHTMLContext {
    static func name(_ name: String) -> Attribute {
        Attribute(name: "name", value: name.attributeEscaped)
    }
}

public extension Attribute where Context: HTMLValueContext & EscapingHTMLContext {
    static func value(_ value: String) -> Attribute {
        Attribute(name: "value", value: value.attributeEscaped)
    }
}
