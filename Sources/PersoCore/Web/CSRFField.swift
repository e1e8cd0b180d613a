import Plot

extension Node where Context == HTML.FormContext {
    /// The hidden field every form carries; `CSRFMiddleware` refuses the submission without it.
    public static func csrfField(_ session: Session) -> Node {
        csrfField(token: session.csrfToken)
    }

    /// The same field for a token taken from the session earlier (a page's chrome).
    public static func csrfField(token: String) -> Node {
        .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(token))
    }
}
