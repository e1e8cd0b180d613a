import Foundation
import Gateway
import Hummingbird
import PersoCore
import Plot

/// The activation form: the code from the letter, then username and password (twice), with the gateway's rules
/// said up front; and the page for a link that can no longer be used.
struct ActivationPage {
    let person: Person
    let office: Office
    let keys: [KeyProfile]
    let link: String
    let username: String
    let error: String?
    let texts: OfficeTexts

    func response(status: HTTPResponse.Status, context: PersoRequestContext) -> Response {
        let words = texts.activation
        var page = Page(title: words.title, status: status, content: .div(
            .class("login-form activation"),
            .h1(.text(words.title)),
            .p(.class("lead"), .text(words.lead(person.givenName, office.name))),
            .unwrap(keys.isEmpty ? nil : keys) { keys in
                .group(.p(.text(words.keysComing)), .ul(.id("keys-to-activate"), .forEach(keys) { .li(.text($0.names(context.language).short)) }))
            },
            .unwrap(error) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .id("activation-form"), .method(.post), .action(OfficePath.activate(link)), .csrfField(context.session),
                .div(.class("field"),
                     .label(.for("code"), .text(words.code)),
                     .span(.id("code-hint"), .class("hint"), .text(words.codeHint)),
                     .input(.id("code"), .name("code"), .type(.text), .class("code"), .required(true), .autofocus(true),
                            .attribute(named: "autocomplete", value: "off"), .attribute(named: "autocapitalize", value: "characters"),
                            .attribute(named: "maxlength", value: "20"), .attribute(named: "aria-describedby", value: "code-hint"))),
                .div(.class("field"),
                     .label(.for("username"), .text(words.username)),
                     .span(.id("username-hint"), .class("hint"), .text(words.usernameHint)),
                     .input(.id("username"), .name("username"), .type(.text), .value(username), .required(true),
                            .attribute(named: "autocomplete", value: "username"), .attribute(named: "minlength", value: "3"),
                            .attribute(named: "maxlength", value: "64"), .attribute(named: "aria-describedby", value: "username-hint"))),
                .div(.class("field"),
                     .label(.for("password"), .text(words.password)),
                     .span(.id("password-hint"), .class("hint"), .text(words.passwordHint)),
                     .input(.id("password"), .name("password"), .type(.password), .required(true),
                            .attribute(named: "autocomplete", value: "new-password"), .attribute(named: "minlength", value: "12"),
                            .attribute(named: "maxlength", value: "128"), .attribute(named: "aria-describedby", value: "password-hint"))),
                .div(.class("field"),
                     .label(.for("password_again"), .text(words.passwordAgain)),
                     .input(.id("password_again"), .name("password_again"), .type(.password), .required(true),
                            .attribute(named: "autocomplete", value: "new-password"), .attribute(named: "maxlength", value: "128"))),
                .button(.id("activate"), .type(.submit), .text(words.activate))
            )
        ))
        page.headers[.cacheControl] = "no-store"
        page.headers[.init("Referrer-Policy")!] = "no-referrer"
        return Layout.response(page, chrome: context.chrome)
    }

    static func gone(_ reason: Activations.Gone, context: PersoRequestContext) -> Response {
        let words = OfficeTexts.texts(for: context.language).activation
        return Layout.response(Page(title: words.goneTitle, status: reason == .unknown ? .notFound : .gone, content: .div(
            .class("notice-page"),
            .h1(.id("activation-gone"), .text(words.goneTitle)),
            .p(.text(words.gone(reason))),
            .p(.a(.href(OfficePath.root), .text(words.toOffices)))
        )), chrome: context.chrome)
    }
}

/// Done: the keys are active. A token card is shown this once, to print; an authenticator app's QR code and secret too.
struct ActivatedPage {
    let person: Person
    let username: String
    let issued: [(KeyProfile, IssuedKey)]
    let texts: OfficeTexts

    func response(context: PersoRequestContext) -> Response {
        let words = texts.activation
        let language = context.language
        var page = Page(title: words.doneTitle, content: .div(
            .id("activated"),
            .h1(.text(words.doneTitle)),
            .p(.class("lead no-print"), .text(words.doneLead(username))),
            .ul(.class("no-print"), .li(.text(words.passwordActive)), .forEach(issued) { .li(.text(words.keyActive($0.0.names(language).short))) }),
            .forEach(issued) { profile, key in
                .group(
                    .unwrap(key.codes) { codes in
                        .section(.class("issued-card"),
                                 .h2(.text(words.cardTitle)),
                                 .p(.class("no-print"), .text(words.cardHint)),
                                 .p(.class("card-owner"), .text("\(person.givenName) \(person.surname)")), TokenCardSheet.node(codes))
                    },
                    .unwrap(key.uri) { uri in
                        .section(.class("no-print"),
                                 .h2(.text(profile.names(language).short)),
                                 .p(.text(words.totpHint)),
                                 .div(.class("qr"), .raw(QRCode(uri)?.svg(title: words.totpQRTitle) ?? "")),
                                 .p(.code(.id("totp-secret"), .text(key.secret ?? ""))))
                    }
                )
            },
            .p(.class("no-print"), .a(.id("to-selfservice"), .class("button"), .href("/selfservice/"), .text(words.toSelfService)))
        ))
        page.headers[.cacheControl] = "no-store"
        return Layout.response(page, chrome: context.chrome)
    }
}
