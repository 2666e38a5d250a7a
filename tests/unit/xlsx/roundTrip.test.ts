import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildLedger } from "../../../src/domain/ledger/buildLedger";
import { FIRST_DATA_ROW, LEDGER_COLUMNS } from "../../../src/domain/ledger/layout";
import type { CellSpec, SheetSpec, StyleSpec, WorkbookSpec } from "../../../src/domain/workbook/spec";
import { normalStyle } from "../../../src/xlsx/excelStyles";
import { readWorkbookXlsx, UNKNOWN_PASSWORD } from "../../../src/xlsx/readWorkbookXlsx";
import { writeWorkbookXlsx } from "../../../src/xlsx/writeWorkbookXlsx";
import { makePlan } from "../../support/builders";
import { parseBuiltinPlan } from "../../support/planFixtures";

const OPTIONS = { lang: "zh-CN" as const, reportMonth: 6, generatedAt: "2011-07-05T08:00:00.000Z" };
const monthly = { "2.1": [1, 2, 1, null, 1, 0], "8.1": [3, 4], "20.1": [97], "2.6": [100] };

/** A cell as value + formula + resolved style, with "" and null alike (how the file stores them). */
function resolved(cell: CellSpec | null | undefined, styles: Record<string, StyleSpec>) {
  if (!cell) return null;
  const style = normalStyle(cell.style ? styles[cell.style] : undefined);
  const value = cell.value === "" ? null : cell.value;
  if (value === null && cell.formula === undefined && !style) return null;
  return { value, formula: cell.formula, style };
}

function grid(sheet: SheetSpec, styles: Record<string, StyleSpec>) {
  const merged = new Set<string>();
  for (const range of sheet.merges) {
    const [a, b] = range.split(":");
    const row = (x: string) => Number(x.replace(/[A-Z]/g, "")) - 1;
    const col = (x: string) => x.replace(/\d/g, "").charCodeAt(0) - 65;
    for (let r = row(a!); r <= row(b!); r++)
      for (let c = col(a!); c <= col(b!); c++) if (r !== row(a!) || c !== col(a!)) merged.add(`${r},${c}`);
  }
  const out = sheet.rows.map((cells, r) =>
    cells.map((c, col) => (merged.has(`${r},${col}`) ? null : resolved(c, styles))),
  );
  for (const row of out) while (row.length > 0 && row[row.length - 1] === null) row.pop();
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

describe("writeWorkbookXlsx → readWorkbookXlsx", () => {
  let spec: WorkbookSpec;
  let back: WorkbookSpec;
  let bytes: Uint8Array;

  beforeAll(async () => {
    spec = buildLedger(parseBuiltinPlan(), { ...OPTIONS, monthly });
    bytes = await writeWorkbookXlsx(spec);
    back = await readWorkbookXlsx(bytes);
  });

  it("gives back every sheet's values, formulas and styles", () => {
    expect(back.sheets.map((s) => s.name)).toEqual(spec.sheets.map((s) => s.name));
    spec.sheets.forEach((sheet, i) => {
      expect(grid(back.sheets[i]!, back.styles)).toEqual(grid(sheet, spec.styles));
    });
  });

  it("gives back sheet states, widths, merges, frozen panes, filters and print setup", () => {
    spec.sheets.forEach((sheet, i) => {
      const read = back.sheets[i]!;
      expect([read.state, read.tabColor, read.merges, read.frozen, read.autoFilter, read.print]).toEqual([
        sheet.state,
        sheet.tabColor,
        sheet.merges,
        sheet.frozen,
        sheet.autoFilter,
        sheet.print,
      ]);
      expect(read.columns.map((c) => c.width)).toEqual(sheet.columns.map((c) => c.width));
    });
  });

  it("gives back validations per range and conditional formats in order, stopIfTrue included", () => {
    const byCell = (v: { range: string }) => v.range;
    spec.sheets.forEach((sheet, i) => {
      const read = back.sheets[i]!;
      const expected = sheet.validations.map((v) => ({ ...v, range: v.range.replace(/^([A-Z]+\d+):\1$/, "$1") }));
      expect([...read.validations].sort((a, b) => byCell(a).localeCompare(byCell(b)))).toEqual(
        [...expected].sort((a, b) => byCell(a).localeCompare(byCell(b))),
      );
      expect(read.conditionalFormats).toEqual(sheet.conditionalFormats);
    });
  });

  it("gives back protection, defined names, properties, active sheet and full recalculation on load", () => {
    expect(back.sheets.map((s) => s.protection)).toEqual(spec.sheets.map((s) => s.protection));
    expect(back.definedNames).toEqual(spec.definedNames);
    expect(back.properties).toEqual(spec.properties);
    expect(back.activeSheet).toBe(2);
    expect(back.fullCalcOnLoad).toBe(true);
  });

  it("stores cached results, so an app that does not recalculate shows the statuses", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("台账")!;
    const { formula, value } = ws.getCell(FIRST_DATA_ROW + 2, LEDGER_COLUMNS.status + 1);
    expect(formula).toContain("IF(");
    expect((value as ExcelJS.CellFormulaValue).result).toBe("正常");
  });

  it("keeps the built-in ledger small enough to e-mail (under 60 KB)", () => {
    expect(bytes.length).toBeLessThan(60 * 1024);
    expect(bytes.length).toBeGreaterThan(10 * 1024);
  });
});

describe("writeWorkbookXlsx details", () => {
  it("writes text that starts with = as a string, not a formula", async () => {
    const spec = buildLedger(makePlan({ targets: [{ source: "=1+1" }] }), OPTIONS);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeWorkbookXlsx(spec)) as unknown as ArrayBuffer);
    const { type, value } = wb.getWorksheet("台账")!.getCell(FIRST_DATA_ROW + 1, LEDGER_COLUMNS.task + 1);
    expect([type, value]).toEqual([ExcelJS.ValueType.String, "=1+1"]);
  });

  it("hashes a password (it cannot be read back, only its presence)", async () => {
    const spec = buildLedger(makePlan(), { ...OPTIONS, password: "s3cret" });
    const back = await readWorkbookXlsx(await writeWorkbookXlsx(spec));
    expect(back.sheets.every((s) => s.protection?.password === UNKNOWN_PASSWORD)).toBe(true);
  });

  it("refuses a cell that names a style the spec does not define", async () => {
    const spec = buildLedger(makePlan(), OPTIONS);
    spec.sheets[0]!.rows[0]![0] = { value: "x", style: "missing" };
    await expect(writeWorkbookXlsx(spec)).rejects.toThrow('Unknown style "missing"');
  });
});

describe("readWorkbookXlsx validations", () => {
  it("gives back a rule written over several areas (as LibreOffice may) as one rule per rectangle", async () => {
    const spec = buildLedger(makePlan(), OPTIONS);
    const sheet = spec.sheets[0]!;
    sheet.validations = [
      { range: "B2:C3", rule: { type: "decimal", operator: "greaterThanOrEqual", formula1: 0 }, allowBlank: true },
    ];
    const zip = await JSZip.loadAsync(await writeWorkbookXlsx(spec));
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toContain('sqref="B2:C3"');
    zip.file("xl/worksheets/sheet1.xml", xml.replace('sqref="B2:C3"', 'sqref="B2:C3 E2:E5"'));
    const back = await readWorkbookXlsx(await zip.generateAsync({ type: "uint8array" }));
    expect(back.sheets[0]!.validations.map((v) => [v.range, v.rule])).toEqual([
      ["B2:C3", { type: "decimal", operator: "greaterThanOrEqual", formula1: 0 }],
      ["E2:E5", { type: "decimal", operator: "greaterThanOrEqual", formula1: 0 }],
    ]);
  });
});
