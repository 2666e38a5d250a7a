"use strict";
// Parse time of the built-in plan and of synthetic plans of 1–10 MB: the cost must grow linearly.
const { readFileSync } = require("node:fs");
const path = require("node:path");
const { parsePlan } = require("../build/domain/plan/parsePlan");
const { medianMs, report } = require("./support");

const builtin = readFileSync(path.join(__dirname, "..", "assets", "plans", "qingdao-2011-work-points.txt"), "utf8");
report(
  "parse built-in plan (16 KB)",
  medianMs(() => parsePlan(builtin), 20),
  "ms",
);

// A synthetic plan: the built-in plan's items repeated under numbered sections, numbering restarting in
// each section (as many real plans do), so the ids are section-qualified.
const items = builtin
  .split("\n")
  .filter((l) => /^\s*\d+\./.test(l))
  .map((l) => l.replace(/^\s*\d+\./, ""));
function syntheticPlan(bytes) {
  const lines = ["某市2024年工作要点"];
  let size = 0;
  let n = 0;
  while (size < bytes) {
    if (n % 20 === 0)
      lines.push(`${["一", "二", "三", "四", "五", "六", "七", "八", "九"][(n / 20) % 9]}、第${n / 20 + 1}部分`);
    const line = `${(n % 20) + 1}.${items[n % items.length]}`;
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
    n++;
  }
  return lines.join("\n");
}
for (const mb of [1, 2, 5, 10]) {
  const text = syntheticPlan(mb * 1024 * 1024);
  const ms = medianMs(() => parsePlan(text), 3);
  const plan = parsePlan(text);
  const targets = plan.sections.reduce((a, s) => a + s.items.reduce((b, i) => b + i.targets.length, 0), 0);
  report(`parse synthetic ${mb} MB (${targets} targets)`, ms, "ms");
  report(`parse synthetic ${mb} MB per MB`, ms / mb, "ms/MB");
}
// One 2 MB line with no punctuation at all: the worst case for clause splitting.
const oneLine = "1." + "新增金融机构10家其中新设村镇银行1家".repeat(80000);
report(
  "parse one 2 MB unpunctuated line",
  medianMs(() => parsePlan(oneLine), 3),
  "ms",
);
