import Foundation
import Hummingbird
import PersoCore
import Plot

/// The service's own login pages for the code flow: the phone number, then the number to tap while the phone is
/// asked. Their forms may end on the relying party's redirect URI, so each page allows that origin (CSP form-action).
struct AuthorizePages {
    let texts: AuthorizeTexts
    let context: PersoRequestContext
    let enrolmentURL: String

    func phoneForm(_ flow: AuthorizationFlow, typed: String = "", error: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let describedBy = error == nil ? "phone-hint" : "phone-hint phone-error"
        return respond(flow, Page(title: texts.title, status: status, content: .div(
            .class("login-form itsme-login"),
            .h1(.text(texts.title)),
            .p(.class("for-application"), .text(texts.forApplication(flow.clientName))),
            .form(.id("authorize-form"), .method(.post), .action(MobileIDPath.authorize), .attribute(named: "novalidate", value: "novalidate"),
                  .csrfField(context.session),
                .input(.type(.hidden), .name("flow"), .value(flow.id)),
                .div(.class("field"),
                     .label(.for("phone"), .text(texts.phoneLabel)),
                     .span(.id("phone-hint"), .class("hint"), .text(texts.phoneHint)),
                     .unwrap(error) { .span(.id("phone-error"), .class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
                     .input(.id("phone"), .name("phone"), .type(.tel), .value(typed), .attribute(named: "autocomplete", value: "tel"),
                            .attribute(named: "inputmode", value: "tel"), .attribute(named: "aria-describedby", value: describedBy),
                            .attribute(named: "aria-invalid", value: error == nil ? nil : "true"), .required(true), .autofocus(true))),
                .button(.id("authorize-send"), .type(.submit), .text(texts.send))
            ),
            .form(.method(.post), .action(MobileIDPath.authorizeCancel), .csrfField(context.session),
                  .input(.type(.hidden), .name("flow"), .value(flow.id)),
                  .button(.id("authorize-cancel"), .class("secondary"), .type(.submit), .text(texts.cancel))),
            .p(.a(.id("create-identity"), .href(enrolmentURL), .text(texts.noIdentity)))
        )))
    }

    func waiting(_ flow: AuthorizationFlow, now: Date) -> Response {
        let secondsLeft = max(0, Int((flow.expiresAt ?? now).timeIntervalSince(now)))
        let number = flow.number ?? ""
        return respond(flow, Page(title: texts.waitTitle, content: .div(
            .class("login-form itsme-login"),
            .h1(.text(texts.waitTitle)),
            .p(.class("for-application"), .text(texts.forApplication(flow.clientName))),
            .p(.id("open-app"), .text(texts.openApp(flow.maskedPhone ?? ""))),
            .p(.id("match-number"), .class("match-number"), .attribute(named: "aria-label", value: "\(texts.tapNumber): \(number)"), .text(number)),
            .p(.class("hint"), .text(texts.expiresIn + " "),
               .span(.id("countdown"), .attribute(named: "data-seconds", value: String(secondsLeft)),
                     .attribute(named: "data-status", value: "\(MobileIDPath.authorizeStatus)?flow=\(flow.id)"),
                     .text(String(format: "%d:%02d", secondsLeft / 60, secondsLeft % 60)))),
            .form(.id("continue-form"), .method(.post), .action(MobileIDPath.authorizeContinue), .csrfField(context.session),
                  .input(.type(.hidden), .name("flow"), .value(flow.id)),
                  .button(.id("authorize-check"), .type(.submit), .text(texts.checkNow))),
            .form(.method(.post), .action(MobileIDPath.authorizeCancel), .csrfField(context.session),
                  .input(.type(.hidden), .name("flow"), .value(flow.id)),
                  .button(.id("authorize-cancel"), .class("secondary"), .type(.submit), .text(texts.cancel))),
            .script(.src(MobileIDPath.authorizeScript), .attribute(named: "defer", value: "defer"))
        )))
    }

    /// Before the redirect URI is known to be the client's, nothing is sent back to it: the person reads why here.
    func badRequest(_ reason: String) -> Response {
        Layout.response(Page(title: texts.badRequestTitle, status: .badRequest, content: .div(
            .class("notice-page"),
            .h1(.id("authorize-refused"), .text(texts.badRequestTitle)),
            .p(.text(texts.badRequest)),
            .p(.class("hint"), .attribute(named: "data-reason", value: reason), .text(reason))
        )), chrome: context.chrome)
    }

    private func respond(_ flow: AuthorizationFlow, _ page: Page) -> Response {
        var response = Layout.response(page, chrome: context.chrome)
        response.allowFormRedirects(to: [flow.redirectURI])
        return response
    }
}

/// The waiting page's script (a file: the CSP allows no inline script): a countdown, and a question to the service
/// every two seconds; once the phone has answered, the page goes on by itself (the form works without it too).
enum AuthorizeScript {
    static let source = #"""
    (function () {
      "use strict";
      var countdown = document.getElementById("countdown");
      var form = document.getElementById("continue-form");
      if (!countdown || !form) return;
      var left = parseInt(countdown.getAttribute("data-seconds"), 10) || 0;
      var status = countdown.getAttribute("data-status");
      var done = false;
      setInterval(function () {
        left = Math.max(0, left - 1);
        countdown.textContent = Math.floor(left / 60) + ":" + ("0" + (left % 60)).slice(-2);
      }, 1000);
      function ask() {
        if (done) return;
        fetch(status, { headers: { Accept: "application/json" }, credentials: "same-origin" })
          .then(function (response) { return response.json(); })
          .then(function (answer) {
            if (answer.state && answer.state !== "pending") { done = true; form.submit(); return; }
            setTimeout(ask, 2000);
          })
          .catch(function () { setTimeout(ask, 4000); });
      }
      setTimeout(ask, 2000);
    })();
    """#
}
