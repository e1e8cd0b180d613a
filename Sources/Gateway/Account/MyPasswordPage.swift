import Foundation
import PersoCore
import Plot

/// "My password": the rules, the username and when the password last changed, the change form (current password
/// first) after a fresh security-code login, and the create-or-reset form after a fresh eID or itsme login — or,
/// where the login is not fresh or strong enough, the way to one.
struct MyPasswordPage {
    let credential: PasswordCredential?
    /// What the person typed, put back after a refusal.
    let typedUsername: String?
    let mayChange: Bool
    let maySet: Bool
    let notice: String?
    let error: String?
    let texts: AccountTexts
    let session: Session

    var page: Page {
        let username = typedUsername ?? credential?.username ?? ""
        return Page(title: texts.passwordTitle, headers: [.cacheControl: "no-store"], content: .div(
            .class("my-password"),
            .h1(.text(texts.passwordTitle)),
            .p(.class("lead"), .text(texts.passwordLead)),
            .unwrap(notice) { .p(.class("form-notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .unwrap(error) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
            .ul(.id("password-rules"), .class("password-rules"), .forEach(texts.rules) { .li(.text($0)) }),
            .unwrap(credential, { credential in
                .div(.id("password-current"),
                     .p(.text(texts.yourUsername(credential.username))),
                     .p(.text(texts.lastChanged(MaintenanceNotice.format(credential.updatedAt)))))
            }, else: .p(.id("password-current"), .text(texts.noPasswordYet))),
            // After a fresh eID or itsme login the reset form does all a change does: one form, one new-password field.
            .if(credential != nil && !maySet, changeSection),
            setSection(exists: credential != nil, username: username),
            .p(.a(.href(GatewayPath.myKeys), .text(texts.myKeysLink))),
            .script(.src(GatewayPath.passwordScript), .attribute(named: "defer", value: "defer"))
        ))
    }

    private var changeSection: Node<HTML.BodyContext> {
        .section(
            .id("password-change"),
            .h2(.text(texts.changeHeading)),
            mayChange
                ? .form(
                    .id("change-password-form"), .method(.post), .action(GatewayPath.myPassword + "/change"), .csrfField(session),
                    .div(.class("field"),
                         .label(.for("current-password"), .text(texts.currentPasswordLabel)),
                         .input(.id("current-password"), .name("current"), .type(.password),
                                .attribute(named: "autocomplete", value: "current-password"), .required(true))),
                    newPasswordField(id: "changed-password"),
                    .button(.id("change-password-submit"), .type(.submit), .text(texts.changeSubmit)))
                : .div(.p(.class("advice"), .text(texts.changeNeedsFreshLogin)),
                       .a(.id("password-code-login"), .class("button"), .href(GatewayPath.myPassword + "/code-login"), .text(texts.changeLoginButton)))
        )
    }

    private func setSection(exists: Bool, username: String) -> Node<HTML.BodyContext> {
        .section(
            .id("password-set"),
            .h2(.text(exists ? texts.resetHeading : texts.createHeading)),
            maySet
                ? .form(
                    .id("set-password-form"), .method(.post), .action(GatewayPath.myPassword + "/set"), .csrfField(session),
                    .div(.class("field"),
                         .label(.for("new-username"), .text(texts.usernameLabel)),
                         .input(.id("new-username"), .name("username"), .type(.text), .value(username),
                                .attribute(named: "autocomplete", value: "username"), .attribute(named: "aria-describedby", value: "username-hint"),
                                .attribute(named: "minlength", value: "\(PasswordSaving.usernameLength.lowerBound)"),
                                .attribute(named: "maxlength", value: "\(PasswordSaving.usernameLength.upperBound)"), .required(true)),
                         .p(.id("username-hint"), .class("hint"), .text(texts.usernameHint))),
                    newPasswordField(id: "new-password"),
                    .button(.id("set-password-submit"), .type(.submit), .text(texts.setSubmit)))
                : .div(.p(.class("advice"), .text(texts.setNeedsStrongLogin)),
                       .a(.id("password-strong-login"), .class("button"), .href(GatewayPath.myPassword + "/strong-login"), .text(texts.setLoginButton)))
        )
    }

    /// The new password's field and its "show" button (hidden until the script runs). Pasting is never blocked.
    private func newPasswordField(id: String) -> Node<HTML.FormContext> {
        .div(.class("field"),
             .label(.for(id), .text(texts.newPasswordLabel)),
             .input(.id(id), .name("password"), .type(.password), .attribute(named: "autocomplete", value: "new-password"),
                    .attribute(named: "minlength", value: "\(PasswordPolicy.minimumLength)"),
                    .attribute(named: "aria-describedby", value: "password-rules"), .required(true)),
             .button(.type(.button), .class("secondary show-password"), .attribute(named: "hidden", value: "hidden"),
                     .attribute(named: "aria-controls", value: id), .attribute(named: "aria-pressed", value: "false"),
                     .attribute(named: "data-toggles", value: id),
                     .attribute(named: "data-show", value: texts.showPassword),
                     .attribute(named: "data-hide", value: texts.hidePassword),
                     .text(texts.showPassword)))
    }
}
