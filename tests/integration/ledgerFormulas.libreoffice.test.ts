/**
 * The ledger's formulas and its TypeScript arithmetic (src/domain/ledger/status.ts) agree in a real
 * spreadsheet application, for every kind of target, on seeded pseudo-random figures (text entries
 * included), several report months, deadlines, thresholds and both languages:
 * - the cached value of every formula cell equals what LibreOffice computes on load;
 * - after figures are typed into a generated ledger and 设置 is changed (report month, thresholds),
 *   LibreOffice's 累计 / 完成率 / 序时进度 / 状态 equal computeRow's for the same inputs.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildLedger } from "../../src/domain/ledger/buildLedger";
import { FIRST_DATA_ROW, LEDGER_COLUMNS as C, ledgerLabels, SETTINGS_ROWS } from "../../src/domain/ledger/layout";
import { computeRow, type LedgerSettings, type MonthlyValue } from "../../src/domain/ledger/status";
import { listTargets, type Plan } from "../../src/domain/plan/types";
import { cellAddress } from "../../src/domain/workbook/address";
import type { WorkbookSpec } from "../../src/domain/workbook/spec";
import { writeWorkbookXlsx } from "../../src/xlsx/writeWorkbookXlsx";
import { describeWithLibreOffice, type Op } from "../support/libreoffice";
import { parseBuiltinPlan } from "../support/planFixtures";

const GENERATED_AT = "2011-07-05T08:00:00.000Z";
const DEADLINES = ["2011-03-31", "2011-06-30", "2011-12-31", "2011-09-15", "2012-06-30"];

/** A small linear congruential generator: the same figures on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** The 2011 plan with deadlines spread over the year (shift 0 keeps the plan's own). */
function planWithDeadlines(shift: number): Plan {
  const plan = structuredClone(parseBuiltinPlan());
  listTargets(plan).forEach(({ target }, i) => {
    if (shift > 0) target.deadline = DEADLINES[(i + shift) % DEADLINES.length]!;
  });
  return plan;
}

/** Figures for every target: some rows empty, some text, rates and milestones 0–100, others around pace. */
function figures(plan: Plan, seed: number): Record<string, MonthlyValue[]> {
  const next = random(seed);
  const out: Record<string, MonthlyValue[]> = {};
  for (const { target } of listTargets(plan)) {
    const mode = Math.floor(next() * 5);
    out[target.id] = Array.from({ length: 12 }, (): MonthlyValue => {
      const r = next();
      if (mode === 0 || r < 0.2) return null;
      if (r < 0.25) return "10家";
      if (target.kind === "rate" || target.kind === "milestone") return Math.min(100, Math.round(next() * 1100) / 10);
      return Math.round(((next() * (target.value || 10)) / (mode === 3 ? 2 : 5)) * 100) / 100;
    });
  }
  return out;
}

const SCENARIOS = [
  { month: 1, shift: 0, lang: "zh-CN", thresholds: undefined },
  { month: 3, shift: 1, lang: "en-US", thresholds: undefined },
  { month: 6, shift: 2, lang: "zh-CN", thresholds: { yellow: 5, red: 20 } },
  { month: 9, shift: 3, lang: "en-US", thresholds: undefined },
  { month: 12, shift: 4, lang: "zh-CN", thresholds: { yellow: 0, red: 50 } },
  { month: 7, shift: 1, lang: "zh-CN", thresholds: undefined },
] as const;

function formulaCells(spec: WorkbookSpec) {
  return spec.sheets.flatMap((sheet) =>
    sheet.rows.flatMap((row, r) =>
      row.flatMap((c, col) => (c?.formula ? [{ sheet: sheet.name, r, col, cached: c.value, formula: c.formula }] : [])),
    ),
  );
}

describeWithLibreOffice("ledger formulas and status.ts agree in LibreOffice Calc", (lo) => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ledger-formulas-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(SCENARIOS.map((s, i) => [i, s] as const))(
    "scenario %i: every cached value equals the recomputed one",
    async (i, scenario) => {
      const plan = planWithDeadlines(scenario.shift);
      const spec = buildLedger(plan, {
        lang: scenario.lang,
        reportMonth: scenario.month,
        generatedAt: GENERATED_AT,
        monthly: figures(plan, 42 + i),
        ...(scenario.thresholds ? { thresholds: scenario.thresholds } : {}),
      });
      const file = path.join(dir, `scenario-${i}.xlsx`);
      fs.writeFileSync(file, await writeWorkbookXlsx(spec));
      const cells = formulaCells(spec);
      const sheets = [...new Set(cells.map((c) => c.sheet))];
      const ops: Op[] = [{ op: "open", path: file }];
      for (const sheet of sheets) {
        const mine = cells.filter((c) => c.sheet === sheet);
        const last = cellAddress(Math.max(...mine.map((c) => c.r)), Math.max(...mine.map((c) => c.col)));
        ops.push({ op: "getRange", sheet, range: `A1:${last}`, texts: false });
      }
      const results = await lo().run(ops);
      const values = new Map(sheets.map((s, k) => [s, (results[k + 1] as { values: unknown[][] }).values]));
      const mismatches = cells
        .map((c) => ({ ...c, computed: values.get(c.sheet)![c.r]![c.col] }))
        .filter((c) => c.computed !== c.cached);
      expect(cells.length).toBeGreaterThan(300);
      expect(mismatches).toEqual([]);
    },
  );

  it("computes what computeRow computes after figures are typed and 设置 is changed", async () => {
    const plan = planWithDeadlines(2);
    const spec = buildLedger(plan, { lang: "zh-CN", reportMonth: 1, generatedAt: GENERATED_AT });
    const file = path.join(dir, "typed.xlsx");
    fs.writeFileSync(file, await writeWorkbookXlsx(spec));
    const labels = ledgerLabels("zh-CN");
    const targets = listTargets(plan);
    const typed = figures(plan, 7);
    const ops: Op[] = [{ op: "open", path: file }];
    targets.forEach(({ target }, i) => {
      typed[target.id]!.forEach((value, m) => {
        const cell = cellAddress(FIRST_DATA_ROW + i, C.firstMonth + m);
        if (typeof value === "number") ops.push({ op: "setValue", sheet: labels.sheets.ledger, cell, value });
        if (typeof value === "string") ops.push({ op: "setString", sheet: labels.sheets.ledger, cell, value });
      });
    });
    await lo().run(ops);
    const last = cellAddress(FIRST_DATA_ROW + targets.length - 1, C.status);
    const settingsCell = (row: number) => cellAddress(row, 1);
    for (const settings of [
      { year: 2011, reportMonth: 3, yellow: 10, red: 30 },
      { year: 2011, reportMonth: 6, yellow: 5, red: 20 },
      { year: 2011, reportMonth: 8, yellow: 10, red: 30 },
      { year: 2011, reportMonth: 12, yellow: 15, red: 40 },
    ] satisfies LedgerSettings[]) {
      const [, , , , read] = await lo().run([
        {
          op: "setValue",
          sheet: labels.sheets.settings,
          cell: settingsCell(SETTINGS_ROWS.reportMonth),
          value: settings.reportMonth,
        },
        {
          op: "setValue",
          sheet: labels.sheets.settings,
          cell: settingsCell(SETTINGS_ROWS.yellow),
          value: settings.yellow,
        },
        { op: "setValue", sheet: labels.sheets.settings, cell: settingsCell(SETTINGS_ROWS.red), value: settings.red },
        { op: "calculateAll" },
        {
          op: "getRange",
          sheet: labels.sheets.ledger,
          range: `${cellAddress(FIRST_DATA_ROW, C.ytd)}:${last}`,
          texts: false,
        },
      ]);
      const expected = targets.map(({ target }) => {
        const row = computeRow(target, typed[target.id]!, settings);
        return [row.ytd ?? "", row.completion ?? "", row.expected, labels.statuses[row.status]];
      });
      expect({ settings, rows: read.values }).toEqual({ settings, rows: expected });
    }
  });
});
