"use strict";
// Excel add-in: context.sync() calls to generate and to regenerate the ledger (built-in 2011 plan and a
// synthetic 2,000-target plan) against the strict fake of the Excel API, and the gzip size of the task
// pane's initial JavaScript (production build into a scratch folder). Run: node bench/addin.bench.js
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const zlib = require("node:zlib");
const { spawnSync } = require("node:child_process");
const ts = require("typescript");
const { medianMsAsync, report } = require("./support");

const ROOT = path.join(__dirname, "..");

// The adapter and the fake are TypeScript outside the CLI build: compile them as they are required.
require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

const { parsePlan } = require("../src/domain/plan/parsePlan.ts");
const { buildLedger } = require("../src/domain/ledger/buildLedger.ts");
const { regenerateLedger } = require("../src/excel/applyWorkbookSpec.ts");
const { FakeExcelContext } = require("../tests/support/fakeExcel/index.ts");

const KINDS = [
  ["cumulative", ">=", 12, "个"],
  ["rate", ">=", 98, "%"],
  ["cap", "<=", 10, "个"],
  ["milestone", "=", null, ""],
];

function syntheticPlan(count) {
  const sections = [];
  for (let n = 0; n < count; n++) {
    const s = Math.floor(n / 100);
    const i = Math.floor((n % 100) / 5);
    sections[s] ??= { no: String(s + 1), title: `第${s + 1}部分`, line: 0, items: [] };
    const items = sections[s].items;
    items[i] ??= {
      no: `${s * 20 + i + 1}`,
      title: `事项${n}`,
      text: "",
      departments: ["市发改委"],
      partners: [],
      targets: [],
      line: 0,
    };
    const [kind, comparator, value, unit] = KINDS[n % KINDS.length];
    const item = items[i];
    item.targets.push({
      id: `${item.no}.${item.targets.length + 1}`,
      metric: `指标${n}`,
      comparator,
      value,
      max: null,
      unit,
      kind,
      deadline: "2011-12-31",
      parent: null,
      source: "",
      line: 0,
    });
  }
  return { title: "合成计划", year: 2011, sections, diagnostics: [] };
}

async function syncs(plan) {
  const options = { lang: "zh-CN", reportMonth: 6, generatedAt: "2011-07-05T08:00:00.000Z" };
  const spec = buildLedger(plan, options);
  const run = { capabilities: { dataValidation: true, createWorkbook: true }, planJson: "{}", today: "2011-07-05" };
  const ctx = new FakeExcelContext();
  const first = await regenerateLedger(ctx, plan, spec, run);
  const again = await regenerateLedger(ctx, plan, spec, run);
  const ms = await medianMsAsync(() => regenerateLedger(new FakeExcelContext(), plan, spec, run), 3);
  return { first: first.syncs, again: again.syncs, ms, bytes: first.requestBytes };
}

function initialBundle() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "plan-ledger-bundle-"));
  const build = spawnSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  if (build.status !== 0) throw new Error(build.stderr || build.stdout);
  const html = fs.readFileSync(path.join(out, "taskpane.html"), "utf8");
  const initial = [...html.matchAll(/<script[^>]*src=["']?([^"' >]+\.js)/g)]
    .map((m) => m[1])
    .filter((src) => !/office\.js$/.test(src));
  const gzip = (file) => zlib.gzipSync(fs.readFileSync(path.join(out, file)), { level: 9 }).length;
  const lazy = fs.readdirSync(out).filter((f) => f.endsWith(".js") && !initial.includes(f));
  const result = {
    initial: initial.reduce((sum, f) => sum + gzip(f), 0),
    files: initial,
    lazy: lazy.map((f) => [f, gzip(f)]),
  };
  fs.rmSync(out, { recursive: true, force: true });
  return result;
}

(async () => {
  const builtin = parsePlan(fs.readFileSync(path.join(ROOT, "assets/plans/qingdao-2011-work-points.txt"), "utf8"));
  const a = await syncs(builtin);
  report("addin syncs, built-in plan, generate", a.first, "syncs");
  report("addin syncs, built-in plan, regenerate in place", a.again, "syncs");
  report("addin generate time (fake Excel), built-in plan", a.ms, "ms");
  report("addin request size (estimate), built-in plan", a.bytes, "bytes");
  const b = await syncs(syntheticPlan(2000));
  report("addin syncs, 2,000 targets, generate", b.first, "syncs");
  report("addin syncs, 2,000 targets, regenerate in place", b.again, "syncs");
  report("addin generate time (fake Excel), 2,000 targets", b.ms, "ms");
  report("addin request size (estimate), 2,000 targets", b.bytes, "bytes");
  const bundle = initialBundle();
  report(`task pane initial JS (${bundle.files.join(" + ")}), gzip`, bundle.initial, "bytes");
  for (const [file, size] of bundle.lazy) report(`  on demand: ${file}, gzip`, size, "bytes");
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
