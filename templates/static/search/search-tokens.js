/* THIN Portal search: the Bengali query pipeline, registered with lunr.js as "thin-bengali"
 * so a Bengali index (whose serialised pipeline names it) loads and is queried with the
 * very steps thin_build/search/bengali.py indexed its words with: NFC, ৎ for the old
 * khanda ta, no ZWJ/ZWNJ, a Unicode-aware trim, and the word's skeleton as a second term.
 * A word with no Bengali letter gets lunr's English stemmer, as on the English pages.
 * tests/js/bengali-tokens.js checks these give the same terms as the Python. */
(function (root, factory) {
  "use strict";
  var lunrLib = root && root.lunr;
  if (!lunrLib && typeof require === "function") { lunrLib = require("lunr"); }
  var api = factory(lunrLib);
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.thinSearchTokens = api; }
}(typeof self !== "undefined" ? self : this, function (lunr) {
  "use strict";

  var BENGALI_LETTER = /[\u0980-\u09ff]/;
  var JOINERS = /[\u200c\u200d]/g;
  var OLD_KHANDA_TA = /\u09a4\u09cd\u200d/g;
  var TRIM = /^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu;
  var DROPPED = /[\u0981\u0983\u09bc\u09be-\u09c4\u09c7\u09c8\u09cb\u09cc\u09cd\u09d7\u09e2\u09e3]/g;
  var REPLACED = { "ঈ": "ই", "ঊ": "উ", "ং": "ঙ", "ৎ": "ত" };

  function normalise(word) {
    return word.normalize("NFC").replace(OLD_KHANDA_TA, "ৎ").replace(JOINERS, "");
  }

  function skeleton(word) {
    return word.replace(DROPPED, "").replace(/[ঈঊংৎ]/g, function (c) { return REPLACED[c]; })
      .replace(/[\u09e6-\u09ef]/g, function (d) { return String(d.charCodeAt(0) - 0x09e6); });
  }

  /* The terms of one lowercased query word; null when nothing is left of it. */
  function bengaliTerms(word) {
    var text = normalise(word);
    if (!BENGALI_LETTER.test(text)) { return null; }
    text = text.replace(TRIM, "");
    if (!text) { return []; }
    var bare = skeleton(text);
    return bare && bare !== text ? [text, bare] : [text];
  }

  function pipeline(token) {
    var terms = bengaliTerms(token.toString());
    if (terms === null) {
      var text = normalise(token.toString());
      return lunr.stemmer(token.update(function () { return text; }));
    }
    return terms.map(function (term) { return token.clone(function () { return term; }); });
  }

  lunr.Pipeline.registerFunction(pipeline, "thin-bengali");

  return { normalise: normalise, skeleton: skeleton, bengaliTerms: bengaliTerms, pipeline: pipeline };
}));
