/**
 * Hand-made workbook descriptions and plans for adapter tests: shaped like a ledger (a 编号 column,
 * monthly input columns unlocked, a formula column, highlights, validation, protection, a veryHidden
 * settings sheet with a defined name), independent of buildLedger.
 */
import type { Plan, Target } from "../../src/domain/plan/types";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../src/domain/workbook/spec";

export const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

export function makeTarget(id: string, overrides: Partial<Target> = {}): Target {
  return {
    id,
    metric: `指标${id}`,
    comparator: ">=",
    value: 10,
    max: null,
    unit: "家",
    kind: "cumulative",
    deadline: "2011-12-31",
    parent: null,
    source: `新增指标${id}10家`,
    line: 1,
    ...overrides,
  };
}

/** A plan with one section and one item per target id. */
export function makePlan(ids: readonly string[]): Plan {
  return {
    title: "测试工作要点",
    year: 2011,
    sections: [
      {
        no: "一",
        title: "测试",
        line: 1,
        items: ids.map((id, i) => ({
          no: String(i + 1),
          title: `事项${id}`,
          text: `事项${id}的全文`,
          departments: ["市发改委"],
          partners: [],
          targets: [makeTarget(id)],
          line: i + 2,
        })),
      },
    ],
    diagnostics: [],
  };
}

const HEADERS = ["编号", "指标", "目标值", "单位", ...MONTHS, "累计", "进展情况"];

export function ledgerSheet(ids: readonly string[], entries: Record<string, Record<number, number>> = {}): SheetSpec {
  const header: CellSpec[] = HEADERS.map((h) => ({ value: h, style: "header" }));
  const rows: Array<Array<CellSpec | null>> = [[{ value: "测试台账", style: "title" }], header];
  ids.forEach((id, i) => {
    const r = i + 2;
    const months: Array<CellSpec | null> = MONTHS.map((_, m) => ({
      value: entries[id]?.[m + 1] ?? null,
      style: "input",
    }));
    const sum = months.reduce((s, c) => s + (typeof c?.value === "number" ? c.value : 0), 0);
    rows.push([
      { value: id, style: "id" },
      { value: `指标${id}`, style: "text" },
      { value: 10, style: "number" },
      { value: "家", style: "text" },
      ...months,
      { value: sum, formula: `SUM(E${r + 1}:P${r + 1})`, style: "number" },
      { value: null, style: "note" },
    ]);
  });
  const last = ids.length + 2;
  return {
    name: "台账",
    state: "visible",
    tabColor: "1F6FB2",
    rows,
    columns: HEADERS.map((h) => ({ width: h === "指标" ? 30 : 9 })),
    rowHeights: { 0: 24 },
    merges: [`A1:${String.fromCharCode(65 + HEADERS.length - 1)}1`],
    frozen: { rows: 2, columns: 2 },
    validations: [
      {
        range: `E3:P${last}`,
        rule: { type: "decimal", operator: "greaterThanOrEqual", formula1: 0 },
        allowBlank: true,
        error: { style: "stop", title: "请输入数字", message: "本月完成只能填数字" },
      },
    ],
    conditionalFormats: [
      {
        range: `Q3:Q${last}`,
        rules: [
          { formula: `$Q3>=$C3`, style: { fill: "C6EFCE" }, stopIfTrue: true },
          { formula: `$Q3<$C3`, style: { fill: "FFC7CE", fontColor: "9C0006", bold: true }, stopIfTrue: false },
        ],
      },
    ],
    protection: { allowFormatColumns: true, allowFormatRows: true, allowSort: false, allowAutoFilter: true },
  };
}

export function settingsSheet(): SheetSpec {
  return {
    name: "设置",
    state: "veryHidden",
    rows: [[{ value: "报告月份" }, { value: 3 }]],
    columns: [{ width: 12 }, { width: 8 }],
    merges: [],
    validations: [],
    conditionalFormats: [],
  };
}

export function makeLedgerSpec(
  ids: readonly string[],
  entries: Record<string, Record<number, number>> = {},
): WorkbookSpec {
  return {
    sheets: [ledgerSheet(ids, entries), settingsSheet()],
    styles: {
      title: { font: { bold: true, size: 16 }, alignment: { horizontal: "center" } },
      header: {
        font: { bold: true },
        fill: "DDEBF7",
        border: "808080",
        alignment: { horizontal: "center", wrapText: true },
      },
      id: { numberFormat: "@", border: "808080" },
      text: { border: "808080" },
      number: { numberFormat: "0.00", border: "808080" },
      input: { numberFormat: "0.00", border: "808080", fill: "FFF2CC", locked: false },
      note: { border: "808080", alignment: { wrapText: true }, locked: false },
    },
    definedNames: [{ name: "报告月份", ref: "'设置'!$B$1" }],
    properties: { title: "测试台账", creator: "plan-ledger", created: "2011-03-01T00:00:00.000Z" },
    fullCalcOnLoad: true,
    activeSheet: 0,
  };
}

export function ids(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${Math.floor(i / 5) + 1}.${(i % 5) + 1}`);
}
