import Foundation
import PersoCore
import Plot

/// "My digital keys": every key a person can hold, in the chooser's order, with its state, when it was activated and
/// last used, and the buttons to activate, replace or remove it — or, from a login too weak to activate keys, the
/// way to a stronger one.
struct MyKeysPage {
    let keys: [any DigitalKey]
    let held: [KeyIdentifier: PersonKey]
    let mayActivate: Bool
    let notice: String?
    let error: String?
    let language: Language
    let session: Session

    var page: Page {
        let texts = GatewayTexts.texts(for: language)
        return Page(title: texts.keysTitle, content: .div(
            .h1(.text(texts.keysTitle)),
            .p(.class("lead"), .text(texts.keysLead)),
            .unwrap(notice) { .p(.class("form-notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .unwrap(error) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .if(!mayActivate, .p(
                .id("keys-step-up"), .class("notice"), .text(texts.keysNeedStrongerLogin), .text(" "),
                .a(.href(GatewayPath.myKeysStepUp), .text(texts.keysStrongerLoginLink))
            )),
            .ul(.class("my-keys"), .forEach(keys) { key in item(key, held: held[key.profile.identifier], texts: texts) }),
            .p(.a(.id("my-password-link"), .href(GatewayPath.myPassword), .text(AccountTexts.texts(for: language).myPasswordLink)))
        ))
    }

    private func item(_ key: any DigitalKey, held: PersonKey?, texts: GatewayTexts) -> Node<HTML.ListContext> {
        let identifier = key.profile.identifier
        let status = held?.status
        let statusText = switch status {
        case .active: texts.keyStatusActive
        case .pending: texts.keyStatusPending
        case .deactivated: texts.keyStatusDeactivated
        case nil: texts.keyStatusNone
        }
        let activate: Node<HTML.BodyContext> = {
            guard mayActivate, let enrolment = key.enrolment else { return .empty }
            let label = status == .active ? texts.keysReplace : texts.keysActivate
            switch enrolment.start {
            case .page:
                return .a(.id("activate-\(identifier)"), .class("button"), .href(GatewayPath.myKey(identifier)), .text(label))
            case .button:
                return .form(.method(.post), .action(GatewayPath.myKey(identifier)), .csrfField(session),
                             .button(.id("activate-\(identifier)"), .type(.submit), .text(label)))
            }
        }()
        return .li(
            .id("my-key-\(identifier)"), .class("my-key \(status?.rawValue ?? "none")"),
            .h2(.text(key.profile.names(language).full)),
            .p(.class("key-status"), .text(statusText)),
            .unwrap(held?.activatedAt) { .p(.text(texts.keysActivatedOn(MaintenanceNotice.format($0)))) },
            .unwrap(held?.lastUsedAt) { .p(.text(texts.keysLastUsed(MaintenanceNotice.format($0)))) },
            .div(.class("actions"),
                 activate,
                 .if(held != nil, .form(
                    .method(.get), .action(GatewayPath.myKeysRemove),
                    .input(.type(.hidden), .name("kind"), .value(identifier.rawValue)),
                    .button(.id("remove-\(identifier)"), .class("secondary"), .type(.submit), .text(texts.keysRemove))
                 )))
        )
    }
}
