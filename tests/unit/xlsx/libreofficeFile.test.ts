/**
 * Reading back a ledger that LibreOffice Calc 7 saved (the fixture: the 2011 ledger with a few
 * figures for report month 6, written by writeWorkbookXlsx, opened and saved as .xlsx by
 * `soffice --convert-to xlsx`). LibreOffice writes mixed Chinese/Latin strings as rich text, its own
 * styles and its own validation and protection attributes: the read-back must still see the ledger.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { FIRST_DATA_ROW, HEADER_ROW, LEDGER_COLUMNS as C } from "../../../src/domain/ledger/layout";
import type { SheetSpec, WorkbookSpec } from "../../../src/domain/workbook/spec";
import { readWorkbookXlsx } from "../../../src/xlsx/readWorkbookXlsx";

const FIXTURE = path.join(__dirname, "..", "..", "fixtures", "xlsx", "ledger-2011-m6.libreoffice.xlsx");

describe("readWorkbookXlsx on a file saved by LibreOffice", () => {
  let spec: WorkbookSpec;
  let ledger: SheetSpec;
  beforeAll(async () => {
    spec = await readWorkbookXlsx(readFileSync(FIXTURE));
    ledger = spec.sheets.find((s) => s.name === "台账")!;
  });

  const rowOf = (id: string) => ledger.rows.find((r) => r[C.id]?.value === id)!;

  it("keeps the sheets and the defined names; the metadata sheet comes back merely hidden", () => {
    // LibreOffice has no "very hidden": its save writes state="hidden".
    expect(spec.sheets.map((s) => [s.name, s.state])).toEqual([
      ["说明", "visible"],
      ["计划", "visible"],
      ["台账", "visible"],
      ["汇总", "visible"],
      ["设置", "visible"],
      ["_meta", "hidden"],
    ]);
    expect(spec.definedNames.map((n) => n.name).sort()).toEqual(
      ["计划年度", "报告月份", "黄灯阈值", "红灯阈值", "序时方法", "部门列表"].sort(),
    );
  });

  it("reads plain strings where LibreOffice wrote rich text, and the header row of the contract", () => {
    expect(ledger.rows[HEADER_ROW]![C.id]!.value).toBe("编号");
    expect(ledger.rows[HEADER_ROW]![C.firstMonth]!.value).toBe("1月");
    const task = rowOf("2.1")[C.task]!.value;
    expect(task).toBe("年内新增金融机构10家");
    expect(ledger.rows.length - FIRST_DATA_ROW).toBe(52);
  });

  it("reads the figures typed and the cached results LibreOffice computed", () => {
    const row = rowOf("8.1");
    expect(row.slice(C.firstMonth, C.firstMonth + 6).map((c) => c?.value)).toEqual([3, 2, 2, 2, 1, 1]);
    expect([row[C.ytd]?.value, row[C.completion]?.value, row[C.status]?.value]).toEqual([11, 1.1, "超限"]);
    expect(row[C.status]?.formula).toContain("黄灯阈值");
    expect(rowOf("20.1")[C.status]?.value).toBe("滞后");
    expect(rowOf("2.6")[C.status]?.value).toBe("已完成");
  });

  it("still finds the monthly input rules and the highlights", () => {
    expect(ledger.validations.some((v) => v.range.startsWith("I") && v.rule.type === "decimal")).toBe(true);
    expect(ledger.conditionalFormats.length).toBeGreaterThan(0);
    expect(ledger.conditionalFormats.flatMap((cf) => cf.rules.map((r) => r.formula))).toContain(
      'OR($X4="严重滞后",$X4="超限",$X4="逾期")',
    );
    expect(ledger.protection).toEqual({
      allowFormatColumns: true,
      allowFormatRows: true,
      allowSort: false,
      allowAutoFilter: true,
    });
  });
});
