import Hummingbird
import PersoCore
import Plot

/// 403 for someone logged in strongly enough who is not a registration officer of any office.
enum NotAnOfficerPage {
    /// `administrators`: the page is for the office's administrators, and this officer is not one.
    static func response(context: PersoRequestContext, administrators: Bool = false) -> Response {
        let texts = OfficeTexts.texts(for: context.language).desk
        let title = administrators ? texts.notAdministratorTitle : texts.notOfficerTitle
        return Layout.response(Page(title: title, status: .forbidden, content: .div(
            .class("notice-page"),
            .h1(.id("not-officer"), .text(title)),
            .p(.text(administrators ? texts.notAdministratorBody : texts.notOfficerBody)),
            .p(.a(.href(OfficePath.root), .text(texts.toOffices)))
        )), chrome: context.chrome)
    }
}
