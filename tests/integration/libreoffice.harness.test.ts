/**
 * Proves the LibreOffice harness itself on a small workbook written here with ExcelJS, so the ledger
 * tests can trust what it reports: recalculation, cached values, the highlight a conditional format
 * actually shows, validation, protection, and a save-as-xlsx round trip with Chinese text.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { describeWithLibreOffice } from "../support/libreoffice";

const RED = "FF0000";
const YELLOW = "FFFF00";
const TITLE = "青岛市2011年工作要点 台账 (Ledger)";

interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

async function writeSample(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("数据");
  ws.mergeCells("A1:C1");
  ws.getCell("A1").value = TITLE;
  ws.getRow(2).values = ["项目", "数值", "两倍"];
  const values = [3, 7, 12, 0];
  values.forEach((v, i) => {
    const r = i + 3;
    ws.getCell(`A${r}`).value = `任务${r - 2}`;
    ws.getCell(`B${r}`).value = v;
    // The cached result of row 3 is deliberately wrong: only a recalculation can fix it.
    ws.getCell(`C${r}`).value = { formula: `B${r}*2`, result: r === 3 ? 999 : v * 2 };
  });
  ws.getCell("B7").value = { formula: "SUM(B3:B6)", result: 22 };
  ws.addConditionalFormatting({
    ref: "A3:C6",
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: ["$B3>10"],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${RED}` } } },
      },
      {
        type: "expression",
        priority: 2,
        formulae: ["$B3>5"],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${YELLOW}` } } },
      },
    ],
  });
  // Validation per range (ExcelJS has the API but leaves it out of its typings).
  (ws as unknown as RangeValidations).dataValidations.add("B3:B6", {
    type: "decimal",
    operator: "greaterThanOrEqual",
    formulae: [0],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: "填报",
    prompt: "请输入不小于0的数字",
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: "输入有误",
    error: "只能输入不小于0的数字",
  });
  for (let r = 3; r <= 6; r++) ws.getCell(`B${r}`).protection = { locked: false };
  await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true });
  wb.definedNames.add("'数据'!$B$3:$B$6", "填报区");
  await wb.xlsx.writeFile(file);
}

describeWithLibreOffice("LibreOffice harness", (lo) => {
  let dir: string;
  let sample: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "lo-harness-"));
    sample = path.join(dir, "sample.xlsx");
    await writeSample(sample);
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("starts with recalculation on load and without lock files", async () => {
    const [config] = await lo().run([{ op: "config" }]);
    expect(config).toEqual({ ooxmlRecalcMode: 0, useLockFile: false });
  });

  it("reads the cached value the file carries when recalculation on load is off", async () => {
    const [, cached, total] = await lo().run([
      { op: "open", path: sample, recalc: "never" },
      { op: "getCell", sheet: "数据", cell: "C3" },
      { op: "getCell", sheet: "数据", cell: "B7" },
    ]);
    expect(cached).toEqual({
      value: 999,
      text: "999",
      formula: "=B3*2",
      type: "formula",
      resultType: "value",
      error: null,
    });
    expect(total.value).toBe(22);
  });

  it("recalculates on load, and again after a value is typed", async () => {
    const [open, before] = await lo().run([
      { op: "open", path: sample },
      { op: "getRange", sheet: "数据", range: "A3:C7" },
    ]);
    expect(open.sheets).toEqual([{ index: 0, name: "数据", visible: true, protected: true }]);
    expect(before.values).toEqual([
      ["任务1", 3, 6],
      ["任务2", 7, 14],
      ["任务3", 12, 24],
      ["任务4", 0, 0],
      ["", 22, ""],
    ]);
    expect(before.formulas.map((row) => row[2])).toEqual(["=B3*2", "=B4*2", "=B5*2", "=B6*2", ""]);
    expect(before.types[4]).toEqual(["empty", "formula", "empty"]);

    const [, , , doubled, total] = await lo().run([
      { op: "setValue", sheet: "数据", cell: "B3", value: 4.5 },
      { op: "setFormula", sheet: "数据", cell: "B6", formula: "8" },
      { op: "calculateAll" },
      { op: "getCell", sheet: "数据", cell: "C3" },
      { op: "getCell", sheet: "数据", cell: "B7" },
    ]);
    expect(doubled.value).toBe(9);
    expect(doubled.text).toBe("9");
    expect(total.value).toBe(31.5);
  });

  it("shows the first matching highlight on matching rows and none on the others", async () => {
    const [, shown] = await lo().run([
      { op: "open", path: sample },
      { op: "highlight", sheet: "数据", range: "A3:C6" },
    ]);
    const byRow = (row: number): Array<string | null> =>
      shown.filter((h) => h.cell.endsWith(String(row))).map((h) => h.background);
    expect(byRow(3)).toEqual([null, null, null]); // 3: no rule matches
    expect(byRow(4)).toEqual([YELLOW, YELLOW, YELLOW]); // 7 > 5
    expect(byRow(5)).toEqual([RED, RED, RED]); // 12 > 10 and > 5: only the first rule applies
    expect(byRow(6)).toEqual([null, null, null]); // 0
    expect(shown.every((h) => h.cellBackground === null && h.exported)).toBe(true);
    expect(shown.find((h) => h.cell === "B5")).toEqual({
      cell: "B5",
      background: RED,
      cellBackground: null,
      conditional: true,
      fontColor: "000000",
      bold: false,
      text: "12",
      exported: true,
    });

    const [, , after] = await lo().run([
      { op: "setValue", sheet: "数据", cell: "B3", value: 11 },
      { op: "setValue", sheet: "数据", cell: "B5", value: 6 },
      { op: "highlight", sheet: "数据", range: "A3:A6" },
    ]);
    expect(after.map((h) => h.background)).toEqual([RED, YELLOW, YELLOW, null]);
  });

  it("reads the conditional formats in evaluation order", async () => {
    const [, formats] = await lo().run([
      { op: "open", path: sample },
      { op: "conditionalFormats", sheet: "数据" },
    ]);
    expect(formats).toHaveLength(1);
    expect(formats[0]!.ranges).toBe("数据.A3:C6");
    expect(formats[0]!.entries.map((e) => [e.operator, e.formula1, e.background])).toEqual([
      ["expression", "$B3>10", RED],
      ["expression", "$B3>5", YELLOW],
    ]);
  });

  it("reads decimal validation, cell locks, sheet protection and defined names", async () => {
    const [, validation, input, formula, unvalidated, names] = await lo().run([
      { op: "open", path: sample },
      { op: "validation", sheet: "数据", cell: "B4" },
      { op: "protection", sheet: "数据", cell: "B4" },
      { op: "protection", sheet: "数据", cell: "C4" },
      { op: "validation", sheet: "数据", cell: "C4" },
      { op: "namedRanges" },
    ]);
    expect(validation).toEqual({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formula1: "0",
      formula2: "0",
      allowBlank: true,
      showList: 1,
      showInput: true,
      inputTitle: "填报",
      inputMessage: "请输入不小于0的数字",
      showError: true,
      errorTitle: "输入有误",
      errorMessage: "只能输入不小于0的数字",
      errorStyle: "stop",
    });
    expect(input).toEqual({ locked: false, formulaHidden: false, sheetProtected: true });
    expect(formula).toEqual({ locked: true, formulaHidden: false, sheetProtected: true });
    expect(unvalidated.type).toBe("any");
    expect(names).toEqual([{ name: "填报区", content: "$数据.$B$3:$B$6" }]);
  });

  it("keeps Chinese text, formulas and rules through a LibreOffice save as xlsx and reopen", async () => {
    const saved = path.join(dir, "saved-by-libreoffice.xlsx");
    const [, , , save] = await lo().run([
      { op: "open", path: sample },
      { op: "setString", sheet: "数据", cell: "A6", value: "新增：招商引资（亿元）" },
      { op: "setValue", sheet: "数据", cell: "B6", value: 15 },
      { op: "saveAs", path: saved },
      { op: "close" },
    ]);
    expect(save.path).toBe(saved);
    expect(save.bytes).toBeGreaterThan(0);

    const [open, title, row, total, shown, protection, validation] = await lo().run([
      { op: "open", path: saved },
      { op: "getCell", sheet: "数据", cell: "A1" },
      { op: "getRange", sheet: "数据", range: "A6:C6" },
      { op: "getCell", sheet: "数据", cell: "B7" },
      { op: "highlight", sheet: "数据", cell: "A6" },
      { op: "protection", sheet: "数据", cell: "B6" },
      { op: "validation", sheet: "数据", cell: "B6" },
      { op: "close" },
    ]);
    expect(open.sheets.map((s) => s.name)).toEqual(["数据"]);
    expect(title.text).toBe(TITLE);
    expect(row.values).toEqual([["新增：招商引资（亿元）", 15, 30]]);
    expect(total.value).toBe(37);
    expect(shown[0]!.background).toBe(RED);
    expect(protection).toEqual({ locked: false, formulaHidden: false, sheetProtected: true });
    expect(validation.type).toBe("decimal");

    // ExcelJS reads LibreOffice's file back too (mixed Chinese/Latin text may come back as rich text).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet("数据");
    expect(ws?.getCell("A6").text).toBe("新增：招商引资（亿元）");
    expect(ws?.getCell("A1").text).toBe(TITLE);
  });

  it("reports a clear error for a missing sheet", async () => {
    await expect(
      lo().run([
        { op: "open", path: sample },
        { op: "getCell", sheet: "不存在", cell: "A1" },
      ]),
    ).rejects.toThrow("no sheet named '不存在' (sheets: 数据)");
  });
});
