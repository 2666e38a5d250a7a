/**
 * The CLI, the core and the workbook never disagree: a department fills its ledger in LibreOffice
 * (typing through UNO, text and wrong scales included, as paste bypasses input rules), saves it, and
 * `plan-ledger validate` reads the saved file. For every target row, the core's status equals the 状态
 * LibreOffice computed, the highlight LibreOffice shows is the one the status calls for, and the
 * malformed entries come back as findings at the cells where they were typed.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { buildLedger } from "../../src/domain/ledger/buildLedger";
import { COLOURS } from "../../src/domain/ledger/grid";
import { FIRST_DATA_ROW, LEDGER_COLUMNS, ledgerLabels } from "../../src/domain/ledger/layout";
import { STATUS_LIGHT, computeRow, type LedgerStatus } from "../../src/domain/ledger/status";
import { checkRow, numericMonths } from "../../src/domain/progress/checkRow";
import { readLedger } from "../../src/domain/progress/readLedger";
import { listTargets } from "../../src/domain/plan/types";
import { cellAddress } from "../../src/domain/workbook/address";
import { writeWorkbookXlsx } from "../../src/xlsx/writeWorkbookXlsx";
import { readXlsxGrid } from "../../src/xlsx/readGrid";
import type { ValidationReport } from "../../src/cli/commands/validate";
import { runCli } from "../support/cli";
import { parseBuiltinPlan } from "../support/planFixtures";
import { describeWithLibreOffice, type Op } from "../support/libreoffice";

const plan = parseBuiltinPlan();
const labels = ledgerLabels("zh-CN");
const LEDGER = labels.sheets.ledger;
const C = LEDGER_COLUMNS;
const REPORT_MONTH = 6;
const rows = listTargets(plan).map((r, i) => ({ id: r.target.id, row: FIRST_DATA_ROW + i }));
const rowOf = (id: string): number => rows.find((r) => r.id === id)!.row;
const monthCell = (id: string, month: number): string => cellAddress(rowOf(id), C.firstMonth + month - 1);

/** What the department types, January … June; strings are typed as text (as a paste would). */
const TYPED: Record<string, Array<number | string>> = {
  "2.1": [1, 1, 1, 1, 1, 0], // on track: 5 of 10 at mid-year
  "2.4": [1, "2家", 0, 0, 1, 0], // "2家" is text: the formulas skip it, so 2 of 10 count and the row is behind
  "19.1": [2, 2, 2, 2, 2, 2], // behind: 12 of 40
  "8.1": [3, 2, 2, 2, 1, 1], // 一类会议 ≤ 10: 11, over the cap
  "8.2": [10, 10, 10, 2, 1, 1], // 二类会议 ≤ 55: 34 of 55 at mid-year, usage ahead of 序时
  "20.1": [98, 97, 99, 0.985, 98, 98], // rate: 0.985 typed where 98.5 was meant; the latest, 98, meets 98 %
  "20.2": [97, 96, 96, 96, 96, 96], // rate below 97 %
  "26.1": [1, -1], // seriously behind, and a negative figure
  "3.3": [0, 0, 20, 50, 100], // milestone done in May
};

const LIGHT_FILL: Record<"red" | "yellow" | "green", string> = {
  red: COLOURS.redFill,
  yellow: COLOURS.yellowFill,
  green: COLOURS.greenFill,
};

const STATUS_BY_LABEL = new Map<string, LedgerStatus>(
  (Object.entries(labels.statuses) as Array<[LedgerStatus, string]>).map(([status, label]) => [label, status]),
);

describeWithLibreOffice("validation agrees with LibreOffice", (lo) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plan-ledger-validate-lo-"));
  const blank = path.join(dir, "台账-空白.xlsx");
  const filled = path.join(dir, "台账-已填报.xlsx");

  beforeAll(async () => {
    const spec = buildLedger(plan, {
      lang: "zh-CN",
      reportMonth: REPORT_MONTH,
      generatedAt: "2011-07-05T08:00:00.000Z",
    });
    fs.writeFileSync(blank, await writeWorkbookXlsx(spec));
    const ops: Op[] = [{ op: "open", path: blank }];
    for (const [id, values] of Object.entries(TYPED)) {
      values.forEach((value, i) => {
        const cell = monthCell(id, i + 1);
        ops.push(
          typeof value === "number"
            ? { op: "setValue", sheet: LEDGER, cell, value }
            : { op: "setString", sheet: LEDGER, cell, value },
        );
      });
    }
    ops.push({ op: "calculateAll" }, { op: "saveAs", path: filled });
    await lo().run(ops);
  });

  it("computes, for every row, the status the core computes from the saved file", async () => {
    const last = rows[rows.length - 1]!.row;
    const range = `${cellAddress(FIRST_DATA_ROW, C.status)}:${cellAddress(last, C.status)}`;
    const [, statuses, highlights] = await lo().run([
      { op: "open", path: filled },
      { op: "getRange", sheet: LEDGER, range },
      { op: "highlight", sheet: LEDGER, range },
    ] as const);
    const read = readLedger(await readXlsxGrid(fs.readFileSync(filled), filled), filled);
    expect(read.settings.reportMonth).toBe(REPORT_MONTH);
    const libreoffice = statuses.values.map((v) => STATUS_BY_LABEL.get(String(v[0])));
    const core = read.rows.map((r) => computeRow(r.target, numericMonths(r.months), read.settings).status);
    expect(core).toEqual(libreoffice);
    expect(Object.fromEntries(Object.keys(TYPED).map((id) => [id, core[rows.findIndex((r) => r.id === id)]]))).toEqual({
      "2.1": "onTrack",
      "2.4": "behind",
      "19.1": "behind",
      "8.1": "overCap",
      "8.2": "nearCap",
      "20.1": "onTrack",
      "20.2": "behind",
      "26.1": "seriouslyBehind",
      "3.3": "done",
    });
    const shown = highlights.map((h) => h.background);
    const expected = core.map((status) => {
      const light = STATUS_LIGHT[status];
      return light === null ? null : LIGHT_FILL[light];
    });
    expect(shown).toEqual(expected);
  });

  it("reports the malformed entries at the cells where they were typed, with safe fixes", async () => {
    const { code, stdout } = await runCli(["validate", filled, "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as ValidationReport;
    const entryFindings = report.findings
      .filter((f) => ["not-a-number", "negative-value", "percent-scale"].includes(f.code))
      .map((f) => [f.code, f.targetId, f.month, f.cell, f.fix?.value ?? null]);
    expect(entryFindings).toEqual([
      ["not-a-number", "2.4", 2, monthCell("2.4", 2), 2],
      ["negative-value", "26.1", 2, monthCell("26.1", 2), null],
      ["percent-scale", "20.1", 4, monthCell("20.1", 4), 98.5],
    ]);
    const statusFindings = (id: string) =>
      report.findings.filter((f) => f.targetId === id && f.cell === cellAddress(rowOf(id), C.status));
    expect(statusFindings("8.1").map((f) => f.code)).toEqual(["cap-exceeded"]);
    expect(statusFindings("8.2").map((f) => f.code)).toEqual(["cap-at-risk"]);
    expect(statusFindings("19.1").map((f) => f.code)).toEqual(["behind-schedule"]);
    expect(statusFindings("20.2").map((f) => f.code)).toEqual(["below-threshold"]);
    expect(statusFindings("2.1")).toEqual([]);
    expect(report.findings.filter((f) => f.code === "layout-changed")).toEqual([]);
  });

  it("finds no other disagreement: every row's findings come from the same arithmetic as its status cell", async () => {
    const read = readLedger(await readXlsxGrid(fs.readFileSync(filled), filled), filled);
    for (const row of read.rows) {
      const status = computeRow(row.target, numericMonths(row.months), read.settings).status;
      const red = STATUS_LIGHT[status] === "red";
      const narrative = checkRow(row, read.settings).some((f) => f.code === "narrative-missing");
      expect([row.target.id, narrative]).toEqual([row.target.id, red]);
    }
  });
});
