// Runs the referral page's own ranking (templates/static/referral/referral.js) in Node over a
// built site's index: reads the index file and a JSON file of answers
// [{need, stage, group, ward, language}, ...], and prints one JSON line per answer,
// in the same order: [[slug, [reason, ...]], ...], for the Python test to compare.
"use strict";
const fs = require("fs");
const referral = require("../../templates/static/referral/referral.js");

const [indexFile, answersFile] = process.argv.slice(2);
const index = JSON.parse(fs.readFileSync(indexFile, "utf8"));
const answers = JSON.parse(fs.readFileSync(answersFile, "utf8"));
const lines = answers.map((answer) => JSON.stringify(
  referral.rank(index, answer).map((s) => [s.slug, s.reasons])));
process.stdout.write(lines.join("\n") + "\n");
