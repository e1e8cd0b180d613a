import Foundation
import Hummingbird
import PersoCore
import Plot

/// `/dev/phones` (development only): every enrolled identity with a link that opens the app as that phone — the
/// pairing form filled in with the number, the demo code still to type. A developer's tool: English only.
struct DevelopmentPhonesPage: Sendable {
    let identities: Identities

    func register(on routes: Routes) {
        routes.get(MobileIDPath.devPhones) { _, context in
            let people = try await identities.all(limit: 200)
            let page = Page(title: "Demo phones", content: .div(
                .h1(.text("Demo phones")),
                .p(.class("lead"), .text("Open the itsme app as one of these phones; its code is the person's itsmeCode in `persopoint demo credentials --json`. This page exists only in development mode (--dev).")),
                .ul(.id("demo-phones"), .class("phone-list"), .forEach(people) { identity in
                    .li(.attribute(named: "data-phone", value: identity.phone),
                        .strong(.text("\(identity.givenName) \(identity.surname)")), .text(" · \(identity.phone) "),
                        .if(identity.lockedAt != nil, .text("(locked) ")),
                        .a(.href(MobileIDPath.app + "?pair=" + (identity.phone.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")),
                           .text("Open the app as this phone")))
                })
            ))
            return Layout.response(page, chrome: context.chrome)
        }
    }
}
