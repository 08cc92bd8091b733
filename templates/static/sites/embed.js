/* THIN Portal: an organisation's portal events or news, shown on its own website.
 *
 *   <div data-thin-embed="https://…/orgs/<slug>/embed/events.json"><a href="…">…</a></div>
 *   <script src="https://…/static/sites/embed.js" defer></script>
 *
 * No dependencies. Every text from the JSON is written with textContent and every link
 * must be http(s), so nothing in the file can become markup or script on the host page.
 * Until the list arrives, and for good if it cannot be fetched or read, the element
 * keeps what it holds (a link to the portal) and nothing is logged: a broken list
 * must never look broken on someone else's site. The elements match the HTML
 * fragment the portal publishes beside the JSON (templates/sites/_embed_list.html). */
(function () {
  "use strict";

  function text(value) { return typeof value === "string" ? value : ""; }

  function element(tag, content) {
    var node = document.createElement(tag);
    if (content) { node.textContent = content; }
    return node;
  }

  function link(url, content) {
    var anchor = element("a", content);
    if (/^https?:\/\//i.test(text(url))) { anchor.href = url; }
    return anchor;
  }

  function entry(item) {
    var li = element("li");
    if (text(item.lang)) { li.setAttribute("lang", item.lang); }
    li.appendChild(link(item.url, text(item.title)));
    var when = element("time", text(item.when));
    when.setAttribute("datetime", text(item.datetime));
    var line = element("p");
    line.appendChild(when);
    if (text(item.where)) { line.appendChild(document.createTextNode(", " + item.where)); }
    li.appendChild(line);
    if (text(item.summary)) { li.appendChild(element("p", item.summary)); }
    return li;
  }

  function list(data) {
    var section = element("section");
    section.className = "thin-embed";
    if (text(data.lang)) { section.setAttribute("lang", data.lang); }
    section.appendChild(element("h2", text(data.heading)));
    var items = data.items.filter(function (item) { return item && typeof item === "object"; });
    if (items.length) {
      var ul = element("ul");
      items.forEach(function (item) { ul.appendChild(entry(item)); });
      section.appendChild(ul);
    } else {
      section.appendChild(element("p", text(data.empty)));
    }
    var more = element("p");
    more.appendChild(link(data.more_url, text(data.more_text)));
    section.appendChild(more);
    return section;
  }

  function show(host, data) {
    if (!data || data.version !== 1 || !Array.isArray(data.items)) { return; }
    var section = list(data);
    while (host.firstChild) { host.removeChild(host.firstChild); }
    host.appendChild(section);
  }

  function load(host) {
    var url = host.getAttribute("data-thin-embed");
    if (!url || host.hasAttribute("data-thin-embed-loading")) { return; }
    host.setAttribute("data-thin-embed-loading", "");  // the script pasted twice loads once
    window.fetch(url, { credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { show(host, data); })
      .catch(function () { /* keep the link that is already there */ });
  }

  if (!window.fetch || !document.querySelectorAll) { return; }
  Array.prototype.forEach.call(document.querySelectorAll("[data-thin-embed]"), load);
})();
