"use strict";
// Small timing helpers shared by the bench files.
const { performance } = require("node:perf_hooks");

/** Median wall time in ms of `fn` over `runs` runs, after one warm-up run. */
function medianMs(fn, runs = 5) {
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    if (global.gc) global.gc();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function medianMsAsync(fn, runs = 3) {
  await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    if (global.gc) global.gc();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function report(name, value, unit) {
  console.log(`${name}: ${typeof value === "number" ? value.toFixed(value < 10 ? 2 : 0) : value} ${unit}`);
}

module.exports = { medianMs, medianMsAsync, report };
