/* THIN Portal search page: reads the JSON the build wrote, fetches only the index
 * shards and document chunks a query needs, and shows results with textContent only.
 * Without JavaScript the page keeps its browse links; this file only enhances it.
 * Every word it shows comes from the page (data-messages), in the page's language. */
(function () {
  "use strict";
  var core = window.thinSearchCore;
  var fetchJson = window.thinFetchJson;
  var form = document.getElementById("search-form");
  if (!core || !form || !fetchJson) { return; }
  var PAGE = 20;
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var message = document.getElementById("search-message");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var base = form.getAttribute("data-base");
  var MESSAGES = JSON.parse(form.getAttribute("data-messages"));
  var manifestPromise = fetchJson(form.getAttribute("data-manifest"));
  var sequence = 0;
  var current = null;

  function facetCodes() {
    return Array.prototype.map.call(form.querySelectorAll("select[data-facet]"), function (select) {
      return select.value;
    }).filter(Boolean);
  }

  function say(text) { status.textContent = text; }

  function showMessage(text, withBrowse) {
    message.textContent = text;
    message.hidden = !text;
    document.getElementById("search-browse").classList.toggle("highlight", !!withBrowse);
  }

  /* A message with its %(name)s placeholders filled; a counted message (a list of the
   * forms for 0, 1 and more, see thin_build/search/page.py) takes the form for `num`. */
  function text(key, values) {
    var message = MESSAGES[key];
    if (Array.isArray(message)) { message = message[Math.min(values.num, 2)]; }
    return message.replace(/%\((\w+)\)s/g, function (all, name) { return String(values[name]); });
  }

  function run() {
    var mine = ++sequence;
    var manifest;
    var cleaned;
    var codes = facetCodes();
    manifestPromise.then(function (m) {
      manifest = m;
      cleaned = core.cleanQuery(input.value, manifest.fields);
      var notes = cleaned.notes.filter(function (n, i, all) { return all.indexOf(n) === i; });
      showMessage(notes.map(function (n) { return text(n, {}); }).join(" "), false);
      if (!cleaned.positive && !codes.length) {
        clear();
        if (input.value.trim()) {
          showMessage((message.textContent + " " + text("empty", {})).trim(), true);
        }
        say("");
        return null;
      }
      var keys = core.neededShards(manifest, cleaned.query, codes);
      return Promise.all(keys.map(function (key) {
        return fetchJson(base + "search/shards/" + core.hexKey(key) + ".json");
      }));
    }).then(function (shards) {
      if (!shards || mine !== sequence) { return; }
      var index = core.mergeShards(manifest, shards);
      var results = core.search(index, cleaned.query, codes);
      current = { manifest: manifest, results: results, position: 0, shown: 0,
        openNow: document.getElementById("search-open-now").checked };
      clear();
      return showMore(mine);
    }).catch(function (error) {
      if (mine !== sequence) { return; }
      clear();
      say("");
      showMessage(text(error && error.name === "QueryParseError" ? "unparseable" : "unavailable", {}), true);
    });
    updateAddress();
  }

  function clear() {
    list.textContent = "";
    more.hidden = true;
  }

  /* Fetch the document chunks for the next results and show up to PAGE of them. */
  function showMore(mine) {
    var state = current;
    var now = core.londonNow(new Date());
    var added = 0;
    function step() {
      if (mine !== sequence) { return null; }
      if (added >= PAGE || state.position >= state.results.length) { return finish(); }
      var ref = Number(state.results[state.position].ref);
      var chunk = Math.floor(ref / state.manifest.docChunk);
      return fetchJson(base + "search/docs/" + chunk + ".json").then(function (rows) {
        var row = rows[ref % state.manifest.docChunk];
        state.position += 1;
        if (!state.openNow || core.isOpen(row[5], now)) {
          list.appendChild(renderResult(state.manifest, row));
          added += 1;
          state.shown += 1;
        }
        return step();
      });
    }
    function finish() {
      var total = state.results.length;
      more.hidden = state.position >= total;
      if (state.openNow) {
        say(text(more.hidden ? "openNow" : "openNowSoFar", { num: state.shown, total: total }));
      } else {
        say(text("results", { num: total }));
      }
      if (!total) { showMessage(text("nothing", {}), true); }
      return null;
    }
    return step();
  }

  /* Text still in another language than the page's (an untranslated listing) says so,
   * as the templates' lang_attr does: its own lang, and dir="auto" for its direction. */
  function markLanguage(element, lang) {
    if (lang) { element.lang = lang; element.dir = "auto"; }
  }

  function renderResult(manifest, row) {
    var item = document.createElement("li");
    item.className = "result";
    var heading = document.createElement("h3");
    var link = document.createElement("a");
    link.href = base + row[3].replace(/^\//, "");
    link.textContent = row[1];
    markLanguage(link, row[6]);
    heading.appendChild(link);
    var meta = document.createElement("p");
    meta.className = "result-meta";
    meta.textContent = manifest.kinds[row[0]] + (row[4] ? " · " + row[4] : "");
    var summary = document.createElement("p");
    summary.textContent = row[2];
    markLanguage(summary, row[7]);
    item.appendChild(heading);
    item.appendChild(meta);
    item.appendChild(summary);
    return item;
  }

  function updateAddress() {
    var params = new URLSearchParams();
    if (input.value) { params.set("q", input.value); }
    history.replaceState(null, "", params.toString() ? "?" + params.toString() : location.pathname);
  }

  function resultLinks() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  /* Arrow keys move between the box and the results; Escape returns to the box. */
  form.addEventListener("keydown", function (event) {
    var links = resultLinks();
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && (event.target === input || at !== -1) && links.length) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at !== -1) {
      event.preventDefault();
      (at === 0 ? input : links[at - 1]).focus();
    } else if (event.key === "Escape" && at !== -1) {
      input.focus();
    }
  });

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  form.addEventListener("change", function (event) {
    if (event.target !== input) { run(); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  more.addEventListener("click", function () {
    if (current) { showMore(sequence); }
  });

  document.getElementById("search-facets").hidden = false;
  document.getElementById("search-nojs").hidden = true;
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; }
  if (input.value) { run(); }
}());
