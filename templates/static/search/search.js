/* THIN Portal search page: reads the JSON the build wrote, fetches only the index
 * shards and document chunks a query needs, and shows results with textContent only.
 * Without JavaScript the page keeps its browse links; this file only enhances it. */
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

  var NOTES = {
    colon: "A colon only works after a field name such as name: or summary:, so it was ignored.",
    operator: "The ~ and ^ operators are not supported here, so they were ignored.",
    wildcard: "A * works only at the end of a word of two or more letters, so it was ignored."
  };

  function run() {
    var mine = ++sequence;
    var manifest;
    var cleaned;
    var codes = facetCodes();
    manifestPromise.then(function (m) {
      manifest = m;
      cleaned = core.cleanQuery(input.value, manifest.fields);
      var notes = cleaned.notes.filter(function (n, i, all) { return all.indexOf(n) === i; });
      showMessage(notes.map(function (n) { return NOTES[n]; }).join(" "), false);
      if (!cleaned.positive && !codes.length) {
        clear();
        if (input.value.trim()) {
          showMessage((message.textContent + " Type a word to search for, or browse below.").trim(), true);
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
      showMessage(error && error.name === "QueryParseError"
        ? "That search could not be understood. Try plain words, or browse below."
        : "Search is not available right now. Try again, or browse below.", true);
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
        say(state.shown + (state.shown === 1 ? " result" : " results") + " open now" +
          (more.hidden ? "" : " so far") + ", out of " + total + " matching.");
      } else {
        say(total + (total === 1 ? " result" : " results") + (total ? "." : " found."));
      }
      if (!total) { showMessage("Nothing matches that search. Check the spelling, use fewer words, or browse below.", true); }
      return null;
    }
    return step();
  }

  function renderResult(manifest, row) {
    var item = document.createElement("li");
    item.className = "result";
    var heading = document.createElement("h3");
    var link = document.createElement("a");
    link.href = base + row[3].replace(/^\//, "");
    link.textContent = row[1];
    heading.appendChild(link);
    var meta = document.createElement("p");
    meta.className = "result-meta";
    meta.textContent = manifest.kinds[row[0]] + (row[4] ? " · " + row[4] : "");
    var summary = document.createElement("p");
    summary.textContent = row[2];
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
