#!/usr/bin/env node
// Turns off usage-data reporting of the office-addin-* tools (they send it unless told otherwise).
// office-addin-usage-data 3.x has removed reporting (its "off" is a no-op); older versions honour it.
// Never fails: the tool may be absent with --omit=dev.
"use strict";
const { spawnSync } = require("node:child_process");
const path = require("node:path");

let cli;
try {
  cli = require.resolve("office-addin-usage-data/cli.js");
} catch {
  process.exit(0);
}
const run = spawnSync(process.execPath, [cli, "off"], { stdio: "ignore", cwd: path.join(__dirname, "..") });
if (run.status !== 0)
  console.warn("office-addin-usage-data off did not run; turn it off by hand: npx office-addin-usage-data off");
