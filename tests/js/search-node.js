// Runs the page's own search core (templates/static/search/search-core.js) in Node over a
// built site: for each query, fetch (read) the shards the page would fetch, merge them
// and rank. Prints JSON: {query: {refs, shards, gzipped, ms}} for the Python tests to compare.
// With a fourth argument "whole" every shard is loaded: the whole index, for comparison.
// The site directory is a language's root: site/ for English, site/bn/ for Bengali.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const core = require("../../templates/static/search/search-core.js");
require("../../templates/static/search/search-tokens.js");  // registers "thin-bengali"

const [siteDir, queriesJson, facetsJson, mode] = process.argv.slice(2);
const read = (rel) => fs.readFileSync(path.join(siteDir, rel));
const manifest = JSON.parse(read("search/manifest.json"));
const facets = JSON.parse(facetsJson || "[]");
const out = {};
for (const raw of JSON.parse(queriesJson)) {
  const started = process.hrtime.bigint();
  const cleaned = core.cleanQuery(raw, manifest.fields);
  const keys = mode === "whole" ? manifest.shards : core.neededShards(manifest, cleaned.query, facets);
  const files = keys.map((key) => `search/shards/${core.hexKey(key)}.json`);
  const shards = files.map((file) => JSON.parse(read(file)));
  const index = core.mergeShards(manifest, shards);
  const results = core.search(index, cleaned.query, facets);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const gzipped = files.reduce((sum, file) => sum + zlib.gzipSync(read(file), { level: 9 }).length, 0);
  out[raw] = { query: cleaned.query, refs: results.map((r) => r.ref), shards: keys, gzipped, ms };
}
process.stdout.write(JSON.stringify(out));
