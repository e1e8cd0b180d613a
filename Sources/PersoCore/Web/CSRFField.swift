import Plot

extension Node where Context == HTML.FormContext {
    /// The hidden field every form carries; `CSRFMiddleware` refuses the submission without it.
    public static func csrfField(_ session: Session) -> Node {
        .input(.type(.hidden), .name(CSRFMiddleware.fieldName), .value(session.csrfToken.attributeEscaped))
    }
}
