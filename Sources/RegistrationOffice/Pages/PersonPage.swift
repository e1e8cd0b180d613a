import Foundation
import Gateway
import Hummingbird
import PersoCore
import Plot

/// What an officer can see and do for one person: contact data, keys, unlock, a new activation, roles in the
/// office's organisations, the identity documents seen and the activity of the last 6 months.
struct PersonPage {
    let officer: Officer
    let person: Person
    let username: String?
    let keys: [PersonKeys.State]
    let offered: [KeyProfile]
    let roles: [(organisation: String, role: Membership.Role)]
    let grantable: [(String, Membership.Role)]
    let checks: [IdentityCheck]
    let activity: [RegistrationAuthority.ActivityLine]
    let notice: String?
    let error: String?
    let texts: OfficeTexts

    func response(status: HTTPResponse.Status, context: PersoRequestContext) -> Response {
        let words = texts.person
        let language = context.language
        let personID = person.id ?? UUID()
        let keyName = { (kind: String) in offered.first { $0.identifier.rawValue == kind }?.names(language).short ?? kind }
        var page = Page(title: "\(person.givenName) \(person.surname)", status: status, content: .div(
            .class("desk person"),
            DeskNavigation.node(officer, texts: texts),
            .h1(.text("\(person.givenName) \(person.surname)")),
            .p(.class("lead"), .text(((try? NationalRegisterNumber(person.nrn))?.formatted ?? person.nrn) + " · " + words.usernameIs(username))),
            .unwrap(notice.flatMap(words.done)) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .unwrap(error) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            contactSection(personID: personID, keyName: keyName, context: context),
            keysSection(personID: personID, keyName: keyName, context: context),
            activationSection(personID: personID, keyName: keyName, context: context),
            rolesSection(personID: personID, keyName: keyName, context: context),
            documentsSection(personID: personID, keyName: keyName, context: context),
            activitySection(personID: personID, keyName: keyName, context: context)
        ))
        page.headers[.cacheControl] = "no-store"
        return Layout.response(page, chrome: context.chrome)
    }

    private func keyRow(_ key: PersonKeys.State, name: String, personID: UUID, session: Session) -> Node<HTML.TableContext> {
        let words = texts.person
        let removable = offered.contains { $0.identifier.rawValue == key.kind }
        let remove: Node<HTML.BodyContext> = removable ? .form(
            .class("remove-key"), .method(.post), .action(OfficePath.person(personID, "keys/remove")), .csrfField(session),
            .input(.type(.hidden), .name("kind"), .value(key.kind)),
            .button(.class("remove secondary"), .type(.submit), .text(words.remove))) : .empty
        return .tr(.td(.attribute(named: "data-label", value: words.key), .text(name)),
                   .td(.attribute(named: "data-label", value: words.status), .text(key.status)),
                   .td(.attribute(named: "data-label", value: words.lastUsed), .text(key.lastUsedAt.map(BelgianTime.minute) ?? "–")),
                   .td(.attribute(named: "data-label", value: ""), remove))
    }

    private func activityRow(_ line: RegistrationAuthority.ActivityLine, headings: [String]) -> Node<HTML.TableContext> {
        let cells: [String] = [BelgianTime.minute(line.at), line.what, line.key ?? "–", line.application ?? "–", line.from]
        return .tr(.class(line.success ? "ok" : "failed"), .forEach(Array(zip(headings, cells))) { heading, value in
            .td(.attribute(named: "data-label", value: heading), .text(value))
        })
    }

    private func contactSection(personID: UUID, keyName: (String) -> String, context: PersoRequestContext) -> Node<HTML.BodyContext> {
        let words = texts.person
        let language = context.language
        _ = language
        return .section(
                .h2(.text(words.contact)),
                .form(.id("contact-form"), .method(.post), .action(OfficePath.person(personID, "contact")), .csrfField(context.session),
                      .div(.class("field"), .label(.for("email"), .text(texts.register.email)),
                           .input(.id("email"), .name("email"), .type(.email), .value(person.email ?? ""), .required(true))),
                      .div(.class("field"), .label(.for("language"), .text(texts.register.language)),
                           .select(.id("language"), .attribute(named: "name", value: "language"),
                                   SelectOptions.node(Language.allCases.map { ($0.rawValue, texts.languageName($0)) }, selected: person.preferredLanguage.rawValue))),
                      .button(.id("save-contact"), .type(.submit), .text(words.save)))
        )
    }

    private func keysSection(personID: UUID, keyName: (String) -> String, context: PersoRequestContext) -> Node<HTML.BodyContext> {
        let words = texts.person
        let language = context.language
        _ = language
        return .section(
                .h2(.text(words.keys)),
                .if(keys.isEmpty, .p(.text(words.noKeys)), else: .table(
                    .id("keys"), .class("cards"),
                    .thead(.tr(.th(.text(words.key)), .th(.text(words.status)), .th(.text(words.lastUsed)), .th(.span(.class("sr-only"), .text(words.remove))))),
                    .tbody(.forEach(keys) { keyRow($0, name: keyName($0.kind), personID: personID, session: context.session) })
                )),
                .form(.id("print-card"), .method(.post), .action(OfficePath.person(personID, "keys/token")), .csrfField(context.session),
                      .p(.class("hint"), .text(words.printCardHint)),
                      .button(.id("print-card-button"), .class("secondary"), .type(.submit), .text(words.printCard))),
                .form(.id("unlock"), .method(.post), .action(OfficePath.person(personID, "unlock")), .csrfField(context.session),
                      .button(.id("unlock-button"), .class("secondary"), .type(.submit), .text(words.unlock)))
        )
    }

    private func activationSection(personID: UUID, keyName: (String) -> String, context: PersoRequestContext) -> Node<HTML.BodyContext> {
        let words = texts.person
        let language = context.language
        _ = language
        return .section(
                .h2(.text(words.newActivation)),
                .form(.id("reissue-form"), .method(.post), .action(OfficePath.person(personID, "activation")), .csrfField(context.session),
                      .p(.class("hint"), .text(words.newActivationHint)),
                      .forEach(offered) { key in
                          .div(.class("check"),
                               .input(.id("key-\(key.identifier.rawValue)"), .name("key_\(key.identifier.rawValue)"), .type(.checkbox), .value("1")),
                               .label(.for("key-\(key.identifier.rawValue)"), .text(" " + key.names(language).short)))
                      },
                      .button(.id("reissue"), .type(.submit), .text(words.issueActivation)))
        )
    }

    private func rolesSection(personID: UUID, keyName: (String) -> String, context: PersoRequestContext) -> Node<HTML.BodyContext> {
        let words = texts.person
        let language = context.language
        _ = language
        return .section(
                .h2(.text(words.roles)),
                .ul(.id("roles"), .forEach(roles) { held in
                    .li(.text("\(held.organisation) · \(texts.roleName(held.role))"),
                        .if(grantable.contains { $0.0 == held.organisation && $0.1 == held.role }, .form(
                            .class("revoke-role inline"), .method(.post), .action(OfficePath.person(personID, "roles")), .csrfField(context.session),
                            .input(.type(.hidden), .name("role"), .value("\(held.organisation):\(held.role.rawValue)")),
                            .input(.type(.hidden), .name("action"), .value("revoke")),
                            .button(.class("secondary"), .type(.submit), .text(words.revoke)))))
                }),
                .form(.id("grant-form"), .method(.post), .action(OfficePath.person(personID, "roles")), .csrfField(context.session),
                      .label(.for("role"), .text(words.role + " ")),
                      .select(.id("role"), .attribute(named: "name", value: "role"),
                              SelectOptions.node(grantable.map { ("\($0.0):\($0.1.rawValue)", "\($0.0) · \(texts.roleName($0.1))") }, selected: nil)),
                      .button(.id("grant"), .type(.submit), .text(words.grant)))
        )
    }

    private func documentsSection(personID: UUID, keyName: (String) -> String, context: PersoRequestContext) -> Node<HTML.BodyContext> {
        let words = texts.person
        let language = context.language
        _ = language
        return .section(
                .h2(.text(words.documents)),
                .ul(.id("identity-checks"), .forEach(checks) { check in
                    .li(.text("\(texts.documentName(check.documentType)) \(check.documentNumber) (\(check.issuingCountry)) · \(words.validUntil(check.expiresOn)) · "
                              + words.seenAt(check.office.name, BelgianTime.day(check.checkedAt))))
                })
        )
    }

    private func activitySection(personID: UUID, keyName: (String) -> String, context: PersoRequestContext) -> Node<HTML.BodyContext> {
        let words = texts.person
        let language = context.language
        _ = language
        return .section(
                .h2(.text(words.activity)),
                .if(activity.isEmpty, .p(.text(words.noActivity)), else: .table(
                    .id("activity"), .class("cards"),
                    .thead(.tr(.forEach(words.activityHeadings) { .th(.attribute(named: "scope", value: "col"), .text($0)) })),
                    .tbody(.forEach(activity) { activityRow($0, headings: words.activityHeadings) })
                ))
        )
    }
}
