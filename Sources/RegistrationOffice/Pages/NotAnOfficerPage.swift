import Hummingbird
import PersoCore
import Plot

/// 403 for someone logged in strongly enough who is not a registration officer of any office.
enum NotAnOfficerPage {
    static func response(context: PersoRequestContext) -> Response {
        let texts = OfficeTexts.texts(for: context.language).desk
        return Layout.response(Page(title: texts.notOfficerTitle, status: .forbidden, content: .div(
            .class("notice-page"),
            .h1(.id("not-officer"), .text(texts.notOfficerTitle)),
            .p(.text(texts.notOfficerBody)),
            .p(.a(.href(OfficePath.root), .text(texts.toOffices)))
        )), chrome: context.chrome)
    }
}
