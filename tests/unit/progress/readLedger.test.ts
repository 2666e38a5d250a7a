import { PlanLedgerError } from "../../../src/domain/errors";
import { buildLedger } from "../../../src/domain/ledger/buildLedger";
import { LEDGER_COLUMNS } from "../../../src/domain/ledger/layout";
import { checkRow } from "../../../src/domain/progress/checkRow";
import { readLedger, isoFromCell } from "../../../src/domain/progress/readLedger";
import { valuesOfSpec } from "../../../src/domain/workbook/specGrid";
import { parseBuiltinPlan } from "../../support/planFixtures";

const plan = parseBuiltinPlan();
const GENERATED_AT = "2011-04-05T08:00:00.000Z";

function ledgerGrid(lang: "zh-CN" | "en-US" = "zh-CN", monthly: Record<string, Array<number | null>> = {}) {
  return valuesOfSpec(buildLedger(plan, { lang, reportMonth: 3, generatedAt: GENERATED_AT, monthly }));
}

function sheet(grid: ReturnType<typeof valuesOfSpec>, name: string) {
  return grid.sheets.find((s) => s.name === name)!;
}

describe("readLedger", () => {
  it("reads every target row, its kind and the settings from a generated ledger", () => {
    const read = readLedger(ledgerGrid("zh-CN", { "2.1": [1, 1, 1] }), "台账.xlsx");
    const total = plan.sections.reduce((a, s) => a + s.items.reduce((b, i) => b + i.targets.length, 0), 0);
    expect(read.rows.length).toBe(total);
    expect(read.layout).toEqual([]);
    expect(read.settings).toEqual({ year: 2011, reportMonth: 3, yellow: 10, red: 30 });
    const row = read.rows.find((r) => r.target.id === "8.1")!;
    expect(row.target).toMatchObject({ kind: "cap", comparator: "<=", value: 10, unit: "个", deadline: "2011-12-31" });
    const first = read.rows.find((r) => r.target.id === "2.1")!;
    expect(first.months.slice(0, 4)).toEqual([1, 1, 1, null]);
    expect(first.monthCell(1)).toBe(`I${read.rows.indexOf(first) + 4}`);
  });

  it("reads an English ledger", () => {
    const read = readLedger(ledgerGrid("en-US"), "ledger.xlsx");
    expect(read.ledgerSheet).toBe("Ledger");
    expect(read.settings).toEqual({ year: 2011, reportMonth: 3, yellow: 10, red: 30 });
    expect(read.rows.find((r) => r.target.id === "20.1")!.target).toMatchObject({ kind: "rate", value: 98, unit: "%" });
  });

  it("finds columns by header text after a department inserted a column, and says so", () => {
    const grid = ledgerGrid("zh-CN", { "2.1": [1, 1, 1] });
    const ledger = sheet(grid, "台账");
    for (const row of ledger.rows) row.splice(2, 0, "插入的列");
    const read = readLedger(grid, "a.xlsx");
    const row = read.rows.find((r) => r.target.id === "2.1")!;
    expect(row.months.slice(0, 3)).toEqual([1, 1, 1]);
    expect(row.monthCell(1)).toBe(`J${read.rows.indexOf(row) + 4}`);
    expect(read.layout.map((f) => [f.params.what, f.params.column, f.cell])).toEqual([["columns-moved", "部分", "D3"]]);
  });

  it("finds rows by target id after rows were re-ordered, and reports a renamed sheet", () => {
    const grid = ledgerGrid("zh-CN", { "8.1": [5, 6, 1] });
    const ledger = sheet(grid, "台账");
    const body = ledger.rows.splice(3);
    ledger.rows.push(...body.reverse());
    ledger.name = "我的台账";
    const read = readLedger(grid, "a.xlsx");
    const cap = read.rows.find((r) => r.target.id === "8.1")!;
    expect(cap.months.slice(0, 3)).toEqual([5, 6, 1]);
    expect(checkRow(cap, read.settings).map((f) => f.code)).toEqual(["cap-exceeded", "narrative-missing"]);
    expect(read.layout.map((f) => f.params.what)).toEqual(["sheet-renamed"]);
  });

  it("reports missing metadata and missing rows but still reads the rest", () => {
    const grid = ledgerGrid();
    grid.sheets = grid.sheets.filter((s) => s.name !== "_meta");
    const ledger = sheet(grid, "台账");
    const removed = ledger.rows.splice(3, 1)[0]!;
    const read = readLedger(grid, "a.xlsx");
    expect(read.layout.map((f) => [f.params.what, f.params.id ?? ""])).toEqual([
      ["metadata-missing", ""],
      ["row-missing", String(removed[LEDGER_COLUMNS.id])],
    ]);
    expect(read.rows.length).toBeGreaterThan(40);
  });

  it("refuses a workbook that is no ledger", () => {
    expect(() => readLedger({ sheets: [{ name: "Sheet1", rows: [["a", "b"]] }] }, "other.xlsx")).toThrow(
      new PlanLedgerError("not-a-ledger", { file: "other.xlsx" }),
    );
  });

  it("turns Excel date serials into ISO dates", () => {
    expect(isoFromCell(40908)).toBe("2011-12-31");
    expect(isoFromCell("2011-06-30")).toBe("2011-06-30");
    expect(isoFromCell(new Date(Date.UTC(2011, 2, 31)))).toBe("2011-03-31");
    expect(isoFromCell("soon")).toBe("");
  });
});
