import Foundation
import HTTPTypes
import Hummingbird
import PersoCore
import Plot

/// The itsme key's pages at the gateway: the phone number, then "confirm on your phone" with the number to tap.
enum ItsmePages {
    // Not under `/fas/login/itsme/`: the router would then take `itsme` for a fixed segment and no longer reach the
    // key's own page at `/fas/login/:key`.
    static let waitPath = "/fas/itsme/wait"
    static let statusPath = "/fas/itsme/status"
    static let checkPath = "/fas/itsme/check"
    static let cancelPath = "/fas/itsme/cancel"
    static let scriptPath = "/fas/itsme.js"
    /// Broker mode: where the provider sends the person back with the code.
    static let returnPath = "/fas/itsme/return"

    static func phoneForm(_ transaction: LoginTransaction, enrolmentURL: String, typed: String, error: String?, status: HTTPResponse.Status = .ok,
                          context: PersoRequestContext) -> Response {
        let texts = ItsmeTexts.texts(for: context.language)
        let gateway = GatewayTexts.texts(for: context.language)
        let title = ItsmeProfile.profile.names(context.language).full
        let describedBy = error == nil ? "itsme-phone-hint" : "itsme-phone-hint itsme-error"
        let page = Page(title: title, status: status, content: .div(
            .class("login-form itsme-login"),
            .h1(.text(title)),
            .p(.class("for-application"), .text(gateway.chooserForApplication(transaction.clientName))),
            .form(
                .id("itsme-form"), .method(.post), .action(GatewayPath.key(.itsme)), .attribute(named: "novalidate", value: "novalidate"),
                .csrfField(context.session),
                .input(.type(.hidden), .name("tx"), .value(transaction.id)),
                .div(.class("field"),
                     .label(.for("itsme-phone"), .text(texts.phoneLabel)),
                     .span(.id("itsme-phone-hint"), .class("hint"), .text(texts.phoneHint)),
                     .unwrap(error) { .span(.id("itsme-error"), .class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
                     .input(.id("itsme-phone"), .name("phone"), .type(.tel), .value(typed),
                            .attribute(named: "autocomplete", value: "tel"), .attribute(named: "inputmode", value: "tel"),
                            .attribute(named: "aria-invalid", value: error == nil ? nil : "true"),
                            .attribute(named: "aria-describedby", value: describedBy), .required(true), .autofocus(true))),
                .button(.id("itsme-send"), .type(.submit), .text(texts.send))
            ),
            .p(.a(.id("itsme-create"), .href(enrolmentURL), .text(texts.createIdentity))),
            .p(.a(.href(GatewayPath.chooser(transaction)), .text(gateway.backToKeys)))
        ))
        return transaction.page(Layout.response(page, chrome: context.chrome))
    }

    /// Broker mode: the provider's answer was a refusal or could not be used; the person tries again or takes another key.
    static func brokerFailure(_ transaction: LoginTransaction, message: String, status: HTTPResponse.Status, context: PersoRequestContext) -> Response {
        let texts = ItsmeTexts.texts(for: context.language)
        let gateway = GatewayTexts.texts(for: context.language)
        let title = ItsmeProfile.profile.names(context.language).full
        let page = Page(title: title, status: status, content: .div(
            .class("login-form itsme-login"),
            .h1(.text(title)),
            .p(.class("for-application"), .text(gateway.chooserForApplication(transaction.clientName))),
            .p(.id("itsme-error"), .class("form-error"), .attribute(named: "role", value: "alert"), .text(message)),
            .p(.a(.id("itsme-again"), .class("button"), .href(GatewayPath.key(.itsme, transaction)), .text(texts.tryAgain))),
            .p(.a(.href(GatewayPath.chooser(transaction)), .text(gateway.backToKeys)))
        ))
        return transaction.page(Layout.response(page, chrome: context.chrome))
    }

    static func waiting(_ transaction: LoginTransaction, attempt: ItsmeAttempt, now: Date, context: PersoRequestContext) -> Response {
        let texts = ItsmeTexts.texts(for: context.language)
        let gateway = GatewayTexts.texts(for: context.language)
        let secondsLeft = max(0, Int(attempt.expiresAt.timeIntervalSince(now)))
        let page = Page(title: texts.waitTitle, content: .div(
            .class("login-form itsme-login"),
            .h1(.text(texts.waitTitle)),
            .p(.class("for-application"), .text(gateway.chooserForApplication(transaction.clientName))),
            .p(.id("itsme-open-app"), .text(texts.openApp(attempt.maskedPhone))),
            .p(.id("itsme-number"), .class("match-number"), .attribute(named: "aria-label", value: "\(texts.tapNumber): \(attempt.number)"),
               .text(attempt.number)),
            .p(.class("hint"), .text(texts.expiresIn + " "),
               .span(.id("itsme-countdown"), .attribute(named: "data-seconds", value: String(secondsLeft)),
                     .attribute(named: "data-status", value: "\(statusPath)?tx=\(transaction.id)"),
                     .attribute(named: "aria-live", value: "off"), .text(String(format: "%d:%02d", secondsLeft / 60, secondsLeft % 60)))),
            .form(
                .id("itsme-check-form"), .method(.post), .action(checkPath),
                .csrfField(context.session),
                .input(.type(.hidden), .name("tx"), .value(transaction.id)),
                .button(.id("itsme-check"), .type(.submit), .text(texts.checkNow))
            ),
            .form(
                .id("itsme-cancel-form"), .method(.post), .action(cancelPath),
                .csrfField(context.session),
                .input(.type(.hidden), .name("tx"), .value(transaction.id)),
                .button(.id("itsme-cancel"), .class("secondary"), .type(.submit), .text(texts.cancel))
            ),
            .script(.src(scriptPath), .attribute(named: "defer", value: "defer"))
        ))
        return transaction.page(Layout.response(page, chrome: context.chrome))
    }
}

/// The waiting page's script (served as a file: the CSP allows no inline script): counts down, asks the gateway
/// every two seconds whether the phone answered, and sends the page's own form once it did — the same form a
/// person without JavaScript sends by hand.
enum ItsmeScript {
    static let source = #"""
    (function () {
      "use strict";
      var countdown = document.getElementById("itsme-countdown");
      var form = document.getElementById("itsme-check-form");
      if (!countdown || !form) return;
      var deadline = Date.now() + Number(countdown.dataset.seconds) * 1000;
      var statusURL = countdown.dataset.status;
      var sent = false;
      function tick() {
        var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
        countdown.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
      }
      function finish() { if (!sent) { sent = true; form.submit(); } }
      function ask() {
        if (sent) return;
        fetch(statusURL, { headers: { "Accept": "application/json", "X-PersoPoint-Background": "1" }, credentials: "same-origin" })
          .then(function (response) { return response.json(); })
          .then(function (answer) { if (answer.state === "pending") setTimeout(ask, 2000); else finish(); })
          .catch(function () { setTimeout(ask, 4000); });
      }
      setInterval(tick, 1000);
      tick();
      setTimeout(ask, 1500);
    })();
    """#
}
