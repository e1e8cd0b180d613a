import Hummingbird
import PersoCore
import Plot

/// The gateway's own error pages: the person is told what happened and is never sent anywhere untrusted.
enum GatewayErrorPage {
    static func unknownApplication(_ context: PersoRequestContext) -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        return page(texts.unknownApplicationTitle, texts.unknownApplicationBody, context)
    }

    static func loginExpired(_ context: PersoRequestContext) -> Response {
        let texts = GatewayTexts.texts(for: context.language)
        return page(texts.loginExpiredTitle, texts.loginExpiredBody, context)
    }

    private static func page(_ title: String, _ body: String, _ context: PersoRequestContext) -> Response {
        Layout.response(Page(title: title, status: .badRequest, content: .div(
            .class("error-page"),
            .h1(.text(title)),
            .p(.text(body)),
            .p(.a(.class("button secondary"), .href("/"), .text(context.chrome.texts.backToPortal)))
        )), chrome: context.chrome)
    }
}
