import Plot

/// Options of a `<select>`, the chosen one marked (Plot's own option is self-closing, with its text in an attribute).
public enum SelectOptions {
    public static func node(_ options: [(value: String, label: String)], selected: String?) -> Node<HTML.SelectContext> {
        .forEach(options) { option in
            .element(named: "option", nodes: [
                .attribute(named: "value", value: option.value, ignoreIfValueIsEmpty: false),
                .if(option.value == selected, .attribute(named: "selected", value: "selected")),
                .text(option.label),
            ])
        }
    }
}
