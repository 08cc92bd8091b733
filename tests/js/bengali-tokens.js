// The page's Bengali query pipeline (templates/static/search/search-tokens.js) in Node: each
// word is lowercased as lunr's QueryParser does, then run through the pipeline a Bengali
// index names ("thin-bengali"), loaded by name as lunr.Index.load loads it. Prints JSON
// {word: [terms]} for tests/unit/search/test_bengali.py to compare with the Python builder.
"use strict";
const lunr = require("lunr");
require("../../templates/static/search/search-tokens.js");

const pipeline = lunr.Pipeline.load(["thin-bengali"]);
const out = {};
for (const word of JSON.parse(process.argv[2])) {
  out[word] = pipeline.runString(word.toLowerCase());
}
process.stdout.write(JSON.stringify(out));
