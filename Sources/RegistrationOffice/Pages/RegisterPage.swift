import Foundation
import Gateway
import Hummingbird
import PersoCore
import Plot

/// Registering a person: identity as on the document, personal e-mail (required: the link goes there), the
/// document seen, and the keys the person will activate. Every problem is said beside its field.
struct RegisterPage {
    let officer: Officer
    let form: RegistrationForm
    let problems: [RegistrationForm.Problem]
    let organisations: [Organisation]
    let keys: [KeyProfile]
    /// The person already registered with this national number, to open instead.
    let existing: Person?
    let texts: OfficeTexts

    func response(status: HTTPResponse.Status, context: PersoRequestContext) -> Response {
        let words = texts.register
        let language = context.language
        var page = Page(title: words.title, status: status, content: .div(
            .class("desk"),
            DeskNavigation.node(officer, texts: texts),
            .h1(.text(words.title)),
            .if(!problems.isEmpty, .div(.class("form-error"), .attribute(named: "role", value: "alert"),
                                        .p(.text(words.fix)), .ul(.forEach(problems) { .li(.text(words.problem($0))) }))),
            .unwrap(existing) { person in .p(.a(.id("existing-person"), .href(person.id.map(OfficePath.person) ?? OfficePath.desk), .text(words.openExisting))) },
            .form(
                .id("register-form"), .method(.post), .action(OfficePath.register), .csrfField(context.session),
                .unwrap(form.appointment) { .input(.type(.hidden), .name("appointment"), .value($0.uuidString)) },
                .input(.type(.hidden), .name("office"), .value(officer.office.code)),
                .fieldset(
                    .element(named: "legend", nodes: [.text(words.identity)]),
                    field("nrn", words.nrn, form.nrn, problem: .nrn, hint: words.nrnHint),
                    field("given_name", words.givenName, form.givenName, problem: .names),
                    field("surname", words.surname, form.surname, problem: .names),
                    select("language", words.language, Language.allCases.map { ($0.rawValue, texts.languageName($0)) }, form.language),
                    field("email", words.email, form.email, problem: .email, hint: words.emailHint, type: .email),
                    select("organisation", words.organisation, organisations.map { ($0.code, name(of: $0, language)) }, form.organisation)
                ),
                .fieldset(
                    .element(named: "legend", nodes: [.text(words.documentSeen)]),
                    select("document_type", words.documentType, DocumentType.allCases.map { ($0.rawValue, texts.documentName($0)) }, form.documentType),
                    field("document_number", words.documentNumber, form.documentNumber, problem: .documentNumber),
                    select("document_country", words.documentCountry,
                           [("", words.choose)] + Countries.codes.map { ($0, Locale(identifier: language.rawValue).localizedString(forRegionCode: $0) ?? $0) },
                           form.documentCountry),
                    field("document_expiry", words.documentExpiry, form.documentExpiry, problem: problems.contains(.documentExpired) ? .documentExpired : .documentExpiry,
                          type: .date)
                ),
                .fieldset(
                    .element(named: "legend", nodes: [.text(words.keys)]),
                    .p(.class("hint"), .text(words.keysHint)),
                    .forEach(keys) { key in
                        .div(.class("check"),
                             .input(.id("key-\(key.identifier.rawValue)"), .name("key_\(key.identifier.rawValue)"), .type(.checkbox), .value("1"),
                                    .checked(form.keys.contains(key.identifier))),
                             .label(.for("key-\(key.identifier.rawValue)"), .text(" " + key.names(language).short)))
                    }
                ),
                .button(.id("register"), .type(.submit), .text(words.submit))
            )
        ))
        page.headers[.cacheControl] = "no-store"
        return Layout.response(page, chrome: context.chrome)
    }

    private func name(of organisation: Organisation, _ language: Language) -> String {
        switch language {
        case .fr: organisation.nameFR
        case .nl: organisation.nameNL
        case .de: organisation.nameDE
        case .en: organisation.nameEN
        }
    }

    private func field(_ id: String, _ label: String, _ value: String, problem: RegistrationForm.Problem, hint: String? = nil,
                       type: HTMLInputType = .text) -> Node<HTML.FormContext> {
        let failed = problems.contains(problem)
        let described = [hint == nil ? nil : "\(id)-hint", failed ? "\(id)-error" : nil].compactMap { $0 }.joined(separator: " ")
        return .div(.class("field"),
                    .label(.for(id), .text(label)),
                    .unwrap(hint) { .span(.id("\(id)-hint"), .class("hint"), .text($0)) },
                    .if(failed, .span(.id("\(id)-error"), .class("form-error"), .text(texts.register.problem(problem)))),
                    .input(.id(id), .name(id), .type(type), .value(value), .required(true), .attribute(named: "maxlength", value: "254"),
                           .attribute(named: "aria-invalid", value: failed ? "true" : nil),
                           .attribute(named: "aria-describedby", value: described.isEmpty ? nil : described)))
    }

    private func select(_ id: String, _ label: String, _ options: [(String, String)], _ selected: String) -> Node<HTML.FormContext> {
        .div(.class("field"),
             .label(.for(id), .text(label)),
             .select(.id(id), .attribute(named: "name", value: id), SelectOptions.node(options.map { (value: $0.0, label: $0.1) }, selected: selected)))
    }
}

/// The printable letter: the activation code, for whom, until when, and the steps at home. The stylesheet's print
/// rules leave only the letter on paper.
struct ActivationLetterPage {
    let person: Person
    let office: Office
    let letter: Activations.Letter
    let keys: [KeyProfile]
    let texts: OfficeTexts

    func response(context: PersoRequestContext) -> Response {
        let words = texts.letter
        let language = context.language
        var page = Page(title: words.title, content: .div(
            .p(.class("notice no-print"), .attribute(named: "role", value: "status"), .text(words.printNow(person.email ?? ""))),
            .article(
                .id("activation-letter"), .class("letter"),
                .p(.class("letter-office"), .text(office.name), .br(), .text(office.address)),
                .h1(.text(words.title)),
                .p(.text(words.dear(person.givenName, person.surname))),
                .p(.text(words.lead)),
                .p(.class("activation-code"), .span(.text(words.codeLabel + " ")), .strong(.id("activation-code"), .text(letter.code))),
                .p(.id("activation-expiry"), .text(words.validUntil(OfficeDates.moment(letter.expiresAt, person.preferredLanguage)))),
                .ol(.forEach(words.steps(person.email ?? "")) { .li(.text($0)) }),
                .unwrap(keys.isEmpty ? nil : keys) { keys in
                    .group(.p(.text(words.keysComing)), .ul(.forEach(keys) { .li(.text($0.names(language).short)) }))
                },
                .p(.class("hint"), .text(words.keepSecret))
            ),
            .p(.class("no-print"), .a(.id("person-page"), .href(person.id.map(OfficePath.person) ?? OfficePath.desk), .text(words.toPerson)))
        ))
        page.headers[.cacheControl] = "no-store"
        return Layout.response(page, chrome: context.chrome)
    }
}

/// A token card printed at the counter for the person to take home.
struct PrintedCardPage {
    let person: Person
    let codes: [String]
    let texts: OfficeTexts

    func response(context: PersoRequestContext) -> Response {
        var page = Page(title: texts.activation.cardTitle, content: .div(
            .h1(.text(texts.activation.cardTitle)),
            .p(.class("lead no-print"), .text(texts.person.cardPrinted)),
            .p(.class("card-owner"), .text("\(person.givenName) \(person.surname)")),
            TokenCardSheet.node(codes),
            .p(.class("no-print"), .a(.href(person.id.map(OfficePath.person) ?? OfficePath.desk), .text(texts.letter.toPerson)))
        ))
        page.headers[.cacheControl] = "no-store"
        return Layout.response(page, chrome: context.chrome)
    }
}
