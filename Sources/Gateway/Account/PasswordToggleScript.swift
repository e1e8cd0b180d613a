/// "Show password" on the account pages (served as a file: the CSP allows no inline script). The buttons are
/// `hidden` in the HTML, so without script the page simply has plain password fields that still work.
enum PasswordToggleScript {
    static let source = #"""
    (function () {
      "use strict";
      var buttons = document.querySelectorAll("button[data-toggles]");
      Array.prototype.forEach.call(buttons, function (button) {
        var input = document.getElementById(button.getAttribute("data-toggles"));
        if (!input) return;
        button.hidden = false;
        button.addEventListener("click", function () {
          var show = input.type === "password";
          input.type = show ? "text" : "password";
          button.textContent = show ? button.getAttribute("data-hide") : button.getAttribute("data-show");
          button.setAttribute("aria-pressed", show ? "true" : "false");
          input.focus();
        });
        // Sent as a password field, so that password managers offer to save it.
        if (input.form) input.form.addEventListener("submit", function () { input.type = "password"; });
      });
    })();
    """#
}
