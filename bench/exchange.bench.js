"use strict";
// Split and merge (issue 6): merge 60 department files back into the master — files the size of the
// built-in 2011 plan (52 targets each; master 3,120 targets) and files of 100 targets each (master
// 6,000 targets). Each copy has every row's June figure typed in. Reports split time, merge total (read
// the master, read and check the 60 files, rebuild and write the master with its change log) and per
// file. Needs `npm run build:cli` first.
const { readFileSync } = require("node:fs");
const path = require("node:path");
const { performance } = require("node:perf_hooks");
const { parsePlan } = require("../build/domain/plan/parsePlan");
const { buildLedger } = require("../build/domain/ledger/buildLedger");
const { LEDGER_COLUMNS } = require("../build/domain/ledger/layout");
const { readLedgerState } = require("../build/domain/exchange/ledgerState");
const { splitMaster } = require("../build/domain/exchange/split");
const { previewReturnedFiles } = require("../build/domain/exchange/mergeFiles");
const { applyMerge } = require("../build/domain/exchange/applyMerge");
const { checkXlsxPackage } = require("../build/domain/exchange/zipCheck");
const { writeWorkbookXlsx } = require("../build/xlsx/writeWorkbookXlsx");
const { readXlsxGrid } = require("../build/xlsx/readGrid");
const { report } = require("./support");

const OPTIONS = { lang: "zh-CN", reportMonth: 6, generatedAt: "2011-07-01T08:00:00.000Z" };
const FILES = 60;

/** The built-in plan's items once per department: 60 departments, each with the 52 targets of 2011. */
function builtinTimesSixty() {
  const text = readFileSync(path.join(__dirname, "..", "assets", "plans", "qingdao-2011-work-points.txt"), "utf8");
  const base = parsePlan(text);
  const sections = [];
  for (let d = 1; d <= FILES; d++) {
    const prefix = (id) => `${d}.${id}`;
    sections.push({
      no: String(d),
      title: `部门${d}的工作`,
      line: 0,
      items: base.sections.flatMap((s) =>
        s.items.map((item) => ({
          ...item,
          departments: [`部门${d}`],
          targets: item.targets.map((t) => ({ ...t, id: prefix(t.id), parent: t.parent && prefix(t.parent) })),
        })),
      ),
    });
  }
  return { ...base, sections, diagnostics: [] };
}

/** 60 departments of 100 cumulative targets each. */
function hundredEach() {
  const sections = [];
  for (let d = 1; d <= FILES; d++) {
    const targets = Array.from({ length: 100 }, (_, n) => ({
      id: `${d}.1.${n + 1}`,
      metric: `指标${n}`,
      comparator: ">=",
      value: 12,
      max: null,
      unit: "个",
      kind: "cumulative",
      deadline: "2011-12-31",
      parent: null,
      source: `全年完成指标${n}`,
      line: 0,
    }));
    const item = { no: "1", title: "工作事项", text: "", departments: [`部门${d}`], partners: [], targets, line: 0 };
    sections.push({ no: String(d), title: `第${d}部分`, line: 0, items: [item] });
  }
  return { title: "某市2011年工作要点", year: 2011, sections, diagnostics: [] };
}

async function measure(label, plan) {
  const masterBytes = await writeWorkbookXlsx(buildLedger(plan, OPTIONS));
  const masterState = readLedgerState(await readXlsxGrid(masterBytes, "master.xlsx"), "master.xlsx");
  let start = performance.now();
  const { copies } = splitMaster(masterState, OPTIONS.generatedAt);
  const files = [];
  for (const copy of copies) {
    const ledger = copy.spec.sheets[2];
    for (const row of ledger.rows.slice(3)) row[LEDGER_COLUMNS.firstMonth + 5] = { value: 3, style: "input" };
    files.push({ file: copy.fileName, bytes: await writeWorkbookXlsx(copy.spec) });
  }
  report(`${label}: split into ${copies.length} copies (build + write)`, performance.now() - start, "ms");
  if (global.gc) global.gc();

  start = performance.now();
  checkXlsxPackage(masterBytes, "master.xlsx");
  const master = readLedgerState(await readXlsxGrid(masterBytes, "master.xlsx"), "master.xlsx");
  const readMaster = performance.now() - start;
  const preview = await previewReturnedFiles(master, files, { readGrid: readXlsxGrid });
  const previewed = performance.now() - start;
  const merged = applyMerge(master, preview.changes, "2011-07-06T09:30:00.000Z");
  const bytes = await writeWorkbookXlsx(merged.spec);
  const total = performance.now() - start;
  if (preview.refused.length > 0 || preview.changes.length !== countTargets(plan))
    throw new Error(`unexpected merge: ${preview.refused.length} refused, ${preview.changes.length} changes`);
  report(`${label}: merge ${files.length} files total`, total, "ms");
  report(`${label}: merge per file`, total / files.length, "ms");
  report(`${label}: read master`, readMaster, "ms");
  report(`${label}: read + check ${files.length} files`, previewed - readMaster, "ms");
  report(`${label}: rebuild + write master (${merged.added.length} log entries)`, total - previewed, "ms");
  report(`${label}: merged master size`, bytes.length / 1024, "KB");
}

function countTargets(plan) {
  return plan.sections.reduce((n, s) => n + s.items.reduce((m, i) => m + i.targets.length, 0), 0);
}

(async () => {
  await measure("exchange 60 files × built-in 2011 (52 targets)", builtinTimesSixty());
  await measure("exchange 60 files × 100 targets", hundredEach());
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
