import Hummingbird
import PersoCore

/// Keeps a pay slip run's page current while it runs (served as a file: the CSP allows no inline script). It asks
/// for the page again every 2 seconds as background traffic (never extending the session) and swaps in the progress
/// part, until the run is finished. Without script the page has a link to reload it.
enum RunProgressScript {
    static let path = SelfServicePath.hr + "/run-progress.js"

    static let source = #"""
    (function () {
      "use strict";
      function finished() {
        var status = document.getElementById("progress-text");
        return !status || status.dataset.finished === "true";
      }
      function refresh() {
        if (finished()) return;
        fetch(location.href, { headers: { "X-PersoPoint-Background": "1" }, credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.text() : null; })
          .then(function (html) {
            if (!html) return;
            var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("run-progress");
            var current = document.getElementById("run-progress");
            if (fresh && current) current.replaceWith(fresh);
          })
          .catch(function () {})
          .then(function () { setTimeout(refresh, 2000); });
      }
      setTimeout(refresh, 2000);
    })();
    """#

    static func register(on routes: Routes) {
        routes.get(path) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=300"],
                     body: .init(byteBuffer: ByteBuffer(string: source)))
        }
    }
}
