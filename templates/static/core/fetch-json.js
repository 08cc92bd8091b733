/* THIN Portal: fetch a JSON file the build wrote, once per page. Every page script
 * that reads build output (search, referral) asks here, so a file shared by two
 * questions is fetched once and a failed fetch says which file and why. */
(function (root) {
  "use strict";
  var cache = {};

  function fetchJson(url) {
    if (!cache[url]) {
      cache[url] = root.fetch(url).then(function (response) {
        if (!response.ok) { throw new Error(url + ": HTTP " + response.status); }
        return response.json();
      });
    }
    return cache[url];
  }

  if (root.fetch) { root.thinFetchJson = fetchJson; }
})(window);
