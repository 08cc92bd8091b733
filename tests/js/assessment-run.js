// Runs the self-assessment core (templates/static/assessment/assessment-core.js) in Node
// over a built site's files: reads questions.json, the referral index and a JSON file of
// {"cases": [{stage, answers}], "fragments": [text]}, and prints one JSON document:
// {"results": [{scores, plan, fragment}], "decoded": [{status, stage, answers}]},
// for the Python test to compare with its reference.
"use strict";
const fs = require("fs");
const core = require("../../templates/static/assessment/assessment-core.js");

const [questionsFile, indexFile, inputFile] = process.argv.slice(2);
const read = (file) => JSON.parse(fs.readFileSync(file, "utf8"));
const data = read(questionsFile);
const index = read(indexFile);
const input = read(inputFile);
const results = input.cases.map((c) => ({
  scores: core.score(data, c.stage, c.answers),
  plan: core.plan(data, c.stage, c.answers, index),
  fragment: core.encode(data, c.stage, c.answers),
}));
const decoded = input.fragments.map((text) => {
  const found = core.decode(data, text);
  return found.answers ? { ...found, answers: { ...found.answers } } : found;
});
process.stdout.write(JSON.stringify({ results, decoded }) + "\n");
