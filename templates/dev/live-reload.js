// Preview-server helper, injected by `thin serve` only (never part of the built site):
// reloads the page after each rebuild and shows content errors over the page.
(function () {
  "use strict";
  var version = null;
  var panel = null;

  function showProblems(problems) {
    if (panel) { panel.remove(); panel = null; }
    if (!problems.length) { return; }
    panel = document.createElement("section");
    panel.setAttribute("role", "alert");
    panel.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;" +
      "background:#fff;color:#1b1b1b;border-top:6px solid #b10e1e;padding:1rem;z-index:1000;" +
      "font:14px/1.4 monospace";
    var heading = document.createElement("h2");
    heading.textContent = "The last change has content errors; the site shows the last good build.";
    panel.appendChild(heading);
    var list = document.createElement("ul");
    problems.forEach(function (text) {
      var item = document.createElement("li");
      item.textContent = text;
      list.appendChild(item);
    });
    panel.appendChild(list);
    document.body.appendChild(panel);
  }

  function poll() {
    fetch("/__thin__/status", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (version !== null && status.version !== version) { location.reload(); return; }
        version = status.version;
        showProblems(status.problems);
      })
      .catch(function () { /* server restarting: try again */ })
      .finally(function () { setTimeout(poll, 1000); });
  }
  poll();
}());
