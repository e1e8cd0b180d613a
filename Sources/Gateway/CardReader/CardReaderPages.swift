import Hummingbird
import PersoCore
import Plot

/// "Insert your card, then identify": the page before the browser asks for the certificate, and the same page
/// with the reason when a card was refused, so trying again is one click.
enum CardReaderPages {
    static func insertCard(_ transaction: LoginTransaction, identifyURL: String, refusal: CardRefusal?, context: PersoRequestContext) -> Response {
        let texts = CardReaderTexts.texts(for: context.language)
        let gateway = GatewayTexts.texts(for: context.language)
        // No certificate at all is the ordinary "the card was not in the reader": the same page again, with a word.
        let asking = refusal == nil || refusal == .noCertificate
        let title = asking ? texts.insertTitle : texts.refusedTitle
        let page = Page(title: title, status: asking ? .ok : .forbidden, content: .div(
            .class("login-form eid-login"),
            .h1(.text(title)),
            .p(.class("for-application"), .text(gateway.chooserForApplication(transaction.clientName))),
            .unwrap(refusal) { reason in
                .section(.id("eid-refusal"), .class("form-error"), .attribute(named: "data-reason", value: reason.rawValue),
                         .attribute(named: "role", value: "alert"), .p(.text(texts.refusal(reason))))
            },
            .ol(.class("steps"), .forEach(texts.insertSteps) { .li(.text($0)) }),
            .p(.a(.id(asking ? "eid-identify" : "eid-try-again"), .class("button"), .href(identifyURL),
                  .text(asking ? texts.identify : texts.tryAgain))),
            .p(.a(.id("eid-other-key"), .href(GatewayPath.chooser(transaction)), .text(texts.otherKey)))
        ))
        return Layout.response(page, chrome: context.chrome)
    }

    /// A refusal with no login to go back to (a result opened in another browser, or after the login expired).
    static func refusedWithoutLogin(_ refusal: CardRefusal, context: PersoRequestContext) -> Response {
        let texts = CardReaderTexts.texts(for: context.language)
        let page = Page(title: texts.refusedTitle, status: .forbidden, content: .div(
            .class("error-page eid-login"),
            .h1(.text(texts.refusedTitle)),
            .section(.id("eid-refusal"), .class("form-error"), .attribute(named: "data-reason", value: refusal.rawValue),
                     .attribute(named: "role", value: "alert"), .p(.text(texts.refusal(refusal)))),
            .p(.a(.class("button secondary"), .href("/"), .text(context.chrome.texts.backToPortal)))
        ))
        return Layout.response(page, chrome: context.chrome)
    }
}
