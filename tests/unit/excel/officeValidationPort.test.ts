/**
 * The Office.js validation port against the strict fake: one read of every sheet (the very-hidden
 * _meta included) in a fixed number of syncs, selection of a finding's cell, and fixes written in one
 * batch — through the sheet's protection, never over a cell that changed after the check.
 */
import type { Plan } from "../../../src/domain/plan/types";
import { validateLedgerGrid } from "../../../src/domain/progress/validateLedger";
import { readLedger } from "../../../src/domain/progress/readLedger";
import { AddinError } from "../../../src/excel/errors";
import type { FixRequest } from "../../../src/excel/validationPort";
import { findCell } from "../../../src/domain/workbook/address";
import { createOfficeValidationPort } from "../../../src/excel/officeValidationPort";
import { FakeExcelContext, getCell, snapshotWorkbook } from "../../support/fakeExcel";
import {
  cumulativeRows,
  generateIntoFake,
  ledgerValue as cellOf,
  typeIntoLedger as type,
  validationPortOver as portOver,
} from "../../support/fakeLedger";
import { makePlan } from "../../support/builders";
import { parseBuiltinPlan } from "../../support/planFixtures";

const generated = (plan: Plan, password?: string) => generateIntoFake(plan, { password });

/** Locks a cell of 台账, as a department might with its own protection settings. */
function lock(ctx: FakeExcelContext, cell: string): void {
  const at = findCell(cell)!;
  getCell(
    ctx.state.sheets.find((s) => s.name === "台账")!,
    at.row,
    at.column,
  ).locked = true;
}

/** The January and February cells of the first cumulative target, and January of the second. */
async function cumulativeCells(ctx: FakeExcelContext): Promise<string[]> {
  const [first, second] = await cumulativeRows(ctx);
  return [first!.jan, first!.feb, second!.jan];
}

describe("reading the ledger", () => {
  it("reads every sheet, the very-hidden _meta included, in two syncs", async () => {
    const ctx = await generated(parseBuiltinPlan());
    const before = ctx.syncCount;
    const read = await portOver(ctx).readLedgerGrid();
    expect(ctx.syncCount - before).toBe(2);
    expect(read.syncs).toBe(2);
    expect(read.grid.sheets.map((s) => s.name)).toEqual(["说明", "计划", "台账", "汇总", "设置", "_meta", "Sheet1"]);
    expect(ctx.state.sheets.find((s) => s.name === "_meta")!.visibility).toBe("VeryHidden");
    expect(read.grid.sheets.find((s) => s.name === "_meta")!.rows.length).toBeGreaterThan(1);
    const v = validateLedgerGrid(read.grid, "test");
    expect(v.reportMonth).toBe(3);
    expect(v.findings.filter((f) => f.code === "layout-changed")).toEqual([]);
  });

  it("reads again in one sync while the workbook keeps its sheets", async () => {
    const ctx = await generated(parseBuiltinPlan());
    const port = portOver(ctx);
    const first = await port.readLedgerGrid();
    await type(ctx, { I5: 3 });
    const before = ctx.syncCount;
    const again = await port.readLedgerGrid();
    expect([again.syncs, ctx.syncCount - before]).toEqual([1, 1]);
    expect(again.grid.sheets.map((s) => s.name)).toEqual(first.grid.sheets.map((s) => s.name));
    expect(again.grid.sheets.find((s) => s.name === "台账")!.rows[4]![8]).toBe(3);
  });

  it("lists the sheets again when one was added (2 syncs) or renamed (3 syncs)", async () => {
    const ctx = await generated(parseBuiltinPlan());
    const port = portOver(ctx);
    await port.readLedgerGrid();
    ctx.workbook.worksheets.add("备注");
    await ctx.sync();
    let before = ctx.syncCount;
    let read = await port.readLedgerGrid();
    expect([read.syncs, ctx.syncCount - before]).toEqual([2, 2]);
    expect(read.grid.sheets.map((s) => s.name)).toContain("备注");

    ctx.state.sheets.find((s) => s.name === "汇总")!.name = "汇总表";
    before = ctx.syncCount;
    read = await port.readLedgerGrid();
    expect([read.syncs, ctx.syncCount - before]).toEqual([3, 3]);
    expect(read.grid.sheets.map((s) => s.name)).toEqual([
      "说明",
      "计划",
      "台账",
      "汇总表",
      "设置",
      "_meta",
      "Sheet1",
      "备注",
    ]);
  });

  it("places a used range that does not start at A1 and reports blanks as null", async () => {
    const ctx = new FakeExcelContext();
    ctx.workbook.worksheets.getItemOrNullObject("Sheet1").getRange("C3:D3").values = [[1, "x"]];
    await ctx.sync();
    const { grid } = await portOver(ctx).readLedgerGrid();
    expect(grid.sheets[0]!.rows).toEqual([[], [], [null, null, 1, "x"]]);
  });

  it("finds a malformed entry typed into the ledger, with its fix", async () => {
    const ctx = await generated(parseBuiltinPlan());
    const [jan] = await cumulativeCells(ctx);
    await type(ctx, { [jan!]: "１０" });
    const v = validateLedgerGrid((await portOver(ctx).readLedgerGrid()).grid, "test");
    const nan = v.findings.find((f) => f.code === "not-a-number")!;
    expect(nan).toMatchObject({ sheet: "台账", cell: jan, month: 1, fix: { value: 10 } });
  });
});

describe("selecting a finding's cell", () => {
  it("activates the sheet and selects the cell in one sync", async () => {
    const ctx = await generated(parseBuiltinPlan());
    const port = portOver(ctx);
    await port.selectCell("计划", "B4");
    const before = ctx.syncCount;
    await port.selectCell("台账", "K7");
    expect(ctx.syncCount - before).toBe(1);
    expect(snapshotWorkbook(ctx.state)).toMatchObject({ activeSheet: "台账", selection: "K7" });
  });

  it("only activates the sheet for a finding about a whole sheet", async () => {
    const ctx = await generated(parseBuiltinPlan());
    await portOver(ctx).selectCell("设置", "");
    const snap = snapshotWorkbook(ctx.state);
    expect(snap.activeSheet).toBe("设置");
    expect(snap.selection).toBeUndefined();
  });

  it("reports Excel's refusal to select on a hidden sheet", async () => {
    const ctx = await generated(parseBuiltinPlan());
    await expect(portOver(ctx).selectCell("_meta", "A1")).rejects.toMatchObject({ code: "excel-request-failed" });
  });
});

describe("applying fixes", () => {
  it("writes every fix in one batch through the protection of unlocked input cells", async () => {
    const ctx = await generated(parseBuiltinPlan());
    const [jan, feb, other] = await cumulativeCells(ctx);
    await type(ctx, { [jan!]: "１０", [feb!]: "1,200", [other!]: "５" });
    const ledgerSheet = ctx.state.sheets.find((s) => s.name === "台账")!;
    const protection = ledgerSheet.protection;
    const fixes: FixRequest[] = [
      { sheet: "台账", cell: jan!, value: 10, seen: "１０" },
      { sheet: "台账", cell: feb!, value: 1200, seen: "1,200" },
      { sheet: "台账", cell: other!, value: 5, seen: "５" },
    ];
    const before = ctx.syncCount;
    const report = await portOver(ctx).applyFixes(fixes);
    expect(ctx.syncCount - before).toBe(2);
    expect(report).toEqual({ applied: fixes, skipped: [], reprotected: [], syncs: 2 });
    expect([cellOf(ctx, jan!), cellOf(ctx, feb!), cellOf(ctx, other!)]).toEqual([10, 1200, 5]);
    expect(ledgerSheet.protection).toBe(protection); // never lifted
  });

  it("unprotects, writes and protects again with the same options in one batch for a locked cell", async () => {
    const ctx = await generated(parseBuiltinPlan());
    const [jan, feb] = await cumulativeCells(ctx);
    await type(ctx, { [jan!]: "１０", [feb!]: "１２" });
    lock(ctx, feb!);
    const ledgerSheet = ctx.state.sheets.find((s) => s.name === "台账")!;
    const options = { ...ledgerSheet.protection!.options };
    const before = ctx.syncCount;
    const report = await portOver(ctx).applyFixes([
      { sheet: "台账", cell: jan!, value: 10, seen: "１０" },
      { sheet: "台账", cell: feb!, value: 12, seen: "１２" },
    ]);
    expect(ctx.syncCount - before).toBe(2);
    expect(report).toMatchObject({ reprotected: ["台账"], syncs: 2 });
    expect([cellOf(ctx, jan!), cellOf(ctx, feb!)]).toEqual([10, 12]);
    expect(ledgerSheet.protection).toEqual({ options, password: undefined });
  });

  it("never overwrites a cell that changed after the check, and applies the rest", async () => {
    const ctx = await generated(parseBuiltinPlan());
    const [jan, feb] = await cumulativeCells(ctx);
    await type(ctx, { [jan!]: "１０", [feb!]: "１２" });
    await type(ctx, { [feb!]: 13 }); // the department corrected it meanwhile
    const report = await portOver(ctx).applyFixes([
      { sheet: "台账", cell: jan!, value: 10, seen: "１０" },
      { sheet: "台账", cell: feb!, value: 12, seen: "１２" },
    ]);
    expect(report.applied.map((f) => f.cell)).toEqual([jan]);
    expect(report.skipped).toEqual([{ fix: { sheet: "台账", cell: feb, value: 12, seen: "１２" }, current: 13 }]);
    expect([cellOf(ctx, jan!), cellOf(ctx, feb!)]).toEqual([10, 13]);
  });

  it("writes nothing and takes one sync when every cell changed", async () => {
    const ctx = await generated(parseBuiltinPlan());
    const [jan] = await cumulativeCells(ctx);
    await type(ctx, { [jan!]: 7 });
    const before = ctx.syncCount;
    const report = await portOver(ctx).applyFixes([{ sheet: "台账", cell: jan!, value: 10, seen: "１０" }]);
    expect(ctx.syncCount - before).toBe(1);
    expect(report).toMatchObject({ applied: [], reprotected: [], syncs: 1 });
    expect(cellOf(ctx, jan!)).toBe(7);
  });

  it("writes unlocked cells of a sheet protected with a password, keeping the password", async () => {
    const ctx = await generated(parseBuiltinPlan(), "secret");
    const [jan] = await cumulativeCells(ctx);
    await type(ctx, { [jan!]: "１０" });
    const report = await portOver(ctx).applyFixes([{ sheet: "台账", cell: jan!, value: 10, seen: "１０" }]);
    expect(report).toMatchObject({ reprotected: [], syncs: 2 });
    expect(cellOf(ctx, jan!)).toBe(10);
    expect(ctx.state.sheets.find((s) => s.name === "台账")!.protection?.password).toBe("secret");
  });

  it("says the sheet has a password when a locked cell needs it, and changes nothing", async () => {
    const ctx = await generated(parseBuiltinPlan(), "secret");
    const [jan, feb] = await cumulativeCells(ctx);
    await type(ctx, { [jan!]: "１０", [feb!]: "１２" });
    lock(ctx, feb!);
    const error = await portOver(ctx)
      .applyFixes([
        { sheet: "台账", cell: jan!, value: 10, seen: "１０" },
        { sheet: "台账", cell: feb!, value: 12, seen: "１２" },
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AddinError);
    expect(error).toMatchObject({ code: "sheet-protected", params: { sheet: "台账" } });
    expect([cellOf(ctx, jan!), cellOf(ctx, feb!)]).toEqual(["１０", "１２"]);
    expect(ctx.state.sheets.find((s) => s.name === "台账")!.protection?.password).toBe("secret");
  });

  it("refuses a fix that is not a number or not a cell before touching Excel", async () => {
    const ctx = await generated(parseBuiltinPlan());
    const before = ctx.syncCount;
    await expect(portOver(ctx).applyFixes([{ sheet: "台账", cell: "I", value: 1, seen: null }])).rejects.toMatchObject({
      code: "excel-request-failed",
    });
    expect(ctx.syncCount).toBe(before);
  });
});

describe("a ledger too large for one response (Excel on the web)", () => {
  it("is read again in blocks that each fit, giving the same grid", async () => {
    const plan = makePlan({ targets: Array.from({ length: 600 }, () => ({ unit: "家", value: 100 })) });
    const ctx = await generated(plan);
    const whole = await portOver(ctx).readLedgerGrid();
    const roomy = new FakeExcelContext({ state: ctx.state, maxResponseBytes: 1_000_000 });
    await expect(portOver(roomy).readLedgerGrid()).resolves.toMatchObject({ syncs: 2 });
    const web = new FakeExcelContext({ state: ctx.state, maxResponseBytes: 100_000 });
    const port = createOfficeValidationPort({ run: (batch) => batch(web), cellsPerSync: 2_000 });
    const read = await port.readLedgerGrid();
    expect(read.grid).toEqual(whole.grid);
    expect(read.syncs).toBe(web.syncCount);
    expect(read.syncs).toBeGreaterThan(4);
  });

  it("is refused by the strict fake in one response", async () => {
    const ctx = await generated(makePlan({ targets: Array.from({ length: 600 }, () => ({ unit: "家" })) }));
    const web = new FakeExcelContext({ state: ctx.state, maxResponseBytes: 50_000 });
    const sheet = web.workbook.worksheets.getItemOrNullObject("台账").getUsedRangeOrNullObject(true);
    sheet.load("values");
    await expect(web.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});

describe("sync counts do not grow with the ledger", () => {
  it("reads a 2,000-target ledger in two syncs and fixes 100 cells in two", async () => {
    const plan = makePlan({ targets: Array.from({ length: 2000 }, () => ({ unit: "家", value: 100 })) });
    const ctx = await generated(plan);
    const port = portOver(ctx);
    let before = ctx.syncCount;
    const { grid, syncs } = await port.readLedgerGrid();
    expect([syncs, ctx.syncCount - before]).toEqual([2, 2]);
    const rows = readLedger(grid, "big").rows;
    expect(rows).toHaveLength(2000);
    const cells = rows.slice(0, 100).map((r) => r.monthCell(1));
    await type(ctx, Object.fromEntries(cells.map((c) => [c, "１"])));
    before = ctx.syncCount;
    const report = await port.applyFixes(cells.map((cell) => ({ sheet: "台账", cell, value: 1, seen: "１" })));
    expect([report.applied.length, report.syncs, ctx.syncCount - before]).toEqual([100, 2, 2]);
  });
});
