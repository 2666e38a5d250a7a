#!/usr/bin/env node
"use strict";
// The compiled CLI lives in build/ (npm install runs `prepare`, which compiles it).
const { main } = require("../build/cli/main.js");
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
