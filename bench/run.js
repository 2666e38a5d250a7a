#!/usr/bin/env node
"use strict";
// Runs every bench/*.bench.js in turn (after `npm run build:cli`); each prints "name: value unit" lines.
// Benchmarks measure; they never fail on a figure. Run: npm run bench [-- filter]
const { readdirSync } = require("node:fs");
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const filter = process.argv[2] ?? "";
const files = readdirSync(__dirname)
  .filter((f) => f.endsWith(".bench.js") && f.includes(filter))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`# ${file}`);
  const result = spawnSync(process.execPath, ["--expose-gc", path.join(__dirname, file)], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;
