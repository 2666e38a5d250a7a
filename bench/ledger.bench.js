"use strict";
// Ledger workbook: build (pure core), write (.xlsx via ExcelJS) and read-back times and file size, for the
// built-in 2011 plan and a synthetic 5,000-target plan. Needs `npm run build:cli` first.
const { readFileSync } = require("node:fs");
const path = require("node:path");
const { parsePlan } = require("../build/domain/plan/parsePlan");
const { buildLedger } = require("../build/domain/ledger/buildLedger");
const { writeWorkbookXlsx } = require("../build/xlsx/writeWorkbookXlsx");
const { readWorkbookXlsx } = require("../build/xlsx/readWorkbookXlsx");
const { medianMs, medianMsAsync, report } = require("./support");

const OPTIONS = { lang: "zh-CN", reportMonth: 6, generatedAt: "2011-07-05T08:00:00.000Z" };
const KINDS = [
  ["cumulative", ">=", 12, "个"],
  ["balance-increase", ">=", 900, "亿元"],
  ["rate", ">=", 98, "%"],
  ["cap", "<=", 10, "个"],
  ["range", "range", 2, "篇"],
  ["exceeding", ">", 100, "万平方米"],
  ["milestone", "=", null, ""],
];

/** `count` targets, every kind in turn, 20 items of 5 targets per section, half of the months filled. */
function syntheticPlan(count) {
  const sections = [];
  const monthly = {};
  for (let n = 0; n < count; n++) {
    const s = Math.floor(n / 100);
    const i = Math.floor((n % 100) / 5);
    if (!sections[s]) sections[s] = { no: String(s + 1), title: `第${s + 1}部分`, line: 0, items: [] };
    const section = sections[s];
    if (!section.items[i])
      section.items[i] = {
        no: String(i + 1),
        title: `工作事项${i + 1}`,
        text: "",
        departments: [`部门${(s * 20 + i) % 40}`],
        partners: [],
        targets: [],
        line: 0,
      };
    const [kind, comparator, value, unit] = KINDS[n % KINDS.length];
    const id = `${s + 1}.${i + 1}.${(n % 5) + 1}`;
    section.items[i].targets.push({
      id,
      metric: `指标${n}`,
      comparator,
      value,
      max: kind === "range" ? 3 : null,
      unit,
      kind,
      deadline: "2024-12-31",
      parent: null,
      source: `全年完成指标${n}`,
      line: 0,
    });
    monthly[id] = [1, 2, null, 3, 1, 2].map((v) => (v === null ? null : v * ((n % 3) + 1)));
  }
  return { plan: { title: "某市2024年工作要点", year: 2024, sections, diagnostics: [] }, monthly };
}

async function measure(label, plan, options, runs) {
  const spec = buildLedger(plan, options);
  report(
    `${label} build`,
    medianMs(() => buildLedger(plan, options), runs),
    "ms",
  );
  const bytes = await writeWorkbookXlsx(spec);
  report(`${label} write`, await medianMsAsync(() => writeWorkbookXlsx(spec), runs), "ms");
  report(`${label} read back`, await medianMsAsync(() => readWorkbookXlsx(bytes), runs), "ms");
  report(`${label} file size`, bytes.length / 1024, "KB");
}

(async () => {
  const text = readFileSync(path.join(__dirname, "..", "assets", "plans", "qingdao-2011-work-points.txt"), "utf8");
  await measure("ledger built-in 2011 (52 targets)", parsePlan(text), OPTIONS, 5);
  const { plan, monthly } = syntheticPlan(5000);
  await measure("ledger synthetic 5,000 targets", plan, { ...OPTIONS, monthly }, 1);
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
