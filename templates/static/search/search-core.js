/* THIN Portal search core: query cleaning, shard choice, shard merging, ranking and
 * "open now". No DOM here, so Node runs the very same code in the tests
 * (tests/js/search.mjs) that the page runs in the browser. */
(function (root, factory) {
  "use strict";
  var lunrLib = root && root.lunr;
  if (!lunrLib && typeof require === "function") { lunrLib = require("lunr"); }
  var api = factory(lunrLib);
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.thinSearchCore = api; }
}(typeof self !== "undefined" ? self : this, function (lunr) {
  "use strict";

  var DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

  /* Turn anything a person types into a query lunr can parse. Returns the clean
   * query and a note for the person when something they typed was dropped. NFC and no
   * ZWJ/ZWNJ first, as the index's words are: a prefix (`নার*`) skips the pipeline. */
  function cleanQuery(text, fields) {
    var notes = [];
    var out = [];
    String(text || "").normalize("NFC").replace(/[\u200c\u200d]/g, "").split(/\s+/).forEach(function (token) {
      if (!token) { return; }
      var presence = "";
      if (token.charAt(0) === "+" || token.charAt(0) === "-") {
        presence = token.charAt(0);
        token = token.replace(/^[+-]+/, "");
      }
      var field = "";
      var colon = token.indexOf(":");
      if (colon !== -1) {
        var name = token.slice(0, colon);
        var rest = token.slice(colon + 1);
        if (fields.indexOf(name) !== -1 && rest) {
          field = name + ":";
          token = rest;
        } else {
          token = (name + " " + rest).trim();
          notes.push("colon");
        }
      }
      if (/[~^]/.test(token)) {
        token = token.replace(/[~^][^\s]*/g, "");
        notes.push("operator");
      }
      var trailing = /\*$/.test(token);
      token = token.replace(/[*\\:+]/g, "");
      token.split(/\s+/).forEach(function (part, i, parts) {
        if (!part.replace(/-/g, "")) { return; }
        var wildcard = trailing && i === parts.length - 1 && part.length >= 2 ? "*" : "";
        if (trailing && !wildcard) { notes.push("wildcard"); }
        out.push((i === 0 ? presence + field : "") + part.replace(/^-+|-+$/g, "") + wildcard);
      });
    });
    var positive = out.filter(function (t) { return t.charAt(0) !== "-"; });
    return { query: out.join(" "), positive: positive.length > 0, notes: notes };
  }

  function parse(manifest, query) {
    var q = new lunr.Query(manifest.fields);
    new lunr.QueryParser(query, q).parse();
    return q.clauses;
  }

  /* The index terms a clause can match, as lunr itself will look them up: a Bengali
   * word is two (the word and its skeleton), an English word one. */
  function clauseTerms(pipeline, clause) {
    return clause.usePipeline ? pipeline.runString(clause.term) : [clause.term];
  }

  /* Shard keys needed for some terms: the longest key that starts an exact term; for
   * a prefix (`hous*`) every shard whose key and the prefix start one another. */
  function shardKeys(manifest, terms) {
    var keys = {};
    terms.forEach(function (term) {
      var prefix = term.charAt(term.length - 1) === "*" ? term.slice(0, -1) : null;
      manifest.shards.forEach(function (key) {
        if (prefix !== null) {
          if (key.indexOf(prefix) === 0 || prefix.indexOf(key) === 0) { keys[key] = true; }
        }
      });
      if (prefix === null) {
        var best = "";
        manifest.shards.forEach(function (key) {
          if (term.indexOf(key) === 0 && key.length > best.length) { best = key; }
        });
        if (best) { keys[best] = true; }
      }
    });
    return Object.keys(keys).sort();
  }

  function neededShards(manifest, query, facetCodes) {
    var pipeline = lunr.Pipeline.load(manifest.pipeline);
    var terms = [];
    parse(manifest, query).forEach(function (clause) {
      clauseTerms(pipeline, clause).forEach(function (term) {
        if (term && term !== "*") { terms.push(term); }
      });
    });
    return shardKeys(manifest, terms.concat(facetCodes || []));
  }

  function hexKey(key) {
    var bytes = typeof TextEncoder !== "undefined" ? new TextEncoder().encode(key) : Buffer.from(key, "utf8");
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  var K1 = 1.2, B = 0.75;

  /* A term's BM25 weight in one field of one document, as lunr's builder works it out:
   * lunr.py's order of operations, then three decimals. `toFixed` rounds the exact
   * value as Python's `round` does; only an exact tie (…5 exactly in binary) differs. */
  function weight(idf, count, length, average, boost) {
    var score = idf * ((K1 + 1) * count) / (K1 * (1 - B + B * (length / average)) + count);
    return Number((score * boost).toFixed(3));
  }

  /* One lunr index from several shards. A shard holds terms as [term, lists], a list
   * per field of [ref, count, field length, ...]; the terms are disjoint, so each gets
   * its number in the merged order and every document field its weights there. */
  function mergeShards(manifest, shards) {
    var terms = [];
    shards.forEach(function (shard) { shard.terms.forEach(function (entry) { terms.push(entry); }); });
    terms.sort(function (a, b) { return a[0] < b[0] ? -1 : (a[0] > b[0] ? 1 : 0); });
    var vectors = {};
    var inverted = terms.map(function (entry, position) {
      var posting = { _index: position };
      manifest.fields.forEach(function (field, f) {
        var refs = posting[field] = {};
        for (var i = 0; i < entry[1][f].length; i += 3) { refs[entry[1][f][i]] = {}; }
      });
      var idf = lunr.idf(posting, manifest.count);
      manifest.fields.forEach(function (field, f) {
        var list = entry[1][f];
        for (var i = 0; i < list.length; i += 3) {
          var key = field + "/" + list[i];
          (vectors[key] = vectors[key] || []).push(position,
            weight(idf, list[i + 1], list[i + 2], manifest.averages[f], manifest.boosts[f]));
        }
      });
      return [entry[0], posting];
    });
    var fieldVectors = Object.keys(vectors).map(function (key) { return [key, vectors[key]]; });
    return lunr.Index.load({ version: manifest.version, fields: manifest.fields,
      pipeline: manifest.pipeline, invertedIndex: inverted, fieldVectors: fieldVectors });
  }

  /* Scores equal to six decimals are ties: float noise must not decide the order. */
  function rounded(score) { return Math.round(score * 1e6); }

  /* Ranked refs: lunr's score, ties broken by ref so the order never depends on engine. */
  function search(index, query, facetCodes) {
    var results = index.query(function (q) {
      new lunr.QueryParser(query, q).parse();
      (facetCodes || []).forEach(function (code) {
        q.term(code, { fields: ["facets"], presence: lunr.Query.presence.REQUIRED, boost: 0,
          usePipeline: false });
      });
    });
    return results.map(function (r) { return { ref: r.ref, score: r.score }; })
      .sort(function (a, b) { return rounded(b.score) - rounded(a.score) || Number(a.ref) - Number(b.ref); });
  }

  /* Day (0 = Monday) and minutes past midnight in Europe/London for a Date. */
  function londonNow(date) {
    var parts = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", weekday: "short",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(date);
    var get = function (type) { return parts.filter(function (p) { return p.type === type; })[0].value; };
    return { day: DAY_NAMES.indexOf(get("weekday")), minutes: Number(get("hour")) * 60 + Number(get("minute")) };
  }

  /* Open at `now` ({day, minutes})? Periods are [dayMask, opens, closes]; a period that
   * closes at or before it opens runs past midnight into the next day. */
  function isOpen(hours, now) {
    var yesterday = (now.day + 6) % 7;
    return (hours || []).some(function (period) {
      var mask = period[0], opens = period[1], closes = period[2];
      var today = (mask >> now.day) & 1, before = (mask >> yesterday) & 1;
      if (closes > opens) { return today && now.minutes >= opens && now.minutes < closes; }
      return (today && now.minutes >= opens) || (before && now.minutes < closes);
    });
  }

  return { cleanQuery: cleanQuery, neededShards: neededShards, hexKey: hexKey,
    mergeShards: mergeShards, search: search, londonNow: londonNow, isOpen: isOpen };
}));
