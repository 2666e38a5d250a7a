/**
 * The generated 2011 ledger in a real spreadsheet application (LibreOffice Calc, headless): the file
 * opens, every formula recomputes to the cached value the project wrote, values typed into the
 * monthly input cells drive 状态 and the highlights a department sees, input rules and protection are
 * in place, and all of it survives a LibreOffice save and reopen.
 *
 * With WRITE_DOCS_PICTURE=1 (`npm run docs:picture`) the rendered ledger also goes to
 * docs/ledger-2011.png.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { translator } from "../../src/i18n";
import { buildLedger } from "../../src/domain/ledger/buildLedger";
import {
  FIRST_DATA_ROW,
  HEADER_ROW,
  LEDGER_COLUMNS,
  ledgerLabels,
  PLAN_COLUMNS,
  SETTINGS_ROWS,
  SETTINGS_VALUE_COLUMN,
} from "../../src/domain/ledger/layout";
import { parsePlan } from "../../src/domain/plan/parsePlan";
import { listTargets, type Plan } from "../../src/domain/plan/types";
import { cellAddress, findCell } from "../../src/domain/workbook/address";
import type { WorkbookSpec } from "../../src/domain/workbook/spec";
import { writeWorkbookXlsx } from "../../src/xlsx/writeWorkbookXlsx";
import { runCli } from "../support/cli";
import { describeWithLibreOffice, isCi, type LibreOffice, type Op } from "../support/libreoffice";

const ROOT = path.join(__dirname, "..", "..");
const PLAN_FILE = path.join(ROOT, "assets", "plans", "qingdao-2011-work-points.txt");
const PICTURE = path.join(ROOT, "docs", "ledger-2011.png");
const REPORT_MONTH = 6;
const GENERATED_AT = "2011-07-05T08:00:00.000Z";

const labels = ledgerLabels("zh-CN");
const t = translator("zh-CN");
const LEDGER = labels.sheets.ledger;
const C = LEDGER_COLUMNS;

// Excel's "bad / neutral / good" cell styles: fill and font of each highlight.
const RED = { fill: "FFC7CE", font: "9C0006" };
const YELLOW = { fill: "FFEB9C", font: "9C5700" };
const GREEN = { fill: "C6EFCE", font: "006100" };

/** What a department reports for January … June (report month 6), by target id. */
const TYPED: Record<string, number[]> = {
  "2.1": [1, 1, 1, 1, 1, 0], // 新增金融机构 ≥ 10 家: 5 of 10 at mid-year, on track
  "19.1": [2, 2, 2, 2, 2, 2], // 组织新闻发布会 ≥ 40 次: 12 = 30 %, 20 points behind 序时 50 %
  "8.1": [3, 2, 2, 2, 1, 1], // 一类会议 ≤ 10 个: 11, over the cap
  "2.2": [1], // 新设村镇银行 ≥ 1 家: done
  "26.1": [1], // 完成调研成果 ≥ 21 篇: 1 = 4.8 %, seriously behind
};

/** The row each typed target must show after recalculation: 累计, 完成率, 序时进度, 状态, highlight. */
const EXPECTED: Record<string, { ytd: number; completion: number; status: string; light: typeof RED | null }> = {
  "2.1": { ytd: 5, completion: 0.5, status: "正常", light: null },
  "19.1": { ytd: 12, completion: 0.3, status: "滞后", light: YELLOW },
  "8.1": { ytd: 11, completion: 1.1, status: "超限", light: RED },
  "2.2": { ytd: 1, completion: 1, status: "已完成", light: GREEN },
  "26.1": { ytd: 1, completion: 0.0476, status: "严重滞后", light: RED },
};

function loadPlan(): Plan {
  return parsePlan(fs.readFileSync(PLAN_FILE, "utf8"));
}

function build(plan: Plan, monthly?: Record<string, number[]>): WorkbookSpec {
  return buildLedger(plan, { lang: "zh-CN", reportMonth: REPORT_MONTH, generatedAt: GENERATED_AT, monthly });
}

/** 0-based 台账 row of a target: one row per target, in plan order, from FIRST_DATA_ROW. */
function rowOf(plan: Plan, id: string): number {
  const index = listTargets(plan).findIndex((r) => r.target.id === id);
  if (index < 0) throw new Error(`no target ${id} in the 2011 plan`);
  return FIRST_DATA_ROW + index;
}

const at = (row: number, column: number): string => cellAddress(row, column);

type Cached = number | string | boolean;

interface FormulaCell {
  sheet: string;
  cell: string;
  row: number;
  column: number;
  formula: string;
  /** `undefined`: the file stores no result for this formula. */
  cached: Cached | undefined;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

/**
 * Every formula cell of the file with the cached result stored in it, read from the package XML
 * (ExcelJS reads an empty cached string, `<v></v>`, as no result at all, so it cannot tell them apart).
 */
async function formulaCells(file: string): Promise<FormulaCell[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const read = async (name: string): Promise<string> => {
    const entry = zip.file(name);
    if (!entry) throw new Error(`${file} has no ${name}`);
    return entry.async("string");
  };
  const rels = new Map<string, string>();
  for (const m of (await read("xl/_rels/workbook.xml.rels")).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) rels.set(id, target.replace(/^\/?(xl\/)?/, "xl/"));
  }
  const out: FormulaCell[] = [];
  for (const m of (await read("xl/workbook.xml")).matchAll(/<sheet\b[^>]*>/g)) {
    const sheet = unescapeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? "");
    const part = rels.get(/\br:id="([^"]+)"/.exec(m[0])?.[1] ?? "");
    if (!part) throw new Error(`no worksheet part for sheet ${sheet}`);
    const xml = await read(part);
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const body = c[3] ?? "";
      const f = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
      if (!f) continue;
      const type = /\bt="([^"]+)"/.exec(c[2] ?? "")?.[1] ?? "n";
      const v = /<v>([\s\S]*?)<\/v>|<v\/>/.exec(body);
      let cached: Cached | undefined;
      if (!v) cached = undefined;
      else if (type === "str") cached = unescapeXml(v[1] ?? "");
      else if (type === "b") cached = v[1] === "1";
      else if (type === "e") cached = `error:${v[1] ?? ""}`;
      else cached = Number(v[1]);
      const pos = findCell(c[1]!)!;
      out.push({
        sheet,
        cell: c[1]!,
        row: pos.row,
        column: pos.column,
        formula: unescapeXml(f[1] ?? "(shared)"),
        cached,
      });
    }
  }
  return out;
}

/**
 * Opens `file` with recalculation on load and lists every formula cell whose computed value differs
 * from its cached one (booleans compare as 1/0, as LibreOffice reports them).
 */
async function recalculationMismatches(lo: LibreOffice, file: string): Promise<object[]> {
  const cells = await formulaCells(file);
  const sheets = [...new Set(cells.map((c) => c.sheet))];
  const ops: Op[] = [{ op: "open", path: file }];
  for (const sheet of sheets) {
    const last = cells.filter((c) => c.sheet === sheet);
    const maxRow = Math.max(...last.map((c) => c.row));
    const maxCol = Math.max(...last.map((c) => c.column));
    ops.push({ op: "getRange", sheet, range: `A1:${at(maxRow, maxCol)}`, texts: false });
  }
  const results = await lo.run(ops);
  const ranges = new Map(sheets.map((s, i) => [s, results[i + 1] as { values: Array<Array<number | string>> }]));
  const mismatches: object[] = [];
  for (const c of cells) {
    const computed = ranges.get(c.sheet)!.values[c.row]![c.column];
    const cached = typeof c.cached === "boolean" ? Number(c.cached) : c.cached;
    if (computed !== cached) mismatches.push({ sheet: c.sheet, cell: c.cell, formula: c.formula, cached, computed });
  }
  expect(cells.length).toBeGreaterThan(0);
  return mismatches;
}

function typeOps(plan: Plan, values: Record<string, number[]>): Op[] {
  const ops: Op[] = [];
  for (const [id, months] of Object.entries(values)) {
    months.forEach((value, m) => {
      ops.push({ op: "setValue", sheet: LEDGER, cell: at(rowOf(plan, id), C.firstMonth + m), value });
    });
  }
  return ops;
}

/** 编号, 累计, 完成率, 序时进度, 状态 and the shown highlight of each typed target. */
async function readTypedRows(lo: LibreOffice, plan: Plan): Promise<Record<string, object>> {
  const ids = Object.keys(TYPED);
  const ops: Op[] = [];
  for (const id of ids) {
    const r = rowOf(plan, id);
    ops.push({ op: "getRange", sheet: LEDGER, range: `${at(r, C.id)}:${at(r, C.status)}` });
    ops.push({ op: "highlight", sheet: LEDGER, range: `${at(r, C.ytd)}:${at(r, C.status)}` });
    ops.push({ op: "highlight", sheet: LEDGER, cell: at(r, C.id) });
  }
  const results = await lo.run(ops);
  const out: Record<string, object> = {};
  ids.forEach((id, i) => {
    const range = results[3 * i] as { values: Array<Array<number | string>> };
    const shown = [...(results[3 * i + 1] as Array<{ background: string | null; fontColor: string | null }>)];
    shown.push(...(results[3 * i + 2] as Array<{ background: string | null; fontColor: string | null }>));
    const values = range.values[0]!;
    out[id] = {
      id: values[C.id],
      ytd: values[C.ytd],
      completion: values[C.completion],
      expected: values[C.expected],
      status: values[C.status],
      // 累计 … 状态 and 编号 all show the row's light.
      fills: [...new Set(shown.map((s) => s.background))],
      // Calc's export writes no font colour for automatic text, or black when it names the font.
      fonts: [...new Set(shown.map((s) => s.fontColor ?? "000000"))],
    };
  });
  return out;
}

function expectedTypedRows(): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [id, e] of Object.entries(EXPECTED)) {
    out[id] = {
      id,
      ytd: e.ytd,
      completion: e.completion,
      expected: 0.5,
      status: e.status,
      fills: [e.light ? e.light.fill : null],
      // Without a highlight the text keeps its automatic (black) colour.
      fonts: [e.light ? e.light.font : "000000"],
    };
  }
  return out;
}

/**
 * PNG of the PDF's first page cropped to the table: the text's bounding box (pdftotext -bbox) from the
 * top-left, and as wide as the page minus the same margin (the page setup fits the sheet to the width).
 */
function renderFirstPage(pdf: string, outBase: string): "ok" | "no-poppler" | string {
  const layout = spawnSync("pdftotext", ["-bbox", "-f", "1", "-l", "1", pdf, "-"], { encoding: "utf8" });
  if (layout.error) return "no-poppler";
  if (layout.status !== 0) return `pdftotext failed: ${layout.stderr}`;
  const page = /<page width="([\d.]+)" height="([\d.]+)"/.exec(layout.stdout);
  const words = [...layout.stdout.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)];
  if (!page || words.length === 0) return "no text on the first page";
  const left = Math.min(...words.map((w) => Number(w[1]))) - 8;
  const top = Math.min(...words.map((w) => Number(w[2]))) - 8;
  const bottom = Math.max(...words.map((w) => Number(w[4]))) + 8;
  const right = Number(page[1]) - left;
  const dpi = 200;
  const px = (points: number): string => String(Math.round((points * dpi) / 72));
  const render = spawnSync(
    "pdftoppm",
    ["-png", "-r", String(dpi), "-f", "1", "-l", "1", "-singlefile"].concat(
      ["-x", px(left), "-y", px(top), "-W", px(right - left), "-H", px(bottom - top)],
      [pdf, outBase],
    ),
    { encoding: "utf8" },
  );
  if (render.error) return "no-poppler";
  return render.status === 0 ? "ok" : `pdftoppm failed: ${render.stderr}`;
}

describeWithLibreOffice("the 2011 ledger in LibreOffice Calc", (lo) => {
  let dir: string;
  let plan: Plan;
  let spec: WorkbookSpec;
  let file: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lo-ledger-"));
    plan = loadPlan();
    spec = build(plan);
    file = path.join(dir, "ledger-2011.xlsx");
    fs.writeFileSync(file, await writeWorkbookXlsx(spec));
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("opens with the sheets, names and layout the project describes", async () => {
    const [open, names, header] = await lo().run([
      { op: "open", path: file },
      { op: "namedRanges" },
      {
        op: "getRange",
        sheet: LEDGER,
        range: `${at(HEADER_ROW, 0)}:${at(HEADER_ROW, labels.ledgerHeader.length - 1)}`,
      },
    ]);
    expect(open.sheets.map((s) => [s.name, s.visible, s.protected])).toEqual(
      spec.sheets.map((s) => [s.name, s.state === "visible", s.protection !== undefined]),
    );
    expect(names.map((n) => n.name).sort()).toEqual(spec.definedNames.map((n) => n.name).sort());
    expect(header.values[0]).toEqual(labels.ledgerHeader);
    expect(header.values[0]!.slice(C.firstMonth, C.firstMonth + 12)).toEqual(
      Array.from({ length: 12 }, (_, i) => `${i + 1}月`),
    );
    expect(header.values[0]![C.id]).toBe("编号");
  });

  it("recomputes every formula on every sheet to the cached value the project wrote", async () => {
    expect(await recalculationMismatches(lo(), file)).toEqual([]);
  });

  it("recomputes the file `plan-ledger generate` writes by default (built-in plan, report month 12) to its cached values", async () => {
    const result = await runCli(["generate", "-o", "cli-default.xlsx"], { cwd: dir });
    expect([result.code, result.stderr]).toEqual([0, ""]);
    const generated = path.join(dir, "cli-default.xlsx");
    const [, month] = await lo().run([
      { op: "open", path: generated },
      { op: "getCell", sheet: LEDGER, cell: "C2" },
    ]);
    expect(month.value).toBe(12);
    expect(await recalculationMismatches(lo(), generated)).toEqual([]);
  });

  it("recomputes a ledger generated with reported values to its cached values too", async () => {
    const filled = path.join(dir, "ledger-2011-filled.xlsx");
    fs.writeFileSync(filled, await writeWorkbookXlsx(build(plan, TYPED)));
    expect(await recalculationMismatches(lo(), filled)).toEqual([]);
    await lo().run([{ op: "close", doc: filled }]);
  });

  it("turns values typed into the monthly cells into status and highlights, before and after a LibreOffice save", async () => {
    await lo().run([{ op: "open", path: file }, ...typeOps(plan, TYPED), { op: "calculateAll" }]);
    expect(await readTypedRows(lo(), plan)).toEqual(expectedTypedRows());

    // A row nobody reported on at mid-year is flagged (blank counts as 0 % against 序时 50 %).
    const silent = rowOf(plan, "2.4");
    const [status, light] = await lo().run([
      { op: "getCell", sheet: LEDGER, cell: at(silent, C.status) },
      { op: "highlight", sheet: LEDGER, cell: at(silent, C.status) },
    ]);
    expect(status.text).toBe("严重滞后");
    expect(light[0]!.background).toBe(RED.fill);

    const saved = path.join(dir, "ledger-2011-saved-by-libreoffice.xlsx");
    await lo().run([{ op: "saveAs", path: saved }, { op: "close" }]);
    await lo().run([{ op: "open", path: saved }]);
    expect(await readTypedRows(lo(), plan)).toEqual(expectedTypedRows());
    const r = rowOf(plan, "8.1");
    const [formula, input, validation] = await lo().run([
      { op: "getCell", sheet: LEDGER, cell: at(r, C.status) },
      { op: "protection", sheet: LEDGER, cell: at(r, C.firstMonth) },
      { op: "validation", sheet: LEDGER, cell: at(r, C.firstMonth) },
      { op: "close" },
    ]);
    expect(formula.type).toBe("formula");
    expect(input).toEqual({ locked: false, formulaHidden: false, sheetProtected: true });
    expect([validation.type, validation.operator, validation.formula1]).toEqual(["decimal", "greaterThanOrEqual", "0"]);
  });

  it("follows the 设置 sheet: a changed threshold or report month changes status and colour", async () => {
    const behind = rowOf(plan, "19.1"); // 30 % against 序时 50 %: 20 points short
    const onTrack = rowOf(plan, "2.1"); // 50 % against 50 %
    const yellow = at(SETTINGS_ROWS.yellow, SETTINGS_VALUE_COLUMN);
    const month = at(SETTINGS_ROWS.reportMonth, SETTINGS_VALUE_COLUMN);
    const SETTINGS = labels.sheets.settings;
    const read: Op[] = [
      { op: "getCell", sheet: LEDGER, cell: at(behind, C.status) },
      { op: "highlight", sheet: LEDGER, cell: at(behind, C.status) },
      { op: "getCell", sheet: LEDGER, cell: at(onTrack, C.status) },
      { op: "highlight", sheet: LEDGER, cell: at(onTrack, C.status) },
    ];
    const summary = (r: unknown[]): unknown[] => [
      (r[0] as { text: string }).text,
      (r[1] as Array<{ background: string | null }>)[0]!.background,
      (r[2] as { text: string }).text,
      (r[3] as Array<{ background: string | null }>)[0]!.background,
    ];
    await lo().run([{ op: "open", path: file }, ...typeOps(plan, TYPED), { op: "calculateAll" }]);
    const [yellowCell, monthCell] = await lo().run([
      { op: "protection", sheet: SETTINGS, cell: yellow },
      { op: "protection", sheet: SETTINGS, cell: month },
    ]);
    expect([yellowCell.locked, monthCell.locked]).toEqual([false, false]);
    expect(summary(await lo().run(read))).toEqual(["滞后", YELLOW.fill, "正常", null]);

    await lo().run([{ op: "setValue", sheet: SETTINGS, cell: yellow, value: 25 }, { op: "calculateAll" }]);
    expect(summary(await lo().run(read))).toEqual(["正常", null, "正常", null]);

    // December: 序时 100 %; 30 % and 50 % are now 70 and 50 points short of it.
    await lo().run([{ op: "setValue", sheet: SETTINGS, cell: month, value: 12 }, { op: "calculateAll" }]);
    expect(summary(await lo().run(read))).toEqual(["严重滞后", RED.fill, "严重滞后", RED.fill]);
  });

  it("keeps input rules on the monthly cells and everything else locked", async () => {
    const amount = rowOf(plan, "2.1");
    const rate = rowOf(plan, "4.2"); // 市民应急知识普及率 ≥ 25 %: 0 … 100
    const [, amountRule, rateRule, inputCell, statusCell, taskCell, textInput] = await lo().run([
      { op: "open", path: file },
      { op: "validation", sheet: LEDGER, cell: at(amount, C.firstMonth + 11) },
      { op: "validation", sheet: LEDGER, cell: at(rate, C.firstMonth) },
      { op: "protection", sheet: LEDGER, cell: at(amount, C.firstMonth) },
      { op: "protection", sheet: LEDGER, cell: at(amount, C.status) },
      { op: "protection", sheet: LEDGER, cell: at(amount, C.task) },
      { op: "protection", sheet: LEDGER, cell: at(amount, C.progress) },
    ]);
    expect(amountRule).toEqual({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formula1: "0",
      formula2: "0", // LibreOffice reports 0 for the unused second bound
      allowBlank: true,
      showList: 1,
      showInput: true,
      inputTitle: t("ledger.validation.amount.title"),
      inputMessage: t("ledger.validation.amount.prompt"),
      showError: true,
      errorTitle: t("ledger.validation.errorTitle"),
      errorMessage: t("ledger.validation.number.error"),
      errorStyle: "stop",
    });
    expect([rateRule.type, rateRule.operator, rateRule.formula1, rateRule.formula2, rateRule.errorStyle]).toEqual([
      "decimal",
      "between",
      "0",
      "100",
      "stop",
    ]);
    expect(rateRule.errorMessage).toBe(t("ledger.validation.percent.error"));
    expect(inputCell).toEqual({ locked: false, formulaHidden: false, sheetProtected: true });
    expect(statusCell).toEqual({ locked: true, formulaHidden: false, sheetProtected: true });
    expect(taskCell.locked).toBe(true);
    expect(textInput.locked).toBe(false);

    const [departmentRule, departments] = await lo().run([
      { op: "validation", sheet: labels.sheets.plan, cell: at(amount, PLAN_COLUMNS.department) },
      { op: "namedRanges" },
    ]);
    expect([departmentRule.type, departmentRule.formula1, departmentRule.errorStyle]).toEqual([
      "list",
      labels.names.departments,
      "stop",
    ]);
    expect(departments.map((n) => n.name)).toContain(labels.names.departments);
  });

  it("renders the filled ledger sheet as a picture", async () => {
    const pdf = path.join(dir, "ledger-2011.pdf");
    await lo().run([{ op: "open", path: file }, ...typeOps(plan, TYPED), { op: "calculateAll" }]);
    const [exported] = await lo().run([{ op: "exportPdf", sheet: LEDGER, path: pdf }, { op: "close" }]);
    expect(exported.bytes).toBeGreaterThan(10_000);
    const png = path.join(dir, "ledger-2011");
    const render = renderFirstPage(pdf, png);
    if (render === "no-poppler" && !isCi()) return; // poppler-utils is installed by .ci/run; optional locally
    expect(render).toBe("ok");
    const bytes = fs.readFileSync(`${png}.png`);
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    if (process.env.WRITE_DOCS_PICTURE === "1") fs.copyFileSync(`${png}.png`, PICTURE);
  });
});
