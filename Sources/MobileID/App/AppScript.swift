/// The app's script (served as a file: the CSP allows no inline script). It keeps the device key — WebCrypto P-256,
/// made non-extractable, stored in IndexedDB so the private half never leaves this browser — signs every call with
/// it, listens to the server-sent events for requests, and walks the person through number matching and the code.
enum AppScript {
    static let source = #"""
    (function () {
      "use strict";
      var app = document.getElementById("mobile-app");
      if (!app) return;
      var words = {};
      Array.prototype.forEach.call(document.querySelectorAll("#app-words [data-word]"), function (element) {
        words[element.getAttribute("data-word").replace(/-(\w)/g, function (_, c) { return c.toUpperCase(); })] = element.textContent;
      });
      var base = "/mobileid";
      var statusLine = document.getElementById("app-status");
      var sections = ["app-setup", "app-idle", "app-request", "app-phones"].map(function (id) { return document.getElementById(id); });
      var device = null, events = null, current = null, chosen = null, biometrics = null, platform = false;

      // Confirmations and refusals look different (the stylesheet's notice and form-error); an empty line is hidden.
      function say(text, failed) {
        statusLine.textContent = text || "";
        statusLine.hidden = !text;
        statusLine.className = failed ? "form-error" : "notice";
      }
      function fill(text, values) { return text.replace(/\{(\w+)\}/g, function (_, k) { return values[k] !== undefined ? values[k] : ""; }); }
      function show(ids) { sections.forEach(function (s) { s.hidden = ids.indexOf(s.id) < 0; }); }
      function b64url(bytes) {
        var s = ""; bytes = new Uint8Array(bytes);
        for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
        return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      }

      // IndexedDB: one store, one record, the device's id and its key pair (the private key stays a CryptoKey).
      function store(mode, work) {
        return new Promise(function (resolve, reject) {
          var open = indexedDB.open("persopoint-mobileid", 1);
          open.onupgradeneeded = function () { open.result.createObjectStore("device"); };
          open.onerror = function () { reject(open.error); };
          open.onsuccess = function () {
            var tx = open.result.transaction("device", mode);
            var request = work(tx.objectStore("device"));
            tx.oncomplete = function () { resolve(request && request.result); };
            tx.onerror = function () { reject(tx.error); };
          };
        });
      }
      function loadDevice() { return store("readonly", function (s) { return s.get("current"); }); }
      function saveDevice(value) { return store("readwrite", function (s) { return s.put(value, "current"); }); }
      function forgetDevice() { return store("readwrite", function (s) { return s.delete("current"); }); }

      function signed(fields) {
        // The phone may have been forgotten meanwhile (removed, or its identity enrolled again elsewhere).
        if (!device) return Promise.reject(new Error("no device"));
        var message = JSON.stringify(Object.assign({ device: device.id, time: Math.floor(Date.now() / 1000) }, fields));
        return crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, device.keys.privateKey, new TextEncoder().encode(message))
          .then(function (signature) { return { message: message, signature: b64url(signature) }; });
      }
      function call(path, fields) {
        return signed(fields).then(function (body) {
          return fetch(base + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
            .then(function (response) {
              return response.json().then(function (json) { json.httpStatus = response.status; return json; });
            });
        });
      }

      function render(state) {
        if (state.error === "unknown_device") { forget(); return; }
        if (state.error) { say(words.unreachable); return; }
        document.getElementById("app-hello").textContent = fill(words.hello, { name: state.givenName });
        renderPhones(state.devices || []);
        biometrics = state.biometrics || null;
        document.getElementById("biometrics-enable").hidden = !platform || !!biometrics || !!state.locked;
        renderActivity(state.recent || []);
        if (state.locked) { show(["app-idle", "app-phones"]); say(words.locked, true); return; }
        if (state.quietUntil) say(fill(words.quiet, { time: new Date(state.quietUntil).toLocaleTimeString() }), true);
        var next = (state.pending || [])[0];
        if (!next) {
          current = null;
          show(["app-idle", "app-phones"]);
          return;
        }
        if (current && current.id === next.id) return;
        current = next; chosen = null;
        say("");
        document.getElementById("request-asks").textContent = fill(words.asks, { client: next.client, level: next.level.replace(/^.*Level/, "") });
        var numbers = document.getElementById("request-numbers");
        var message = document.getElementById("request-message");
        var form = document.getElementById("code-form");
        var choices = document.getElementById("number-choices");
        choices.textContent = "";
        document.getElementById("app-code").value = "";
        document.getElementById("confirm-biometric").hidden = true;
        if (next.choices.length) {
          numbers.hidden = false; message.hidden = true; form.hidden = true;
          next.choices.forEach(function (number) {
            var button = document.createElement("button");
            button.type = "button"; button.className = "number-choice"; button.textContent = number;
            button.setAttribute("data-number", number);
            button.addEventListener("click", function () {
              chosen = number;
              Array.prototype.forEach.call(choices.children, function (b) { b.setAttribute("aria-pressed", b === button ? "true" : "false"); });
              form.hidden = false;
              document.getElementById("confirm-biometric").hidden = !biometrics;
              // With a fingerprint or face at hand, the keyboard would only be in the way.
              (biometrics ? document.getElementById("confirm-biometric") : document.getElementById("app-code")).focus();
            });
            choices.appendChild(button);
          });
        } else {
          numbers.hidden = true; message.hidden = !next.bindingMessage; form.hidden = false;
          document.getElementById("binding-message").textContent = next.bindingMessage || "";
        }
        show(["app-request"]);
      }

      // "This wasn't me" and every other answer, where the person can look back at them.
      function renderActivity(recent) {
        var list = document.getElementById("app-activity");
        list.textContent = "";
        recent.forEach(function (entry) {
          var item = document.createElement("li");
          var outcome = words["outcome" + entry.outcome.charAt(0).toUpperCase() + entry.outcome.slice(1)] || entry.outcome;
          item.textContent = new Date(entry.at).toLocaleString() + " – " + entry.client + " – " + outcome;
          item.setAttribute("data-outcome", entry.outcome);
          list.appendChild(item);
        });
      }

      function renderPhones(phones) {
        var list = document.getElementById("app-phone-list");
        list.textContent = "";
        phones.forEach(function (phone) {
          var item = document.createElement("li");
          item.textContent = phone.label + " – " + words.since + " " + new Date(phone.since).toLocaleDateString() + (phone.current ? " (" + words.thisPhone + ")" : "");
          if (!phone.current) {
            var remove = document.createElement("button");
            remove.type = "button"; remove.className = "secondary"; remove.textContent = words.removePhone;
            remove.addEventListener("click", function () {
              call("/app/devices/remove", { action: "remove-device", removeDevice: phone.id }).then(function (answer) {
                if (answer.result === "removed") { say(words.removed); refresh(); }
              });
            });
            item.appendChild(document.createTextNode(" "));
            item.appendChild(remove);
          }
          list.appendChild(item);
        });
      }

      function refresh() { return call("/app/state", { action: "state" }).then(render).catch(function () { say(words.unreachable); }); }

      // Server-sent events; a stream ends after a minute and its signed address goes stale, so each is opened anew.
      function listen() {
        if (events) events.close();
        if (!device) return;
        signed({ action: "events" }).then(function (body) {
          var url = base + "/app/events?m=" + b64url(new TextEncoder().encode(body.message)) + "&s=" + body.signature;
          events = new EventSource(url);
          events.addEventListener("state", function (event) { render(JSON.parse(event.data)); });
          events.onerror = function () { events.close(); if (device) setTimeout(listen, 1000); };
        }).catch(function () {});
      }

      function answer(approve) {
        if (!current) return;
        var request = current;
        var fields = { action: "answer", request: request.id, approve: approve };
        if (approve) { fields.choice = chosen; fields.code = document.getElementById("app-code").value.trim(); }
        call("/app/answer", fields).then(function (result) {
          if (result.result === "confirmed") { current = null; show(["app-idle", "app-phones"]); say(words.confirmed); return; }
          if (result.result === "refused") { current = null; show(["app-idle", "app-phones"]); say(words.refused, true); return; }
          if (result.error === "wrong_code") { say(fill(words.wrongCode, { remaining: result.remaining }), true); document.getElementById("app-code").value = ""; return; }
          current = null;
          show(["app-idle", "app-phones"]);
          say({ wrong_number: words.wrongNumber, locked: words.locked, no_longer_waiting: words.expired }[result.error] || words.unreachable, true);
        }).catch(function () { say(words.unreachable); });
      }

      // What the person will recognise in the list of phones: the system the browser says it runs on.
      function deviceLabel() {
        var found = /iPhone|iPad|Android[ \d.]*|Windows|Mac OS X|CrOS|Linux/.exec(navigator.userAgent);
        return (found ? found[0].trim() : "browser").replace("Mac OS X", "macOS").replace("CrOS", "ChromeOS");
      }

      function forget() {
        forgetDevice().then(function () { device = null; if (events) events.close(); show(["app-setup"]); });
      }

      // Fingerprint or face (WebAuthn, the phone's platform authenticator with user verification): turned on once per
      // phone, then offered beside the code. The answer's challenge is derived from the request, answered once.
      function bytes(b64) {
        var text = atob(b64.replace(/-/g, "+").replace(/_/g, "/"));
        var out = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
        return out;
      }
      document.getElementById("biometrics-enable").addEventListener("click", function () {
        call("/app/biometrics/options", { action: "biometrics-options" }).then(function (options) {
          return navigator.credentials.create({ publicKey: {
            challenge: new TextEncoder().encode(options.challenge), rp: { id: options.rpId, name: options.rpName },
            user: { id: bytes(options.userId), name: options.userName, displayName: options.displayName },
            pubKeyCredParams: [{ type: "public-key", alg: -7 }], timeout: 60000, attestation: "none",
            authenticatorSelection: { authenticatorAttachment: "platform", userVerification: "required", residentKey: "discouraged" }
          } }).then(function (credential) {
            var response = credential.response;
            return call("/app/biometrics/register", { action: "biometrics-register", biometric: {
              credential: b64url(credential.rawId), publicKey: b64url(response.getPublicKey()),
              clientData: b64url(response.clientDataJSON), authenticatorData: b64url(response.getAuthenticatorData())
            } });
          });
        }).then(function (result) {
          if (result && result.result === "biometrics_on") { say(words.biometricsOn); refresh(); } else { say(words.biometricsFailed, true); }
        }).catch(function () { say(words.biometricsFailed, true); });
      });
      document.getElementById("confirm-biometric").addEventListener("click", function () {
        if (!current || !biometrics) return;
        var request = current;
        crypto.subtle.digest("SHA-256", new TextEncoder().encode("mobileid-answer:" + request.id.toLowerCase())).then(function (digest) {
          return navigator.credentials.get({ publicKey: {
            challenge: new TextEncoder().encode(b64url(digest)), rpId: biometrics.rpId, userVerification: "required", timeout: 60000,
            allowCredentials: [{ type: "public-key", id: bytes(biometrics.credential) }]
          } });
        }).then(function (assertion) {
          var response = assertion.response;
          return call("/app/answer", { action: "answer", request: request.id, approve: true, choice: chosen, biometric: {
            clientData: b64url(response.clientDataJSON), authenticatorData: b64url(response.authenticatorData), signature: b64url(response.signature)
          } });
        }).then(function (result) {
          if (result.result === "confirmed") { current = null; show(["app-idle", "app-phones"]); say(words.confirmed); return; }
          if (result.error === "wrong_number") { current = null; show(["app-idle", "app-phones"]); say(words.wrongNumber, true); return; }
          say(words.biometricsFailed, true);
        }).catch(function () { say(words.biometricsFailed, true); });
      });

      document.getElementById("code-form").addEventListener("submit", function (event) { event.preventDefault(); answer(true); });
      document.getElementById("refuse-request").addEventListener("click", function () { answer(false); });

      // The device key: made here, its private half non-extractable; only the public coordinates are sent.
      function newDevice(path, fields) {
        return crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]).then(function (keys) {
          return crypto.subtle.exportKey("jwk", keys.publicKey).then(function (jwk) {
            return post(path, Object.assign({ x: jwk.x, y: jwk.y, label: deviceLabel() }, fields)).then(function (answer) {
              if (!answer.device) return answer;
              device = { id: answer.device, keys: keys };
              return saveDevice(device).then(function () { refresh(); listen(); return answer; });
            });
          });
        });
      }
      function post(path, body) {
        return fetch(base + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
          .then(function (response) { return response.json().then(function (json) { json.httpStatus = response.status; return json; }); });
      }

      var pairForm = document.getElementById("dev-pair-form");
      if (pairForm) pairForm.addEventListener("submit", function (event) {
        event.preventDefault();
        newDevice("/app/dev-pair", { phone: document.getElementById("pair-phone").value, code: document.getElementById("pair-code").value.trim() })
          .then(function (answer) {
            if (answer.device) return;
            say(answer.error === "wrong_code" ? fill(words.wrongCode, { remaining: answer.remaining }) : answer.error === "locked" ? words.locked : words.unreachable, true);
          }).catch(function () { say(words.unsupported); });
      });

      // Enrolment on the phone, the guide's steps 5 to 8: number, identification token, the code from 8836, the itsme code.
      var enrolment = null;
      var enrolSteps = ["enrol-number", "enrol-token", "enrol-sms", "enrol-code"];
      function enrolStep(id) {
        enrolSteps.forEach(function (step) { document.getElementById(step).hidden = step !== id; });
        var first = document.querySelector("#" + id + " input");
        if (first) first.focus();
      }
      function value(id) { return document.getElementById(id).value.trim(); }
      // Refusals that void the enrolment send the person back to the start (the computer makes a new token).
      function enrolRefused(answer) {
        var text = {
          bad_phone: words.badPhone, wrong_token: words.wrongToken, token_spent: words.tokenSpent,
          wrong_code: fill(words.wrongSms, { remaining: answer.remaining }), code_expired: words.smsExpired,
          too_many_tries: words.tooManyTries, too_many_texts: words.tooManyTexts, weak_code: words.weakCode, bad_code: words.weakCode
        }[answer.error] || words.unreachable;
        say(text, true);
        if (["token_spent", "too_many_tries", "unknown_enrolment", "bad_phone"].indexOf(answer.error) >= 0) {
          enrolment = null;
          enrolStep("enrol-number");
        }
      }
      function onSubmit(id, work) {
        var form = document.getElementById(id);
        if (form) form.addEventListener("submit", function (event) { event.preventDefault(); say(""); work(); });
      }
      onSubmit("enrol-number", function () {
        if (!value("enrol-phone")) { say(words.badPhone, true); return; }
        enrolStep("enrol-token");
      });
      onSubmit("enrol-token", function () {
        post("/app/enrol/start", { phone: value("enrol-phone"), token: value("enrol-token-value") }).then(function (answer) {
          if (!answer.enrolment) { enrolRefused(answer); return; }
          enrolment = answer.enrolment;
          document.getElementById("enrol-sms-code-hint").textContent = fill(words.smsHint, { phone: answer.phone });
          enrolStep("enrol-sms");
        }).catch(function () { say(words.unreachable, true); });
      });
      onSubmit("enrol-sms", function () {
        post("/app/enrol/verify", { enrolment: enrolment, code: value("enrol-sms-code") }).then(function (answer) {
          if (answer.result !== "verified") { enrolRefused(answer); return; }
          enrolStep("enrol-code");
        }).catch(function () { say(words.unreachable, true); });
      });
      var resend = document.getElementById("enrol-resend");
      if (resend) resend.addEventListener("click", function () {
        post("/app/enrol/resend", { enrolment: enrolment }).then(function (answer) {
          if (answer.result === "sent") say(words.codeSent); else enrolRefused(answer);
        }).catch(function () { say(words.unreachable, true); });
      });
      onSubmit("enrol-code", function () {
        var code = value("enrol-new-code");
        if (code !== value("enrol-repeat-code")) { say(words.codesDiffer, true); return; }
        if (!/^\d{5}$/.test(code)) { say(words.weakCode, true); return; }
        newDevice("/app/enrol/finish", { enrolment: enrolment, code: code }).then(function (answer) {
          if (!answer.device) { enrolRefused(answer); return; }
          enrolment = null;
          say(words.done);
        }).catch(function () { say(words.unsupported, true); });
      });

      // Development: /dev/phones opens the app with the number to pair filled in.
      var pairPhone = document.getElementById("pair-phone");
      var asked = new URLSearchParams(location.search).get("pair");
      if (pairPhone && asked) pairPhone.value = asked;

      if (!window.crypto || !crypto.subtle || !window.indexedDB) { say(words.unsupported); return; }
      if (window.PublicKeyCredential && PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable) {
        PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable().then(function (available) {
          platform = available;
          if (device && !biometrics && available) document.getElementById("biometrics-enable").hidden = false;
        }).catch(function () {});
      }
      loadDevice().then(function (stored) {
        if (!stored) { show(["app-setup"]); return; }
        device = stored;
        refresh().then(listen);
      }).catch(function () { say(words.unsupported); });
    })();
    """#
}
