/// The page's side of the session (served as a file: the CSP allows no inline script). It counts down to the
/// server's idle deadline, opens the warning dialog shortly before, extends the session on OK, and shows the
/// guide's "could not be extended" message with a link back to the same page when the server refuses.
/// Beyond the original: every tab of the application shares one timer (BroadcastChannel), what the person types
/// in a form is kept in the browser until it is sent and offered again after logging back in (WCAG 2.2.5), and
/// the requests the timer makes carry `X-PersoPoint-Background` so that they never count as activity.
enum SessionTimerScript {
    static let fileName = "/session-timer.js"

    static let source = #"""
    (function () {
      "use strict";
      var timer = document.getElementById("session-timer");
      var dialog = document.getElementById("session-dialog");
      if (!timer || !dialog) return;
      var d = timer.dataset;
      var warningMs = Number(d.warning) * 1000;
      var deadline = Date.now() + Number(d.secondsLeft) * 1000;
      var state = "active";
      var checking = false;
      var lastAnnounced = null;
      var warningPart = document.getElementById("session-warning");
      var expiredPart = document.getElementById("session-expired");
      var countdown = document.getElementById("session-countdown");
      var announce = document.getElementById("session-announce");
      var extendButton = document.getElementById("session-extend");
      var relogin = document.getElementById("session-relogin");
      var channel = "BroadcastChannel" in window ? new BroadcastChannel(d.channel) : null;

      function tell(message) { if (channel) channel.postMessage(message); }

      function background(url) {
        return fetch(url, { credentials: "same-origin", cache: "no-store",
          headers: { "X-PersoPoint-Background": "1", "Accept": "application/json" } });
      }

      function clock(ms) {
        var s = Math.max(0, Math.ceil(ms / 1000));
        return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
      }

      function spoken(ms) {
        var s = Math.max(0, Math.ceil(ms / 1000)), m = Math.floor(s / 60), r = s % 60, parts = [];
        if (m > 0) parts.push((m === 1 ? d.unitMinute : d.unitMinutes).replace("{n}", m));
        if (r > 0 || m === 0) parts.push((r === 1 ? d.unitSecond : d.unitSeconds).replace("{n}", r));
        return parts.join(" ");
      }

      function open() {
        if (!dialog.open) {
          if (typeof dialog.showModal === "function") dialog.showModal(); else dialog.setAttribute("open", "open");
        }
      }

      function showWarning() {
        if (state !== "active") return;
        state = "warning";
        warningPart.hidden = false;
        expiredPart.hidden = true;
        dialog.setAttribute("aria-labelledby", "session-warning-title");
        dialog.setAttribute("aria-describedby", "session-warning-body");
        lastAnnounced = null;
        open();
        extendButton.focus();
        render();
      }

      function hideWarning() {
        if (state !== "warning") return;
        state = "active";
        if (dialog.open) dialog.close();
      }

      function showExpired() {
        if (state === "expired") return;
        state = "expired";
        warningPart.hidden = true;
        expiredPart.hidden = false;
        dialog.setAttribute("aria-labelledby", "session-expired-title");
        dialog.setAttribute("aria-describedby", "session-expired-body");
        open();
        relogin.focus();
      }

      function render() {
        if (state !== "warning") return;
        var left = deadline - Date.now();
        countdown.textContent = clock(left);
        // Screen readers hear the time when the dialog opens, then every 30 seconds and at 10 seconds.
        var s = Math.ceil(left / 1000);
        var bucket = s <= 10 ? 10 : Math.ceil(s / 30);
        if (lastAnnounced !== bucket) {
          lastAnnounced = bucket;
          announce.textContent = d.announce.replace("{time}", spoken(left));
        }
      }

      function adopt(secondsLeft) {
        var next = Date.now() + secondsLeft * 1000;
        deadline = next;
        return next;
      }

      // Before warning or declaring the session over, ask the server: it alone knows the deadline.
      function check() {
        if (checking || state === "expired") return;
        checking = true;
        background(d.status).then(function (response) {
          if (response.status === 200) return response.json().then(function (body) {
            adopt(body.secondsLeft);
            if (body.secondsLeft <= 0) { showExpired(); return; }
            if (body.secondsLeft * 1000 > warningMs) hideWarning(); else showWarning();
          });
          if (response.status === 401) { showExpired(); tell({ type: "expired" }); }
        }).catch(function () { /* offline for a moment: the next tick asks again */ })
          .then(function () { checking = false; });
      }

      function tick() {
        if (state === "expired") return;
        var left = deadline - Date.now();
        if (left <= 0 || (left <= warningMs && state === "active")) check();
        render();
      }

      function extend() {
        extendButton.disabled = true;
        fetch(d.extend, { method: "POST", credentials: "same-origin", cache: "no-store",
          headers: { "X-CSRF-Token": d.csrf, "Accept": "application/json" } })
          .then(function (response) {
            if (response.status !== 200) throw new Error("refused");
            return response.json();
          })
          .then(function (body) {
            var next = adopt(body.secondsLeft);
            hideWarning();
            tell({ type: "extended", deadline: next });
          })
          .catch(function () { showExpired(); })
          .then(function () { extendButton.disabled = false; });
      }

      extendButton.addEventListener("click", extend);
      // Escape in the warning means "I am here": the same as OK. Once expired there is nothing to dismiss.
      dialog.addEventListener("cancel", function (event) {
        event.preventDefault();
        if (state === "warning") extend();
      });

      if (channel) channel.onmessage = function (event) {
        var message = event.data || {};
        if ((message.type === "extended" || message.type === "activity") && message.deadline > deadline) {
          deadline = message.deadline;
          if (deadline - Date.now() > warningMs) hideWarning();
        } else if (message.type === "expired") {
          check();
        } else if (message.type === "logout") {
          window.location.assign("/");
        }
      };

      // ---- Drafts: what the person types survives the end of the session (WCAG 2.2.5). ----
      var prefix = "persopoint-draft:" + d.owner + ":";
      var draftLifetime = 12 * 3600 * 1000;
      var offer = document.getElementById("draft-offer");

      function store() { try { return window.localStorage; } catch (e) { return null; } }

      function keyOf(form) { return prefix + window.location.pathname + "#" + (form.id || "form"); }

      function fields(form) {
        return Array.prototype.filter.call(form.elements, function (el) {
          return el.name && el.name.charAt(0) !== "_" &&
            ["hidden", "password", "submit", "button", "file", "reset"].indexOf(el.type) < 0;
        });
      }

      function values(form) {
        var out = {};
        fields(form).forEach(function (el) {
          out[el.name] = (el.type === "checkbox" || el.type === "radio") ? (el.checked ? el.value : out[el.name] || "") : el.value;
        });
        return out;
      }

      function save(form, submitted) {
        var s = store();
        if (!s) return;
        s.setItem(keyOf(form), JSON.stringify({ mark: d.loginMark, saved: Date.now(), submitted: submitted, values: values(form) }));
      }

      function differs(form, saved) {
        var now = values(form);
        return Object.keys(saved).some(function (name) { return saved[name] !== "" && saved[name] !== now[name]; });
      }

      function restore(form, saved) {
        fields(form).forEach(function (el) {
          if (!(el.name in saved)) return;
          if (el.type === "checkbox" || el.type === "radio") el.checked = saved[el.name] === el.value;
          else el.value = saved[el.name];
        });
      }

      var offered = false;
      Array.prototype.forEach.call(document.querySelectorAll("form[data-keep-draft]"), function (form) {
        var s = store();
        if (!s) return;
        var key = keyOf(form), draft = null;
        try { draft = JSON.parse(s.getItem(key)); } catch (e) { draft = null; }
        if (draft && (Date.now() - draft.saved > draftLifetime || (draft.submitted && draft.mark === d.loginMark))) {
          // Sent while the session was alive, or too old: nothing to offer.
          s.removeItem(key);
          draft = null;
        }
        if (draft && !offered && differs(form, draft.values)) {
          offered = true;
          form.parentNode.insertBefore(offer, form);
          offer.hidden = false;
          document.getElementById("draft-restore").addEventListener("click", function () {
            restore(form, draft.values);
            offer.hidden = true;
            save(form, false);
            var first = fields(form)[0];
            if (first) first.focus();
          });
          document.getElementById("draft-discard").addEventListener("click", function () {
            s.removeItem(key);
            offer.hidden = true;
          });
        }
        form.addEventListener("input", function () { save(form, false); });
        form.addEventListener("submit", function (event) {
          if (state === "expired") { event.preventDefault(); save(form, false); return; }
          save(form, true);
        });
      });

      var logout = document.querySelector(".account form");
      if (logout) logout.addEventListener("submit", function () {
        var s = store();
        if (s) Object.keys(s).forEach(function (key) { if (key.indexOf(prefix) === 0) s.removeItem(key); });
        tell({ type: "logout" });
      });

      // This page view was activity on the server: the other tabs learn the new deadline.
      tell({ type: "activity", deadline: deadline });
      document.addEventListener("visibilitychange", function () { if (!document.hidden) check(); });
      window.setInterval(tick, 1000);
    })();
    """#
}
